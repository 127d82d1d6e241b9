// Validation of an authority rule as the director submits it: every field checked against the action and fact
// catalogues and json-rules-engine's default operators, every problem said in Chinese with where it is.
// The same field checks guard every write of the model (rule-writes.ts), so no path saves a bad rule. The
// conditions are checked by condition-check.ts, JSON text read by json-text.ts, typos answered by suggest.ts.
import { resourceLabel, ACTION_GROUPS, ACTION_LABELS, isCatalogued } from './catalogue.js';
import { fail, isObject, pass, problemOf, shown, type Checked } from './checked.js';
import { checkConditions, engineProblem, type ConditionGroup } from './condition-check.js';
import { fromJsonText } from './json-text.js';
import { closest } from './suggest.js';
import { MAX_PRIORITY } from '../models/index.js';

export { MAX_PRIORITY };
export {
  RULE_OPERATORS,
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_LEAVES,
  type RuleOperator,
  type ConditionGroup,
  type RuleCondition,
  type LeafCondition,
  type FactReference,
  type ConditionValue,
} from './condition-check.js';

export const MAX_NAME_LENGTH = 100;

/** 'Resource.action' as in the action catalogue (`RenovationDeposit.refund`); `Staff.*` covers a resource. */
export const ACTION_PATTERN = /^[A-Z][A-Za-z0-9]*\.(\*|[a-z][A-Za-z0-9]*)$/;

/** A rule that passed every check; paths are plain dotted paths (a JSONPath `$.` prefix is dropped). */
export interface ValidRule {
  name: string;
  description: string | null;
  actions: string[];
  effect: 'allow' | 'deny';
  conditions: ConditionGroup;
  priority: number;
  enabled: boolean;
  clause: string | null;
}

export type RuleValidation = { ok: true; rule: ValidRule } | { ok: false; errors: Record<string, string> };

function nameProblem(value: unknown): string | null {
  if (value === undefined || value === null) return '规则名称不能为空';
  if (typeof value !== 'string') return '规则名称必须是文字';
  const name = value.trim();
  if (name === '') return '规则名称不能为空';
  const length = [...name].length;
  if (length > MAX_NAME_LENGTH) return `规则名称不能超过 ${MAX_NAME_LENGTH} 个字（现在 ${length} 个）`;
  return null;
}

function optionalText(value: unknown, label: string): Checked<string | null> {
  if (value === undefined || value === null) return pass(null);
  if (typeof value !== 'string') return fail(`${label}必须是文字`);
  return pass(value.trim() === '' ? null : value.trim());
}

function checkAction(action: unknown, index: number): Checked<string> {
  if (typeof action !== 'string')
    return fail(`第 ${index + 1} 个动作必须是文字，如 "Ticket.dispatch"，现在是 ${shown(action)}`);
  const catalogue = Object.keys(ACTION_LABELS);
  if (!ACTION_PATTERN.test(action)) {
    return fail(`动作“${action}”格式不正确，应为“资源.动作”，如 ${closest(action, catalogue) ?? 'Ticket.dispatch'}`);
  }
  if (isCatalogued(action)) return pass(action);
  const [resource, verb] = action.split('.');
  if (!ACTION_GROUPS.includes(resource)) {
    const near = verb === '*' ? closest(resource, ACTION_GROUPS) : closest(action, catalogue);
    return fail(
      `动作“${action}”不在动作目录中：没有资源“${resource}”${near ? `，是不是 ${verb === '*' ? `${near}.*` : near}？` : ''}`,
    );
  }
  if (verb === '*') return pass(action);
  const own = catalogue.filter((name) => name.startsWith(`${resource}.`));
  const near = closest(action, own, (name) => name.split('.')[1] ?? name);
  if (near) return fail(`动作“${action}”不在动作目录中，是不是 ${near}？`);
  return fail(`动作“${action}”不在动作目录中（${resourceLabel(resource)}可用的动作：${own.join('、')}）`);
}

function checkActions(input: unknown): Checked<string[]> {
  const parsed = fromJsonText(input, '动作');
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (value === null || value === undefined) return fail('至少要有一个动作');
  if (!Array.isArray(value)) return fail('动作必须是数组，如 ["Ticket.new", "Ticket.dispatch"]');
  if (value.length === 0) return fail('至少要有一个动作');
  const seen = new Set<string>();
  for (const [index, item] of value.entries()) {
    const action = checkAction(item, index);
    if (!action.ok) return action;
    if (seen.has(action.value)) return fail(`动作“${action.value}”重复了`);
    seen.add(action.value);
  }
  return pass(value as string[]);
}

export const actionsProblem = (value: unknown): string | null => problemOf(checkActions(value));

function checkEffect(value: unknown): Checked<'allow' | 'deny'> {
  if (value === undefined || value === null || value === '')
    return fail('规则效果不能为空，请选择允许(allow)或拒绝(deny)');
  if (value === 'allow' || value === 'deny') return pass(value);
  return fail(`规则效果必须是允许(allow)或拒绝(deny)，不能是 ${shown(value)}`);
}

function checkPriority(value: unknown): Checked<number> {
  if (value === undefined || value === null || value === '') return pass(1);
  const number = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > MAX_PRIORITY) {
    return fail(`优先级必须是 1 到 ${MAX_PRIORITY} 之间的整数，现在是 ${shown(value)}`);
  }
  return pass(number);
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', '是', '启用']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off', '否', '停用']);

function checkEnabled(value: unknown): Checked<boolean> {
  if (value === undefined || value === null || value === '') return pass(true);
  if (typeof value === 'boolean') return pass(value);
  if (value === 1 || value === 0) return pass(value === 1);
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return pass(true);
    if (FALSE_WORDS.has(word)) return pass(false);
  }
  return fail(`“是否启用”必须是 是(true) 或 否(false)，现在是 ${shown(value)}`);
}

// ---------------------------------------------------------------------------------------------- conditions

/**
 * The conditions' problem, or null: catalogued facts and paths, default operators, values that fit, and a
 * condition at all when the rule allows.
 */
export const conditionsProblem = (value: unknown, effect?: string): string | null =>
  problemOf(checkConditions(value, effect));

// ---------------------------------------------------------------------------------------------- the rule

/** A rule as the director submits it (actions and conditions as JSON text or parsed), checked field by field. */
export function validateRuleInput(input: unknown): RuleValidation {
  if (!isObject(input))
    return { ok: false, errors: { rule: '规则必须是 JSON 对象，含 name、actions、effect、conditions 等字段' } };
  const errors: Record<string, string> = {};
  const name = nameProblem(input.name);
  if (name) errors.name = name;
  const description = optionalText(input.description, '说明');
  if (!description.ok) errors.description = description.message;
  const actions = checkActions(input.actions);
  if (!actions.ok) errors.actions = actions.message;
  const effect = checkEffect(input.effect);
  if (!effect.ok) errors.effect = effect.message;
  const conditions = checkConditions(input.conditions, effect.ok ? effect.value : undefined);
  if (!conditions.ok) errors.conditions = conditions.message;
  const priority = checkPriority(input.priority);
  if (!priority.ok) errors.priority = priority.message;
  const enabled = checkEnabled(input.enabled);
  if (!enabled.ok) errors.enabled = enabled.message;
  const clause = optionalText(input.clause, '条款');
  if (!clause.ok) errors.clause = clause.message;

  if (effect.ok && conditions.ok && priority.ok) {
    const refused = engineProblem(conditions.value.conditions, effect.value, priority.value);
    if (refused) errors.conditions = refused;
  }
  if (
    !name &&
    description.ok &&
    actions.ok &&
    effect.ok &&
    conditions.ok &&
    priority.ok &&
    enabled.ok &&
    clause.ok &&
    Object.keys(errors).length === 0
  ) {
    return {
      ok: true,
      rule: {
        name: (input.name as string).trim(),
        description: description.value,
        actions: actions.value,
        effect: effect.value,
        conditions: conditions.value.conditions,
        priority: priority.value,
        enabled: enabled.value,
        clause: clause.value,
      },
    };
  }
  return { ok: false, errors };
}
