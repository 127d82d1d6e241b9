// A rule in plain Chinese for managers who don't program:
// 允许 客户服务收费员 退押金（装修押金），条件：记录状态 为「在押」，且 验收结果 为「验收合格」
// Labels come from the fact catalogue, the action catalogue and the vocabulary of fields and states (src/vocabulary,
// which the admin's translations are built from too).
import { dunningZh } from '../vocabulary/dunning.js';
import { feesZh } from '../vocabulary/fees.js';
import { frontDeskZh } from '../vocabulary/front-desk.js';
import { governanceZh } from '../vocabulary/governance.js';
import { officeZh } from '../vocabulary/office.js';
import { organisationZh } from '../vocabulary/organisation.js';
import { propertyZh } from '../vocabulary/property.js';
import { renovationZh } from '../vocabulary/renovation.js';
import { resourceLabel, WORKFLOW_ACTIONS, actionLabel } from './catalogue.js';
import { factPath } from './facts.js';
import { POSITION_NAMES } from '../vocabulary/positions.js';
import { isPlainObject } from '../lib/objects.js';
import { topLevelAll, walkConditions, type ConditionVisitor, type Place } from './condition-tree.js';

const OPERATOR_WORDS: Record<string, string> = {
  equal: '为',
  notEqual: '不是',
  in: '是以下之一：',
  notIn: '不是以下任何一个：',
  contains: '包含',
  doesNotContain: '不包含',
  lessThan: '小于',
  lessThanInclusive: '小于或等于',
  greaterThan: '大于',
  greaterThanInclusive: '大于或等于',
};

type Translations = Record<string, { properties?: Record<string, string> }>;
const TRANSLATIONS: Translations = Object.assign(
  {},
  organisationZh,
  propertyZh,
  frontDeskZh,
  feesZh,
  renovationZh,
  dunningZh,
  officeZh,
  governanceZh,
) as Translations;

/** What a stored code of a record field is called: per resource first, then wherever it means one thing. */
function valueLabel(field: string, code: string, resources: readonly string[]): string | undefined {
  const key = `${field}.${code}`;
  for (const resource of resources) {
    const label = TRANSLATIONS[resource]?.properties?.[key];
    if (label) return label;
  }
  const everywhere = new Set(
    Object.values(TRANSLATIONS)
      .map((t) => t.properties?.[key])
      .filter((label): label is string => Boolean(label)),
  );
  return everywhere.size === 1 ? [...everywhere][0] : undefined;
}

/** The coded values of a record field of one resource, in its words: [{ value: 'held', label: '在押' }, …]. */
export function valueChoices(resource: string, field: string): { value: string; label: string }[] {
  const prefix = `${field}.`;
  return Object.entries(TRANSLATIONS[resource]?.properties ?? {})
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, label]) => ({ value: key.slice(prefix.length), label }));
}

export interface ExplainOptions {
  /** Resources the rule acts on (from its actions): a status code reads in that resource's words. */
  resources?: readonly string[];
}

const isObject = isPlainObject;
const plainPath = (path: unknown) =>
  typeof path === 'string' ? (path === '$' ? '' : path.startsWith('$.') ? path.slice(2) : path) : '';
const quote = (text: string) => `「${text}」`;

/**
 * What a record field is called: in the words of the rule's resources when they agree (押金状态 for a deposit,
 * 报事状态 for a ticket), else the fact catalogue's general word (记录状态).
 */
export function recordFieldLabel(path: string, resources: readonly string[] = []): string | undefined {
  const own = new Set(resources.map((resource) => TRANSLATIONS[resource]?.properties?.[path]));
  const [label] = own;
  // A bare 状态 says whose: 装修押金状态, 报事单状态.
  if (own.size === 1 && label) return label === '状态' ? `${resourceLabel(resources[0])}状态` : label;
  return path === 'amount' ? '金额' : factPath('record', path)?.label;
}

/** The subject of a leaf: 押金状态, 操作人编号 … */
function factLabel(fact: unknown, path: unknown, resources: readonly string[] = []): string {
  const p = plainPath(path);
  // Values of positionCode read as position names, so the subject reads as the position too.
  if (fact === 'actor' && p === 'positionCode') return factPath('actor', 'positionName')?.label ?? '操作人岗位';
  if (fact === 'record' && p && factPath('record', p)) return recordFieldLabel(p, resources)!;
  return factPath(String(fact), fact === 'action' ? '' : p)?.label ?? (p ? `${String(fact)}.${p}` : String(fact));
}

function literal(fact: unknown, path: string, value: unknown, resources: readonly string[]): string {
  if (value === null || value === undefined) return quote('（未填写）');
  // Amounts are kept in fen and read in yuan.
  if (typeof value === 'number')
    return fact === 'record' && path === 'amount' ? `${(value / 100).toFixed(2)} 元` : String(value);
  if (typeof value === 'boolean') return quote(value ? '是' : '否');
  if (typeof value !== 'string') return quote(JSON.stringify(value));
  if (fact === 'action') return quote(actionLabel(value));
  if (fact === 'actor' && path === 'positionCode') return quote(POSITION_NAMES[value] ?? value);
  if (fact === 'record') return quote(valueLabel(path, value, resources) ?? value);
  return quote(value);
}

function valueText(fact: unknown, path: string, value: unknown, resources: readonly string[]): string {
  if (isObject(value) && 'fact' in value)
    return quote(
      value.fact === 'actor' && plainPath(value.path) === 'id'
        ? '操作人本人'
        : factLabel(value.fact, value.path, resources),
    );
  if (Array.isArray(value)) return value.map((item) => literal(fact, path, item, resources)).join('、');
  return literal(fact, path, value, resources);
}

/** A value a fact held, in words (「在押」, 「客户服务收费员」, 3); 「（空）」 when there is none. */
export function factValueText(fact: unknown, path: unknown, value: unknown, resources: readonly string[] = []): string {
  if (value === null || value === undefined) return '（空）';
  const plain = plainPath(path);
  if (Array.isArray(value))
    return value.length === 0 ? '（无）' : value.map((item) => literal(fact, plain, item, resources)).join('、');
  return literal(fact, plain, value, resources);
}

function leafText(node: Record<string, unknown>, resources: readonly string[]): string {
  const path = plainPath(node.path);
  const subject = factLabel(node.fact, node.path, resources);
  // "an id field is set" (id > 0, the guard before comparing ids: json-rules-engine's equal is ===)
  if (node.operator === 'greaterThan' && node.value === 0 && (path === 'id' || path.endsWith('Id')))
    return `${subject} 已填写`;
  let operator = String(node.operator);
  // One value in a list reads as plain equality.
  if ((operator === 'in' || operator === 'notIn') && Array.isArray(node.value) && node.value.length === 1)
    operator = operator === 'in' ? 'equal' : 'notEqual';
  const word = OPERATOR_WORDS[operator] ?? operator;
  const value = valueText(node.fact, path, node.value, resources);
  const separator = word.endsWith('：') || value.startsWith('「') ? '' : ' ';
  return `${subject} ${word}${separator}${value}`;
}

const PERSON_WORDS: Record<string, { equal: string; notEqual: string }> = {
  id: { equal: '是操作人本人', notEqual: '不是操作人本人' },
  departmentId: { equal: '是操作人所在部门', notEqual: '不是操作人所在部门' },
};

/**
 * A record field "filled in and (not) the person's own" — two comparisons that the rule editor shows as one
 * relation — in one phrase: 回访人 已填写且不是操作人本人.
 */
function relationText(first: unknown, second: unknown, resources: readonly string[]): string | null {
  if (!isObject(first) || !isObject(second) || first.fact !== 'record' || second.fact !== 'record') return null;
  if (first.operator !== 'greaterThan' || first.value !== 0 || plainPath(first.path) !== plainPath(second.path))
    return null;
  const other = second.value;
  if (!isObject(other) || other.fact !== 'actor' || Object.keys(other).length !== 2) return null;
  const words = PERSON_WORDS[plainPath(other.path)];
  if (!words || (second.operator !== 'equal' && second.operator !== 'notEqual')) return null;
  return `${factLabel('record', first.path, resources)} 已填写且${words[second.operator]}`;
}

/** A group inside another reads in brackets, except directly under 并非（…）, which brackets it already. */
const bracketed = (place: Place) => place.length > 0 && place[place.length - 1].kind !== 'not';

function explainer(resources: readonly string[]): ConditionVisitor<string> {
  return {
    leaf: (node) => (isObject(node) && 'fact' in node ? leafText(node, resources) : JSON.stringify(node)),
    group(kind, node, children, place) {
      if (!children) return JSON.stringify(node);
      if (children.length === 0) return '无条件';
      const word = kind === 'all' ? '，且' : '，或';
      const list = node[kind] as unknown[];
      const parts: string[] = [];
      for (let i = 0; i < children.length; i += 1) {
        const pair = kind === 'all' ? relationText(list[i], list[i + 1], resources) : null;
        if (pair) i += 1;
        parts.push(pair ?? children[i]());
      }
      const text = parts
        .map((part, i) => (i === 0 ? part : `${word}${part.startsWith('（') ? '' : ' '}${part}`))
        .join('');
      return bracketed(place) && parts.length > 1 ? `（${text}）` : text;
    },
    not: (_node, child) => `并非（${child()}）`,
  };
}

/** The condition part of a rule alone: 记录状态 为「在押」，且 验收结果 为「验收合格」. */
export function explainConditions(conditions: unknown, options: ExplainOptions = {}): string {
  let value = conditions;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return value as string;
    }
  }
  return walkConditions(value, explainer(options.resources ?? []));
}

/** 新建报事单、派工（报事单）; workflow actions of one resource share their resource's name: 主管审核、退回重办（报事单）. */
export function actionsText(actions: readonly string[]): string {
  type Group = { resource: string; verbs: string[] };
  const parts: (string | Group)[] = [];
  for (const action of actions) {
    const [resource, verb] = action.split('.');
    const workflow = WORKFLOW_ACTIONS[action];
    const last = parts[parts.length - 1];
    if (workflow && typeof last === 'object' && last.resource === resource) last.verbs.push(workflow);
    else if (workflow) parts.push({ resource, verbs: [workflow] });
    else parts.push(verb === '*' ? `${resourceLabel(resource)}的全部操作` : actionLabel(action));
  }
  return parts
    .map((part) => (typeof part === 'string' ? part : `${part.verbs.join('、')}（${resourceLabel(part.resource)}）`))
    .join('、');
}

export interface ExplainableRule {
  effect: string;
  actions: readonly string[] | unknown;
  conditions: unknown;
  enabled?: boolean | null;
}

/** Whom a top-level `all` names by position (actor.positionCode in/equal …), and the conditions left to say. */
export function splitWho(conditions: unknown): { who: string | null; rest: unknown } {
  const all = topLevelAll(conditions);
  if (!all) return { who: null, rest: conditions };
  const index = all.findIndex(
    (leaf) =>
      isObject(leaf) &&
      leaf.fact === 'actor' &&
      plainPath(leaf.path) === 'positionCode' &&
      (leaf.operator === 'in' || leaf.operator === 'equal') &&
      (Array.isArray(leaf.value)
        ? leaf.value.every((code) => typeof code === 'string')
        : typeof leaf.value === 'string'),
  );
  if (index < 0) return { who: null, rest: conditions };
  const leaf = all[index] as { value: string | string[] };
  const codes = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  return {
    who: codes.map((code) => POSITION_NAMES[code] ?? code).join('、'),
    rest: { ...(conditions as object), all: all.filter((_, i) => i !== index) },
  };
}

/** A whole rule: 允许 客户服务收费员 退押金（装修押金），条件：记录状态 为「在押」，且 验收结果 为「验收合格」. */
export function explainRule(rule: ExplainableRule): string {
  let actions: unknown = rule.actions;
  if (typeof actions === 'string') {
    try {
      actions = JSON.parse(actions);
    } catch {
      actions = [actions];
    }
  }
  const list = Array.isArray(actions) ? actions.map(String) : [];
  let conditions = rule.conditions;
  if (typeof conditions === 'string') {
    try {
      conditions = JSON.parse(conditions);
    } catch {
      // left as text: explainConditions shows it as typed
    }
  }
  const resources = [...new Set(list.map((action) => action.split('.')[0]))];
  const { who, rest } = splitWho(conditions);
  const condition = explainConditions(rest, { resources });
  const effect = rule.effect === 'deny' ? '拒绝' : '允许';
  const sentence = `${effect} ${who ?? '任何人'} ${actionsText(list)}${condition === '无条件' ? '' : `，条件：${condition}`}`;
  return rule.enabled === false ? `${sentence}（已停用）` : sentence;
}
