import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { jsonTextSetter } from './json-field.js';
import { oneOf, required, requiredText } from './validators.js';

/** publish 发布草稿 / rollback 回退. */
export const RULE_CHANGE_SET_KINDS = ['publish', 'rollback'] as const;
export type RuleChangeSetKind = (typeof RULE_CHANGE_SET_KINDS)[number];

/**
 * 规则变更: rule changes that went live together — who published them, when, why, and which rules they changed.
 * Every RuleVersion made by it points back here.
 */
export class RuleChangeSet extends Model<InferAttributes<RuleChangeSet>, InferCreationAttributes<RuleChangeSet>> {
  declare id: CreationOptional<number>;
  declare kind: CreationOptional<RuleChangeSetKind>;
  declare note: string;
  declare publishedById: CreationOptional<number | null>;
  /** Ids of the rules it created, changed or removed. */
  declare rules: CreationOptional<number[]>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('RuleChangeSet');

RuleChangeSet.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    kind: {
      type: DataTypes.ENUM(...RULE_CHANGE_SET_KINDS),
      allowNull: false,
      defaultValue: 'publish',
      validate: { ...required(label('kind')), ...oneOf(RULE_CHANGE_SET_KINDS, label('kind')) },
    },
    note: {
      type: DataTypes.TEXT,
      allowNull: false,
      validate: { ...requiredText(label('note')), len: { args: [1, 500], msg: `${label('note')}不能超过 500 个字` } },
    },
    publishedById: { type: DataTypes.INTEGER, allowNull: true },
    rules: {
      type: DataTypes.JSON,
      allowNull: false,
      defaultValue: [],
      set: jsonTextSetter('rules'),
      validate: {
        isIdList(value: unknown) {
          if (!Array.isArray(value) || !value.every((id) => Number.isInteger(id)))
            throw new Error(`${label('rules')}必须是规则编号的数组`);
        },
      },
    },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'RuleChangeSet',
    modelName: 'RuleChangeSet',
    indexes: [{ fields: ['publishedById'] }, { fields: ['createdAt'] }],
  },
);
