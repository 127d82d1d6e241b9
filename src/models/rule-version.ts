import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { jsonTextSetter, type JsonValue } from './json-field.js';
import { isPlainObject } from '../lib/objects.js';
import { required } from './validators.js';

/**
 * 规则版本: an AuthorityRule as it was at one version, kept so a change can be undone. The history outlives
 * the rule (ruleId carries no foreign key), so a deleted rule can be restored from its last snapshot.
 */
export class RuleVersion extends Model<InferAttributes<RuleVersion>, InferCreationAttributes<RuleVersion>> {
  declare id: CreationOptional<number>;
  declare ruleId: number;
  declare version: number;
  /** The rule's attributes at this version (name, actions, effect, conditions, priority, enabled, clause …). */
  declare snapshot: { [key: string]: JsonValue };
  /** Who made the change; null for the seed. */
  declare changedById: CreationOptional<number | null>;
  declare changedAt: CreationOptional<Date>;
  declare changeNote: CreationOptional<string | null>;
  /** The change set that published this version; null for versions written by the seed or the restore. */
  declare changeSetId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('RuleVersion');
const versionTaken = `该${label('ruleId')}已有此${label('version')}`;

RuleVersion.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    ruleId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: { name: 'RuleVersion_rule_version', msg: versionTaken },
      validate: required(label('ruleId')),
    },
    version: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: { name: 'RuleVersion_rule_version', msg: versionTaken },
      validate: {
        ...required(label('version')),
        isInt: { msg: `${label('version')}必须是整数` },
        min: { args: [1], msg: `${label('version')}从 1 开始` },
      },
    },
    snapshot: {
      type: DataTypes.JSON,
      allowNull: false,
      set: jsonTextSetter('snapshot'),
      validate: {
        ...required(label('snapshot')),
        isSnapshot(value: unknown) {
          if (!isPlainObject(value)) throw new Error(`${label('snapshot')}必须是 JSON 对象`);
        },
      },
    },
    changedById: { type: DataTypes.INTEGER, allowNull: true },
    changedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    changeNote: { type: DataTypes.TEXT, allowNull: true },
    changeSetId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'RuleVersion',
    modelName: 'RuleVersion',
    indexes: [{ fields: ['changedById'] }, { fields: ['changedAt'] }, { fields: ['changeSetId'] }],
  },
);
