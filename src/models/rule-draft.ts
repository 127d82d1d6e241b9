import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { jsonTextSetter, type JsonValue } from './json-field.js';
import { isPlainObject } from '../lib/objects.js';
import { oneOf, required } from './validators.js';

/** create 新建规则 / change 修改规则 / remove 删除规则. */
export const RULE_DRAFT_KINDS = ['create', 'change', 'remove'] as const;
export type RuleDraftKind = (typeof RULE_DRAFT_KINDS)[number];
/** pending 待发布 → published 已发布 (with its change set) or discarded 已放弃. */
export const RULE_DRAFT_STATUSES = ['pending', 'published', 'discarded'] as const;
export type RuleDraftStatus = (typeof RULE_DRAFT_STATUSES)[number];

/**
 * 规则草稿: a change to the authority rules that governs nobody until 管理处主任 publishes it. A pending draft of
 * an existing rule holds the whole rule as it would be (`proposed`) and the version it was drafted on, so a rule
 * changed in between is caught at publishing instead of silently overwritten. One pending draft per rule: a second
 * change to the same rule updates it.
 */
export class RuleDraft extends Model<InferAttributes<RuleDraft>, InferCreationAttributes<RuleDraft>> {
  declare id: CreationOptional<number>;
  /** The rule it changes or removes; null for a new rule. */
  declare ruleId: CreationOptional<number | null>;
  declare kind: RuleDraftKind;
  /** The rule's fields as they would be (name, actions, effect, conditions …); null for a removal. */
  declare proposed: CreationOptional<{ [key: string]: JsonValue } | null>;
  /** The rule's version when the draft was made; null for a new rule. */
  declare baseVersion: CreationOptional<number | null>;
  declare status: CreationOptional<RuleDraftStatus>;
  declare createdById: CreationOptional<number | null>;
  declare changeSetId: CreationOptional<number | null>;
  /** "import" for a draft an import of job descriptions proposed; null for one a person wrote. */
  declare origin: CreationOptional<string | null>;
  /** Where the draft came from, in words: the document, the clause and the words that matched. */
  declare sourceNote: CreationOptional<string | null>;
  /** 待审核: proposed on someone's behalf and not yet looked at by 管理处主任; publishing leaves it out. */
  declare needsReview: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('RuleDraft');

RuleDraft.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    ruleId: { type: DataTypes.INTEGER, allowNull: true },
    kind: {
      type: DataTypes.ENUM(...RULE_DRAFT_KINDS),
      allowNull: false,
      validate: { ...required(label('kind')), ...oneOf(RULE_DRAFT_KINDS, label('kind')) },
    },
    proposed: {
      type: DataTypes.JSON,
      allowNull: true,
      set: jsonTextSetter('proposed'),
      validate: {
        isRule(value: unknown) {
          if (value !== null && !isPlainObject(value)) throw new Error(`${label('proposed')}必须是 JSON 对象`);
        },
      },
    },
    baseVersion: { type: DataTypes.INTEGER, allowNull: true },
    status: {
      type: DataTypes.ENUM(...RULE_DRAFT_STATUSES),
      allowNull: false,
      defaultValue: 'pending',
      validate: { ...required(label('status')), ...oneOf(RULE_DRAFT_STATUSES, label('status')) },
    },
    createdById: { type: DataTypes.INTEGER, allowNull: true },
    changeSetId: { type: DataTypes.INTEGER, allowNull: true },
    origin: { type: DataTypes.STRING(20), allowNull: true },
    sourceNote: { type: DataTypes.TEXT, allowNull: true },
    needsReview: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'RuleDraft',
    modelName: 'RuleDraft',
    indexes: [{ fields: ['status'] }, { fields: ['ruleId'] }, { fields: ['changeSetId'] }, { fields: ['origin'] }],
    validate: {
      proposedFitsKind(this: RuleDraft) {
        // A bulk update of the status (publishing, discarding) validates only the fields it sets.
        if (this.kind === undefined) return;
        if (this.kind === 'remove' ? this.proposed !== null && this.proposed !== undefined : !this.proposed)
          throw new Error(`${label('proposed')}与${label('kind')}不符`);
        if ((this.kind === 'create') !== (this.ruleId === null || this.ruleId === undefined))
          throw new Error(`${label('ruleId')}与${label('kind')}不符`);
      },
    },
  },
);
