import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { isPlainObject, jsonTextSetter, type JsonValue } from './json-field.js';

/** allow 允许 / deny 拒绝; a deny beats any allow, and nothing is allowed that no rule allows. */
export const RULE_EFFECTS = ['allow', 'deny'] as const;
export type RuleEffect = (typeof RULE_EFFECTS)[number];

/** 'Resource.action' as in the action catalogue (`RenovationDeposit.refund`); `Staff.*` covers a resource. */
export const ACTION_PATTERN = /^[A-Z][A-Za-z0-9]*\.(\*|[a-z][A-Za-z0-9]*)$/;

/** json-rules-engine's TopLevelCondition: `{ all: [...] }`, `{ any: [...] }` or `{ not: {...} }`. */
export type RuleConditions = { [key: string]: JsonValue };

export function checkRuleActions(value: unknown): void {
  if (!Array.isArray(value)) throw new Error('动作必须是数组，如 ["Ticket.new", "Ticket.dispatch"]');
  if (value.length === 0) throw new Error('至少要有一个动作');
  for (const action of value) {
    if (typeof action !== 'string' || !ACTION_PATTERN.test(action)) {
      throw new Error(`动作“${String(action)}”格式不正确，应为“资源.动作”，如 Ticket.dispatch`);
    }
  }
  if (new Set(value).size !== value.length) throw new Error('动作不能重复');
}

const MAX_CONDITION_DEPTH = 20;

function checkConditionNode(node: unknown, depth: number): void {
  if (depth > MAX_CONDITION_DEPTH) throw new Error(`条件嵌套不能超过 ${MAX_CONDITION_DEPTH} 层`);
  if (!isPlainObject(node)) throw new Error('每个条件都必须是 JSON 对象');
  const groups = ['all', 'any', 'not'].filter((key) => key in node);
  if (groups.length > 1) throw new Error('一个条件组只能用 all、any、not 中的一个');
  if ('all' in node || 'any' in node) {
    const list = node.all ?? node.any;
    if (!Array.isArray(list)) throw new Error('all / any 后面必须是条件数组');
    for (const child of list) checkConditionNode(child, depth + 1);
    return;
  }
  if ('not' in node) return checkConditionNode(node.not, depth + 1);
  // A reference to a shared condition registered with the engine.
  if ('condition' in node) {
    if (typeof node.condition !== 'string' || node.condition === '') throw new Error('引用的共享条件名称不正确');
    return;
  }
  if (typeof node.fact !== 'string' || node.fact === '') throw new Error('条件缺少事实名称 fact');
  if (typeof node.operator !== 'string' || node.operator === '') throw new Error(`条件“${node.fact}”缺少比较运算 operator`);
  if (!('value' in node)) throw new Error(`条件“${node.fact}”缺少比较值 value`);
}

/** Refuses anything json-rules-engine would not take as a rule's conditions. */
export function checkRuleConditions(value: unknown): void {
  if (!isPlainObject(value) || !['all', 'any', 'not'].some((key) => key in value)) {
    throw new Error('条件必须是 JSON 对象，顶层为 all、any 或 not，如 {"all": []}');
  }
  checkConditionNode(value, 1);
}

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
  /** The system's protected restore rule (lets 管理处主任 manage rules); not deletable. */
  declare builtIn: CreationOptional<boolean>;
  /** Set when 管理处主任 edits the rule: re-seeding never overwrites it. */
  declare editedByDirector: CreationOptional<boolean>;
  declare version: CreationOptional<number>;
  declare updatedById: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

AuthorityRule.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: {
      type: DataTypes.STRING(100),
      allowNull: false,
      unique: { name: 'AuthorityRule_name', msg: '规则名称已存在' },
      validate: { notNull: { msg: '规则名称不能为空' }, notEmpty: { msg: '规则名称不能为空' }, len: { args: [1, 100], msg: '规则名称不能超过 100 个字' } },
    },
    description: { type: DataTypes.TEXT, allowNull: true },
    actions: {
      type: DataTypes.JSON,
      allowNull: false,
      set: jsonTextSetter('actions'),
      validate: { notNull: { msg: '动作不能为空' }, actionList: checkRuleActions },
    },
    effect: {
      type: DataTypes.ENUM(...RULE_EFFECTS),
      allowNull: false,
      defaultValue: 'allow',
      validate: { notNull: { msg: '规则效果不能为空' }, isIn: { args: [RULE_EFFECTS as unknown as string[]], msg: '规则效果必须是允许(allow)或拒绝(deny)' } },
    },
    conditions: {
      type: DataTypes.JSON,
      allowNull: false,
      defaultValue: { all: [] },
      set: jsonTextSetter('conditions'),
      validate: { notNull: { msg: '条件不能为空' }, ruleConditions: checkRuleConditions },
    },
    priority: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 1,
      validate: { notNull: { msg: '优先级不能为空' }, isInt: { msg: '优先级必须是不小于 1 的整数' }, min: { args: [1], msg: '优先级必须是不小于 1 的整数' } },
    },
    enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    clause: { type: DataTypes.TEXT, allowNull: true },
    positionClauseId: { type: DataTypes.INTEGER, allowNull: true },
    builtIn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    editedByDirector: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    version: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 1,
      validate: { isInt: { msg: '版本号必须是整数' }, min: { args: [1], msg: '版本号从 1 开始' } },
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
  },
);
