import {
  DataTypes,
  Model,
  type Transaction,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
} from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { jsonTextSetter, type JsonValue } from './json-field.js';
import { Conflict } from '../errors.js';
import { required, requiredText } from './validators.js';

/** allow 允许 / deny 拒绝; a deny beats any allow, and nothing is allowed that no rule allows. */
export const RULE_EFFECTS = ['allow', 'deny'] as const;
export type RuleEffect = (typeof RULE_EFFECTS)[number];

/** The highest json-rules-engine priority a rule may have. */
export const MAX_PRIORITY = 1000;

/** json-rules-engine's TopLevelCondition: `{ all: [...] }`, `{ any: [...] }` or `{ not: {...} }`. */
export type RuleConditions = { [key: string]: JsonValue };

/** 权限规则: one json-rules-engine rule implementing a 职权/职责 clause. */
export class AuthorityRule extends Model<InferAttributes<AuthorityRule>, InferCreationAttributes<AuthorityRule>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare description: CreationOptional<string | null>;
  /** The actions it decides, e.g. ["Ticket.dispatch"]. */
  declare actions: string[];
  declare effect: CreationOptional<RuleEffect>;
  declare conditions: CreationOptional<RuleConditions>;
  /** json-rules-engine priority (≥ 1); higher runs first. */
  declare priority: CreationOptional<number>;
  declare enabled: CreationOptional<boolean>;
  /** The clause it implements, with position and number, e.g. "客户接待员 职权1：督促……". */
  declare clause: CreationOptional<string | null>;
  declare positionClauseId: CreationOptional<number | null>;
  /** Set when a re-imported job description changed or removed the clause this rule cites: what changed, for review. */
  declare clauseNotice: CreationOptional<string | null>;
  /** Whether clauseNotice is set (virtual). */
  declare clauseChanged: CreationOptional<boolean>;
  /** The system's protected restore rule (lets 管理处主任 manage rules); not deletable. */
  declare builtIn: CreationOptional<boolean>;
  /** Set when 管理处主任 edits the rule: re-seeding never overwrites it. */
  declare editedByDirector: CreationOptional<boolean>;
  declare version: CreationOptional<number>;
  declare updatedById: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('AuthorityRule');

AuthorityRule.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: {
      type: DataTypes.STRING(100),
      allowNull: false,
      unique: { name: 'AuthorityRule_name', msg: `${label('name')}已存在` },
      validate: {
        ...requiredText(label('name')),
        len: { args: [1, 100], msg: `${label('name')}不能超过 100 个字` },
      },
    },
    description: { type: DataTypes.TEXT, allowNull: true },
    actions: {
      type: DataTypes.JSON,
      allowNull: false,
      set: jsonTextSetter('actions'),
      // What the actions and conditions may say is the rules' to check: src/rules/rule-writes.ts adds those validators.
      validate: required(label('actions')),
    },
    effect: {
      type: DataTypes.ENUM(...RULE_EFFECTS),
      allowNull: false,
      defaultValue: 'allow',
      validate: {
        ...required(label('effect')),
        isIn: { args: [RULE_EFFECTS as unknown as string[]], msg: `${label('effect')}必须是允许(allow)或拒绝(deny)` },
      },
    },
    conditions: {
      type: DataTypes.JSON,
      allowNull: false,
      defaultValue: { all: [] },
      set: jsonTextSetter('conditions'),
      validate: required(label('conditions')),
    },
    priority: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 1,
      validate: {
        ...required(label('priority')),
        isInt: { msg: `${label('priority')}必须是不小于 1 的整数` },
        min: { args: [1], msg: `${label('priority')}必须是不小于 1 的整数` },
        max: { args: [MAX_PRIORITY], msg: `${label('priority')}不能超过 ${MAX_PRIORITY}` },
      },
    },
    enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    clause: { type: DataTypes.TEXT, allowNull: true },
    positionClauseId: { type: DataTypes.INTEGER, allowNull: true },
    clauseNotice: { type: DataTypes.TEXT, allowNull: true },
    // A fact for the rules (复核依据条款的变动 only while there is a notice), read like any field of the row.
    clauseChanged: {
      type: DataTypes.VIRTUAL,
      get(this: AuthorityRule) {
        const notice = this.getDataValue('clauseNotice');
        return typeof notice === 'string' && notice !== '';
      },
    },
    builtIn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    editedByDirector: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    version: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 1,
      validate: {
        isInt: { msg: `${label('version')}必须是整数` },
        min: { args: [1], msg: `${label('version')}从 1 开始` },
      },
    },
    updatedById: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'AuthorityRule',
    modelName: 'AuthorityRule',
    indexes: [{ fields: ['effect'] }, { fields: ['enabled'] }, { fields: ['positionClauseId'] }],
    hooks: {
      // Every version of a rule is kept (RuleVersion), so any change can be read back and undone.
      async afterCreate(rule, options) {
        await snapshot(rule, options, '新建');
      },
      beforeUpdate(rule) {
        if (RULE_CONTENT.some((field) => rule.changed(field)))
          rule.version = (rule.previous('version') ?? rule.version ?? 1) + 1;
      },
      async afterUpdate(rule, options) {
        if (rule.changed('version')) await snapshot(rule, options, '修改');
      },
      beforeDestroy(rule) {
        if (rule.builtIn)
          throw new Conflict(`系统内置的「${rule.name}」不能删除；可以修改或停用，系统管理员可随时把它恢复为默认`);
      },
    },
  },
);

/** The fields whose change makes a new version of the rule. */
const RULE_CONTENT = [
  'name',
  'description',
  'actions',
  'effect',
  'conditions',
  'priority',
  'enabled',
  'clause',
] as const;

/** What a write may say about itself, for the version it makes: the change set publishing it, and its note. */
export interface RuleWriteOptions {
  transaction?: Transaction | null;
  changeSetId?: number;
  changeNote?: string;
}

async function snapshot(rule: AuthorityRule, options: RuleWriteOptions, changeNote: string) {
  // Looked up by name: rule-version.ts is wired to this model in models/index.ts.
  await rule.sequelize.models.RuleVersion.create(
    {
      ruleId: rule.id,
      version: rule.version,
      snapshot: rule.toJSON(),
      changedById: rule.updatedById ?? null,
      changedAt: new Date(),
      changeNote: options.changeNote ?? changeNote,
      changeSetId: options.changeSetId ?? null,
    },
    { transaction: options.transaction ?? null },
  );
}
