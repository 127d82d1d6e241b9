// compileConditions(conditions) — json-rules-engine conditions JSON compiled to one synchronous function.
//
// AdminJS asks synchronously and json-rules-engine only answers with a Promise, so the decisions
// the admin sees are made by these functions; test/rules/agreement.test.ts proves, over ≥ 100,000 generated
// cases, that they answer exactly what json-rules-engine 7 answers for the same JSON and facts, when that engine
// is configured with the same path resolver:
//
//   new Engine(rules, { pathResolver: (value, path) => resolvePath(value, path) })
//
// json-rules-engine's semantics copied here (node_modules/json-rules-engine/dist):
// - A node is `any` if it owns an `any` key, else `all`, else `not` (in that order); `all`/`any` need an array,
//   `not` a single condition. An empty `all` AND an empty `any` are both true.
// - A leaf `{ fact, path, operator, value }` compares the fact (at `path`) with `value` (or with the fact a
//   `value: { fact, path }` refers to). A path applies only when the fact value is a non-null object; on
//   anything else (the `action` string, null) the path is ignored and the whole fact value is compared.
//   A missing `path` (or '', or null) means the whole fact.
// - Operators: equal / notEqual (=== / !==); in / notIn (`value.indexOf(fact)`: membership for an array,
//   SUBSTRING for a string, a TypeError for anything else); contains / doesNotContain (false unless the fact
//   is an array); lessThan / lessThanInclusive / greaterThan / greaterThanInclusive (false unless
//   parseFloat(fact) is a number: '12abc' and [3] pass, null / true / undefined do not). Decorators, chained
//   with ':' and applied outermost-first: someFact, everyFact (false unless the fact is an array), someValue,
//   everyValue (TypeError unless the value has .some/.every), swap, not — e.g. `not:in`, `someFact:equal`.
// - Errors: json-rules-engine rejects the whole run() when a comparison throws (`in` against a number or
//   null). Children of an all/any of two or more are evaluated in priority groups (highest first, a node's
//   `priority`, default 1); inside a group every child is evaluated (Promise.all), so an error there rejects
//   even if a sibling already decided; later groups are skipped once the result is known. The compiled function
//   throws in exactly those cases; callers treat a throw as a deny.
// - Known up front, refused here at compile time (json-rules-engine would reject the run when it reached them):
//   an unknown operator or decorator, a fact other than actor/action/record/now, a `condition` reference
//   (shared conditions are not used), a path that is not a string, a malformed node.
import { resolvePath } from './facts.js';
import { groupKind, walkConditions, type ConditionVisitor, type Place } from './condition-tree.js';

/** What a compiled rule sees: always all four facts (record `{}` when the action has no record). */
export interface RuleFacts {
  actor: Record<string, unknown>;
  action: string;
  record: Record<string, unknown>;
  now: Record<string, unknown>;
}

export type CompiledConditions = (facts: RuleFacts) => boolean;

export const FACT_NAMES = ['actor', 'action', 'record', 'now'] as const;
type FactName = (typeof FACT_NAMES)[number];

/** json-rules-engine's default operators. */
export const BASE_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

/** json-rules-engine's default operator decorators (`someFact:equal`, `not:in`, `swap:contains` …). */
type OperatorDecorator = 'someFact' | 'someValue' | 'everyFact' | 'everyValue' | 'swap' | 'not';

export class RuleCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleCompileError';
  }
}

type Op = (factValue: unknown, jsonValue: unknown) => boolean;

// json-rules-engine's numberValidator: Number.parseFloat(factValue).toString() !== 'NaN'.
const isNumeric = (a: unknown): boolean =>
  typeof a === 'number' ? a === a : !Number.isNaN(Number.parseFloat(a as string));
const isArray = Array.isArray;
type Indexable = { indexOf(x: unknown): number };

// Each operator is validator(fact) && callback(fact, value), as Operator.evaluate does.
const BASE: Record<(typeof BASE_OPERATORS)[number], Op> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as Indexable).indexOf(a) > -1,
  notIn: (a, b) => (b as Indexable).indexOf(a) === -1,
  contains: (a, b) => isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

type Decorate = (next: Op) => Op;
const DECORATORS: Record<OperatorDecorator, Decorate> = {
  someFact: (next) => (a, b) => isArray(a) && a.some((fv) => next(fv, b)),
  someValue: (next) => (a, b) => (b as unknown[]).some((jv) => next(a, jv)),
  everyFact: (next) => (a, b) => isArray(a) && a.every((fv) => next(fv, b)),
  everyValue: (next) => (a, b) => (b as unknown[]).every((jv) => next(a, jv)),
  swap: (next) => (a, b) => next(b, a),
  not: (next) => (a, b) => !next(a, b),
};

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const isBase = (name: string): name is keyof typeof BASE => has(BASE, name);
const isDecorator = (name: string): name is keyof typeof DECORATORS => has(DECORATORS, name);

/** The operator json-rules-engine's OperatorMap.get(name) would find, or undefined. */
function resolveOperator(name: unknown): Op | undefined {
  if (typeof name !== 'string') return undefined;
  const decorators: Decorate[] = [];
  let opName = name;
  while (!isBase(opName)) {
    const at = opName.indexOf(':');
    if (at <= 0) return undefined;
    const decorator = opName.slice(0, at);
    if (!isDecorator(decorator)) return undefined;
    decorators.unshift(DECORATORS[decorator]);
    opName = opName.slice(at + 1);
  }
  let op = BASE[opName];
  for (const decorate of decorators) op = decorate(op);
  return op;
}

type Getter = (facts: RuleFacts) => unknown;

function factName(fact: unknown, where: string): FactName {
  if (typeof fact !== 'string' || !(FACT_NAMES as readonly string[]).includes(fact)) {
    throw new RuleCompileError(`${where}引用了未知的事实「${String(fact)}」，只能使用 actor、action、record、now`);
  }
  return fact as FactName;
}

/** Almanac.factValue(fact, params, path) with the dotted resolver: the path only applies to a non-null object. */
function getter(fact: FactName, path: unknown, where: string): Getter {
  if (path !== undefined && path !== null && typeof path !== 'string') {
    throw new RuleCompileError(`${where}的路径 path 必须是文字`);
  }
  const whole: Getter =
    fact === 'actor'
      ? (f) => f.actor
      : fact === 'record'
        ? (f) => f.record
        : fact === 'now'
          ? (f) => f.now
          : (f) => f.action;
  if (!path) return whole;
  if (!path.includes('.')) {
    // resolvePath(value, 'key') is value[key] for an object; spelled inline because a list page asks it
    // thousands of times (the agreement test checks it against json-rules-engine running resolvePath itself).
    const key = path;
    return (f) => {
      const v = whole(f) as Record<string, unknown> | null | undefined;
      return v !== null && typeof v === 'object' ? v[key] : v;
    };
  }
  return (f) => {
    const v = whole(f);
    return v !== null && typeof v === 'object' ? resolvePath(v, path) : v;
  };
}

interface Node {
  test: CompiledConditions;
  /** Could evaluating it throw (so that evaluation order must follow json-rules-engine's priority groups)? */
  canThrow: boolean;
  /** Raw `priority` as json-rules-engine's Condition keeps it (booleans parse it; leaves keep it as given). */
  priority: unknown;
}

function compileLeaf(node: Record<string, unknown>, where: string): Node {
  for (const key of ['fact', 'operator', 'value']) {
    if (!has(node, key)) throw new RuleCompileError(`${where}缺少 ${key}`);
  }
  const fact = factName(node.fact, where);
  const op = resolveOperator(node.operator);
  if (!op) throw new RuleCompileError(`${where}的比较运算「${String(node.operator)}」不存在`);
  const left = getter(fact, node.path, where);
  // json-rules-engine evaluates a clone of the conditions, so a constant is never the very object a fact holds.
  const value = node.value !== null && typeof node.value === 'object' ? structuredClone(node.value) : node.value;
  const priority = node.priority;
  const operator = node.operator as string;

  // `value: { fact, path }` reads another fact (Almanac.getValue); anything else is a constant.
  if (value !== null && typeof value === 'object' && has(value, 'fact')) {
    const ref = value as Record<string, unknown>;
    const right = getter(factName(ref.fact, `${where}的比较值`), ref.path, `${where}的比较值`);
    const canThrow =
      !['equal', 'notEqual', 'contains', 'doesNotContain', 'not:equal', 'not:notEqual'].includes(operator) &&
      !isNumericOperator(operator);
    if (operator === 'equal') return { test: (f) => left(f) === right(f), canThrow, priority };
    if (operator === 'contains')
      return {
        test: (f) => {
          const a = left(f);
          return isArray(a) && a.indexOf(right(f)) > -1;
        },
        canThrow,
        priority,
      };
    return { test: (f) => op(left(f), right(f)), canThrow, priority };
  }

  // Constants: the common forms get a closure of their own (same expressions as the operators above).
  const safeIn = typeof value === 'string' || Array.isArray(value);
  switch (operator) {
    case 'equal':
      return { test: (f) => left(f) === value, canThrow: false, priority };
    case 'notEqual':
      return { test: (f) => left(f) !== value, canThrow: false, priority };
    case 'in':
      if (Array.isArray(value)) return { test: (f) => value.indexOf(left(f)) > -1, canThrow: false, priority };
      return { test: (f) => op(left(f), value), canThrow: !safeIn, priority };
    case 'notIn':
      if (Array.isArray(value)) return { test: (f) => value.indexOf(left(f)) === -1, canThrow: false, priority };
      return { test: (f) => op(left(f), value), canThrow: !safeIn, priority };
    case 'contains':
    case 'doesNotContain':
      return { test: (f) => op(left(f), value), canThrow: false, priority };
    default:
      return { test: (f) => op(left(f), value), canThrow: !isNumericOperator(operator), priority };
  }
}

/**
 * Plain numeric comparisons cannot throw on the facts this product hands in (numbers, strings, booleans, null,
 * arrays and plain objects): parseFloat only throws for values such as symbols or objects without toString.
 */
function isNumericOperator(operator: string): boolean {
  return (
    operator === 'lessThan' ||
    operator === 'lessThanInclusive' ||
    operator === 'greaterThan' ||
    operator === 'greaterThanInclusive'
  );
}

/**
 * Rule.prioritizeConditions: children grouped by priority (a leaf's own priority when truthy, else its fact's,
 * which is 1 for facts handed to run()), groups ordered highest first with the engine's own comparator.
 */
function priorityGroups(children: Node[]): Node[][] {
  const sets: Record<string, Node[]> = {};
  for (const child of children) {
    const priority = (child.priority || 1) as string;
    (sets[priority] ??= []).push(child);
  }
  return Object.keys(sets)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((priority) => sets[priority]);
}

function compileGroup(kind: 'all' | 'any', children: Node[]): CompiledConditions {
  if (children.length === 0) return () => true;
  if (children.length === 1) return children[0].test;
  if (!children.some((c) => c.canThrow)) {
    // Without errors the order cannot change the answer: short-circuit freely.
    const tests = children.map((c) => c.test);
    if (tests.length === 2) {
      const [a, b] = tests;
      return kind === 'all' ? (f) => a(f) && b(f) : (f) => a(f) || b(f);
    }
    if (tests.length === 3) {
      const [a, b, c] = tests;
      return kind === 'all' ? (f) => a(f) && b(f) && c(f) : (f) => a(f) || b(f) || c(f);
    }
    return kind === 'all'
      ? (f) => {
          for (let i = 0; i < tests.length; i++) if (!tests[i](f)) return false;
          return true;
        }
      : (f) => {
          for (let i = 0; i < tests.length; i++) if (tests[i](f)) return true;
          return false;
        };
  }
  // Exactly as json-rules-engine: every child of a priority group is evaluated; groups short-circuit.
  const groups = priorityGroups(children).map((group) => group.map((c) => c.test));
  return (f) => {
    let result = kind === 'all';
    for (const group of groups) {
      if (kind === 'any' ? result : !result) break;
      const results = group.map((test) => test(f));
      result = kind === 'any' ? results.some((r) => r === true) : results.every((r) => r === true);
    }
    return result;
  };
}

/** Where a node sits, for messages: 条件的第 2 个全部条件的 not 条件. */
const placeText = (place: Place) =>
  place.reduce(
    (where, step) =>
      step.kind === 'not'
        ? `${where}的 not 条件`
        : `${where}的第 ${step.index + 1} 个${step.kind === 'all' ? '全部' : '任一'}条件`,
    '条件',
  );

/** What every node must be before it is compiled: an object, not too deep, not a shared-condition reference. */
function refuseMalformed(node: unknown, place: Place): string {
  const where = placeText(place);
  if (place.length > 100) throw new RuleCompileError('条件嵌套过深');
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    throw new RuleCompileError(`${where}必须是 JSON 对象`);
  }
  if (has(node, 'condition'))
    throw new RuleCompileError(
      `${where}引用了共享条件「${String((node as Record<string, unknown>).condition)}」，本系统不使用共享条件`,
    );
  return where;
}

// Condition: boolean conditions always have a priority: parseInt(priority, 10) || 1.
const groupPriority = (node: Record<string, unknown>) => Number.parseInt(node.priority as string, 10) || 1;

const COMPILER: ConditionVisitor<Node> = {
  leaf(node, place) {
    const where = refuseMalformed(node, place);
    return compileLeaf(node as Record<string, unknown>, where);
  },
  group(kind, node, children, place) {
    const where = refuseMalformed(node, place);
    if (!children) throw new RuleCompileError(`${where}的 ${kind} 后面必须是条件数组`);
    const compiled = children.map((visit) => visit());
    return {
      test: compileGroup(kind, compiled),
      canThrow: compiled.some((c) => c.canThrow),
      priority: groupPriority(node),
    };
  },
  not(node, child, place) {
    const where = refuseMalformed(node, place);
    if (Array.isArray(node.not)) throw new RuleCompileError(`${where}的 not 后面必须是一个条件，不能是数组`);
    const { test, canThrow } = child();
    return { test: (f) => !test(f), canThrow, priority: groupPriority(node) };
  },
};

/**
 * Compiles a rule's conditions (top level all / any / not) to a synchronous function that answers what
 * json-rules-engine's run() would: true when the rule's event fires, false when it does not, a throw when the
 * run would reject. Throws a RuleCompileError (Chinese message) for JSON json-rules-engine would not run.
 */
export function compileConditions(conditions: unknown): CompiledConditions {
  if (conditions === null || typeof conditions !== 'object' || Array.isArray(conditions)) {
    throw new RuleCompileError('条件必须是 JSON 对象，顶层为 all、any 或 not');
  }
  const top = conditions as Record<string, unknown>;
  if (!groupKind(top)) {
    if (has(top, 'condition'))
      throw new RuleCompileError(`条件引用了共享条件「${String(top.condition)}」，本系统不使用共享条件`);
    throw new RuleCompileError('条件的顶层必须是 all、any 或 not');
  }
  const test = walkConditions(top, COMPILER).test;
  // The event fires when the result is truthy; every compiled node already answers a boolean.
  return test;
}
