import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { jsonTextSetter, type JsonValue } from './json-field.js';
import { isPlainObject } from '../lib/objects.js';
import { oneOf, required, requiredText } from './validators.js';

/** allow 允许, deny 被规则拒绝, default-deny 无规则允许 (default deny). */
export const DECISION_EFFECTS = ['allow', 'deny', 'default-deny'] as const;
export type DecisionEffect = (typeof DECISION_EFFECTS)[number];

/** A rule that decided, as the decision API reports it. */
export interface DecidingRule {
  /** The rule id, or a built-in guard such as "system-admin". */
  id: number | string;
  name: string;
  clause: string | null;
}

/** 决策日志: who was allowed or denied which action on which record, and by which rules (append-only). */
export class DecisionLog extends Model<InferAttributes<DecisionLog>, InferCreationAttributes<DecisionLog>> {
  declare id: CreationOptional<number>;
  /** The acting staff member; null when there was none. */
  declare staffId: CreationOptional<number | null>;
  /** 'Resource.action', e.g. 'RenovationDeposit.refund'. */
  declare action: string;
  declare resource: string;
  declare recordId: CreationOptional<string | null>;
  declare allowed: boolean;
  declare effect: DecisionEffect;
  declare rules: CreationOptional<DecidingRule[]>;
  /** The versions of the rules that decided, e.g. { "12": 3 } (rule id → version). */
  declare ruleVersions: CreationOptional<JsonValue | null>;
  declare reason: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('DecisionLog');

DecisionLog.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    staffId: { type: DataTypes.INTEGER, allowNull: true },
    action: {
      type: DataTypes.STRING(80),
      allowNull: false,
      validate: requiredText(label('action')),
    },
    resource: {
      type: DataTypes.STRING(40),
      allowNull: false,
      validate: requiredText(label('resource')),
    },
    recordId: { type: DataTypes.STRING(64), allowNull: true },
    allowed: { type: DataTypes.BOOLEAN, allowNull: false, validate: required(label('allowed')) },
    effect: {
      type: DataTypes.ENUM(...DECISION_EFFECTS),
      allowNull: false,
      validate: { ...required(label('effect')), ...oneOf(DECISION_EFFECTS, label('effect')) },
    },
    rules: {
      type: DataTypes.JSON,
      allowNull: false,
      defaultValue: [],
      set: jsonTextSetter('rules'),
      validate: {
        isRuleList(value: unknown) {
          if (!Array.isArray(value) || !value.every((r) => isPlainObject(r)))
            throw new Error(`${label('rules')}必须是 [{id, name, clause}] 数组`);
        },
      },
    },
    ruleVersions: { type: DataTypes.JSON, allowNull: true, set: jsonTextSetter('ruleVersions') },
    reason: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'DecisionLog',
    modelName: 'DecisionLog',
    indexes: [{ fields: ['staffId'] }, { fields: ['action'] }, { fields: ['allowed'] }, { fields: ['createdAt'] }],
    validate: {
      allowedMatchesEffect(this: DecisionLog) {
        if (this.effect && typeof this.allowed === 'boolean' && this.allowed !== (this.effect === 'allow')) {
          throw new Error(`“${label('allowed')}”与${label('effect')}不一致`);
        }
      },
    },
  },
);
