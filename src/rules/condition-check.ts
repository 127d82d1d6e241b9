// The conditions of a rule, checked node by node: catalogued facts and paths, json-rules-engine's default operators,
// values that fit the path's type, and how deep and large the tree may be — every problem in Chinese with where it is.
import { Rule } from 'json-rules-engine';
import { ACTION_LABELS, isCatalogued } from './catalogue.js';
import { FACTS, type FactPath, type FactType } from './facts.js';
import { BASE_OPERATORS } from './compile.js';
import { fail, has, isObject, pass, shown, type Checked } from './checked.js';
import { fromJsonText } from './json-text.js';
import { guess } from './suggest.js';
import {
  GROUP_KINDS,
  groupKind,
  walkConditions,
  type ConditionGroup,
  type ConditionNode,
  type ConditionValue,
  type ConditionVisitor,
  type FactReference,
  type GroupKind,
  type LeafCondition,
  type Place,
  type RuleCondition,
  type RuleOperator,
} from './condition-tree.js';

/** A stored rule uses json-rules-engine's default operators only (no decorators). */
export const RULE_OPERATORS = BASE_OPERATORS;
export type { RuleOperator, FactReference, ConditionValue, LeafCondition, ConditionGroup, RuleCondition };

export const MAX_CONDITION_DEPTH = 10;
export const MAX_CONDITION_LEAVES = 200;

const FACT_NAMES = Object.keys(FACTS);
const LEAF_KEYS = ['fact', 'path', 'operator', 'value', 'params', 'name', 'priority'];
const TYPE_WORDS: Record<FactType, string> = {
  number: '数字',
  string: '文字',
  boolean: '是/否（true/false）',
  'number[]': '一组数字',
  'string[]': '一组文字',
};
const EXAMPLE_LEAF = '{"fact": "record", "path": "status", "operator": "equal", "value": "held"}';

const factPaths = (fact: string) => (FACTS as Record<string, Record<string, FactPath>>)[fact];

/** `$.status` (json-rules-engine's JSONPath spelling) is the plain dotted path `status`. */
function plainPath(path: string): string {
  if (path === '$') return '';
  return path.startsWith('$.') ? path.slice(2) : path;
}

interface Walk {
  leaves: number;
}

/** Where a node sits, for messages: "顶层", "all 第 2 项", "all 第 2 项 → not 里". */
const placeText = (place: Place) =>
  place.length === 0
    ? '顶层'
    : place.map((step) => (step.kind === 'not' ? 'not 里' : `${step.kind} 第 ${step.index + 1} 项`)).join(' → ');

type Resolved =
  | { ok: true; fact: string; path: string; type: FactType; label: string; normalized: FactReference }
  | { ok: false; message: string };

/** A fact and path as a leaf or a fact reference names them, checked against the catalogue. */
function resolveFact(fact: unknown, path: unknown, subject: string): Resolved {
  if (fact === undefined) return { ok: false, message: `${subject}缺少事实 fact（可用：${FACT_NAMES.join('、')}）` };
  if (typeof fact !== 'string' || !factPaths(fact)) {
    return {
      ok: false,
      message: `${subject}没有事实 ${shown(fact)}${typeof fact === 'string' ? guess(fact, FACT_NAMES) : ''}（可用：${FACT_NAMES.join('、')}）`,
    };
  }
  const paths = factPaths(fact);
  const available = Object.keys(paths).filter((p) => p !== '');
  if (fact === 'action') {
    if (path !== undefined && path !== null && !(typeof path === 'string' && plainPath(path) === '')) {
      return {
        ok: false,
        message: `${subject}事实 action 是整个动作名（如 Ticket.dispatch），不能带路径 ${shown(path)}`,
      };
    }
    const entry = paths[''];
    return { ok: true, fact, path: '', type: entry.type, label: entry.label, normalized: { fact } };
  }
  if (path === undefined || path === null || path === '') {
    return { ok: false, message: `${subject}事实 ${fact} 缺少路径 path（可用：${available.join('、')}）` };
  }
  if (typeof path !== 'string') return { ok: false, message: `${subject}路径 path 必须是文字，如 "status"` };
  const plain = plainPath(path);
  const entry = has(paths, plain) ? paths[plain] : undefined;
  if (!entry || plain === '') {
    return {
      ok: false,
      message: `${subject}事实 ${fact} 没有路径 ${path}${guess(plain, available)}（可用：${available.join('、')}）`,
    };
  }
  return {
    ok: true,
    fact,
    path: plain,
    type: entry.type,
    label: `${entry.label}（${fact}.${plain}）`,
    normalized: { fact, path: plain },
  };
}

type ValueType = FactType | 'boolean[]' | 'empty[]';

function literalType(value: unknown, at: string): { ok: true; type: ValueType } | { ok: false; message: string } {
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? { ok: true, type: 'number' }
      : { ok: false, message: `${at}比较值必须是有限的数字` };
  if (typeof value === 'string') return { ok: true, type: 'string' };
  if (typeof value === 'boolean') return { ok: true, type: 'boolean' };
  if (value === null) return { ok: false, message: `${at}比较值不能是 null` };
  if (Array.isArray(value)) {
    if (value.length === 0) return { ok: true, type: 'empty[]' };
    const types = new Set<string>();
    for (const [index, item] of value.entries()) {
      const element = literalType(item, at);
      if (!element.ok || element.type.endsWith('[]'))
        return {
          ok: false,
          message: `${at}比较值数组的第 ${index + 1} 项 ${shown(item)} 必须是文字、数字或 true/false`,
        };
      types.add(element.type);
    }
    if (types.size > 1) return { ok: false, message: `${at}比较值数组混用了文字和数字：${shown(value)}` };
    return { ok: true, type: `${[...types][0]}[]` as ValueType };
  }
  return {
    ok: false,
    message: `${at}比较值不能是对象 ${shown(value)}；要引用另一个事实，请写成 {"fact": "actor", "path": "id"}`,
  };
}

const isScalar = (type: ValueType) => type === 'number' || type === 'string' || type === 'boolean';
const typeWord = (type: ValueType) =>
  type === 'empty[]' ? '空数组' : type === 'boolean[]' ? '一组是/否' : TYPE_WORDS[type];

/** Whether the value fits the operator and the path's type, as json-rules-engine would compare them. */
function valueProblem(
  at: string,
  subject: { label: string; type: FactType },
  operator: RuleOperator,
  value: unknown,
  valueType: ValueType,
  isReference: boolean,
): string | null {
  const { label, type } = subject;
  const what = isReference ? `引用的事实是${typeWord(valueType)}` : `比较值 ${shown(value)} 是${typeWord(valueType)}`;
  switch (operator) {
    case 'equal':
    case 'notEqual':
      if (!isScalar(type))
        return `${at}${label}是${TYPE_WORDS[type]}，不能用 ${operator} 比较；要看其中是否有某个值，请用 ${operator === 'equal' ? 'contains' : 'doesNotContain'}`;
      if (valueType.endsWith('[]'))
        return `${at}${operator} 只能和单个值比较，${what}；要和多个值比较，请用 ${operator === 'equal' ? 'in' : 'notIn'}`;
      if (valueType !== type)
        return `${at}${label}是${TYPE_WORDS[type]}，${what}；${operator} 是严格比较（===），类型必须一致${type === 'number' && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? `，请写成 ${value.trim()}` : ''}`;
      return null;
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      if (type !== 'number') return `${at}${operator} 只能比较数字，${label}是${TYPE_WORDS[type]}`;
      if (valueType !== 'number') return `${at}${operator} 只能和数字比较，${what}`;
      return null;
    case 'in':
    case 'notIn':
      if (!isScalar(type))
        return `${at}${label}是${TYPE_WORDS[type]}，不能用 ${operator}；要看其中是否有某个值，请用 ${operator === 'in' ? 'contains' : 'doesNotContain'}`;
      if (valueType === 'string' && !isReference)
        return `${at}${operator} 的比较值必须是数组，如 [${shown(value)}]；写成文字时 json-rules-engine 会按子串匹配`;
      if (!valueType.endsWith('[]'))
        return `${at}${operator} 的比较值必须是数组，如 ${type === 'number' ? '[1, 2]' : '["held", "refunded"]'}，${what}`;
      if (valueType === 'empty[]')
        return `${at}${operator} 的比较值是空数组，这个条件${operator === 'in' ? '永远不成立' : '永远成立'}；请至少写一个值`;
      if (valueType !== `${type}[]`) {
        if (isReference) return `${at}${label}是${TYPE_WORDS[type]}，${what}，无法用 ${operator} 比较`;
        const wrong = (value as unknown[]).findIndex((item) => typeof item !== type);
        return `${at}${label}是${TYPE_WORDS[type]}，比较值数组的第 ${wrong + 1} 项 ${shown((value as unknown[])[wrong])} 不是${TYPE_WORDS[type]}`;
      }
      return null;
    case 'contains':
    case 'doesNotContain': {
      if (isScalar(type))
        return `${at}${operator} 只能用在一组值上（如 actor.supervisesDepartmentIds），${label}是${TYPE_WORDS[type]}；要和多个值比较，请用 ${operator === 'contains' ? 'in' : 'notIn'}`;
      const element = type.slice(0, -2) as FactType;
      if (valueType !== element)
        return `${at}${label}是${TYPE_WORDS[type]}，${operator} 的比较值必须是单个${TYPE_WORDS[element]}，${what}`;
      return null;
    }
  }
}

function checkLeaf(node: unknown, walk: Walk): Checked<LeafCondition> {
  walk.leaves += 1;
  const at = `第 ${walk.leaves} 个条件：`;
  if (!isObject(node)) return fail(`${at}必须是 JSON 对象，如 ${EXAMPLE_LEAF}，现在是 ${shown(node)}`);
  if (has(node, 'condition'))
    return fail(`${at}不能引用共享条件 ${shown(node.condition)}（共享条件没有登记），请把条件直接写出来`);
  for (const key of Object.keys(node)) {
    if (!LEAF_KEYS.includes(key))
      return fail(`${at}不认识的键“${key}”${guess(key, LEAF_KEYS)}（可用：${LEAF_KEYS.join('、')}）`);
  }
  const subject = resolveFact(node.fact, node.path, at);
  if (!subject.ok) return fail(subject.message);
  if (node.operator === undefined || node.operator === '')
    return fail(`${at}缺少比较运算 operator（可用：${RULE_OPERATORS.join('、')}）`);
  if (typeof node.operator !== 'string' || !(RULE_OPERATORS as readonly string[]).includes(node.operator)) {
    const typed = String(node.operator);
    return fail(
      `${at}不认识的比较运算 ${shown(node.operator)}${guess(typed, RULE_OPERATORS)}（可用：${RULE_OPERATORS.join('、')}）`,
    );
  }
  const operator = node.operator as RuleOperator;
  if (!has(node, 'value') || node.value === undefined) return fail(`${at}缺少比较值 value`);
  if (node.params !== undefined && !isObject(node.params)) return fail(`${at}params 必须是 JSON 对象`);
  if (node.name !== undefined && typeof node.name !== 'string') return fail(`${at}name 必须是文字`);
  if (node.priority !== undefined && !(Number.isInteger(node.priority) && (node.priority as number) >= 1))
    return fail(`${at}priority 必须是不小于 1 的整数`);

  let value: ConditionValue;
  let valueType: ValueType;
  const isReference = isObject(node.value) && has(node.value, 'fact');
  if (isReference) {
    const reference = node.value as Record<string, unknown>;
    const extra = Object.keys(reference).find((key) => key !== 'fact' && key !== 'path');
    if (extra) return fail(`${at}引用事实的比较值只能有 fact 和 path，不认识“${extra}”`);
    const referred = resolveFact(reference.fact, reference.path, `${at}比较值引用的`);
    if (!referred.ok) return fail(referred.message);
    value = referred.normalized;
    valueType = referred.type;
  } else {
    const literal = literalType(node.value, at);
    if (!literal.ok) return fail(literal.message);
    value = node.value as ConditionValue;
    valueType = literal.type;
  }
  const problem = valueProblem(at, subject, operator, value, valueType, isReference);
  if (problem) return fail(problem);
  if (subject.fact === 'action' && !isReference) {
    const unknown = (Array.isArray(value) ? value : [value]).find(
      (item) => typeof item === 'string' && !isCatalogued(item),
    );
    if (unknown !== undefined)
      return fail(
        `${at}比较值 ${shown(unknown)} 不是动作目录中的动作${guess(String(unknown), Object.keys(ACTION_LABELS))}`,
      );
  }
  const leaf: Record<string, unknown> = { ...node, value };
  if (subject.fact === 'action') delete leaf.path;
  else leaf.path = subject.path;
  return pass(leaf as unknown as LeafCondition);
}

const groupAt = (place: Place) => (place.length === 0 ? '条件顶层：' : `条件组（位置：${placeText(place)}）：`);

/** The checker over the tree: each node checked before its children, stopping at the first problem. */
function checker(walk: Walk): ConditionVisitor<Checked<RuleCondition>> {
  /** The group's own keys; null when they are fine. */
  function groupProblem(kind: GroupKind, node: ConditionNode, place: Place): Checked<RuleCondition> | null {
    const at = groupAt(place);
    if (place.length + 1 > MAX_CONDITION_DEPTH)
      return fail(`条件嵌套不能超过 ${MAX_CONDITION_DEPTH} 层（位置：${placeText(place)}）`);
    const groups = GROUP_KINDS.filter((key) => has(node, key));
    if (groups.length > 1) return fail(`${at}只能用 all、any、not 中的一个，现在同时有 ${groups.join('、')}`);
    for (const key of Object.keys(node)) {
      if (key !== kind && key !== 'name' && key !== 'priority') {
        return fail(
          `${at}不认识的键“${key}”：条件组只能有 ${kind}（以及 name、priority）；比较条件要放进 ${kind === 'not' ? 'not 里' : `${kind} 的数组里`}`,
        );
      }
    }
    if (node.name !== undefined && typeof node.name !== 'string') return fail(`${at}name 必须是文字`);
    if (node.priority !== undefined && !(Number.isInteger(node.priority) && (node.priority as number) >= 1))
      return fail(`${at}priority 必须是不小于 1 的整数`);
    return null;
  }
  return {
    leaf: (node) => checkLeaf(node, walk),
    not(node, child, place) {
      const problem = groupProblem('not', node, place);
      if (problem) return problem;
      if (Array.isArray(node.not))
        return fail(
          `${groupAt(place)}not 后面必须是一个条件或条件组，不能是数组；多个条件请写成 {"not": {"all": [...]}}`,
        );
      const checked = child();
      if (!checked.ok) return checked;
      return pass({ ...node, not: checked.value } as unknown as ConditionGroup);
    },
    group(kind, node, children, place) {
      const problem = groupProblem(kind, node, place);
      if (problem) return problem;
      const at = groupAt(place);
      if (!children) return fail(`${at}${kind} 后面必须是条件数组，如 {"${kind}": [${EXAMPLE_LEAF}]}`);
      if (children.length === 0 && place.length > 0) return fail(`${at}${kind} 是空的，请写入条件或删掉这个条件组`);
      const checked: RuleCondition[] = [];
      for (const visit of children) {
        const child = visit();
        if (!child.ok) return child;
        if (walk.leaves > MAX_CONDITION_LEAVES) return fail(`条件不能超过 ${MAX_CONDITION_LEAVES} 个`);
        checked.push(child.value);
      }
      return pass({ ...node, [kind]: checked } as unknown as ConditionGroup);
    },
  };
}

const ALLOW_NEEDS_A_CONDITION =
  '允许规则必须至少有一个条件：不设条件（如 {"all": []}）会允许所有人执行这些动作；请写明谁可以，如 {"all": [{"fact": "actor", "path": "positionCode", "operator": "in", "value": ["cashier"]}]}';

/** The conditions checked on their own, and, for an allow rule, that they name at least one condition. */
export function checkConditions(
  input: unknown,
  effect?: string,
): Checked<{ conditions: ConditionGroup; leaves: number }> {
  const parsed = fromJsonText(input, '条件');
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (value === null || value === undefined) return fail('条件不能为空，如 {"all": [...]}');
  if (groupKind(value) === undefined) {
    if (isObject(value) && has(value, 'condition'))
      return fail('条件不能引用共享条件（共享条件没有登记），请把条件直接写出来');
    return fail('条件必须是 JSON 对象，顶层为 all、any 或 not，如 {"all": []}');
  }
  const walk: Walk = { leaves: 0 };
  const checked = walkConditions(value, checker(walk));
  if (!checked.ok) return checked;
  const refused = engineProblem(checked.value as ConditionGroup, 'allow', 1);
  if (refused) return fail(refused);
  if (effect === 'allow' && walk.leaves === 0) return fail(ALLOW_NEEDS_A_CONDITION);
  return pass({ conditions: checked.value as ConditionGroup, leaves: walk.leaves });
}

/** json-rules-engine's own word on the rule; the checks above should leave it nothing to refuse. */
export function engineProblem(conditions: ConditionGroup, effect: string, priority: number): string | null {
  try {
    new Rule({ conditions: conditions as never, event: { type: effect }, priority });
    return null;
  } catch (e) {
    return `json-rules-engine 不接受这条规则：${e instanceof Error ? e.message : String(e)}`;
  }
}
