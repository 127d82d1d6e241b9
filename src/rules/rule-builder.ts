// The rule editor's grammar: a rule's conditions as the builder shows them — who (positions, named staff, how the
// person stands to the record), and when (nested 全部满足 / 任一满足 / 不满足 groups of conditions, each a fact, a way
// of comparing that fits the fact, and a value) — and the two exact translations between that and the stored
// json-rules-engine JSON. toBuilder(fromBuilder(node)) is node, and fromBuilder(toBuilder(json)) is json, for
// every rule the builder can express; for any other valid rule toBuilder says why it stays on the JSON tab.
// This module is pure (the admin's editor bundles it too): it reads only the fact catalogue.
import { FACTS, type FactType } from './facts.js';

export type Literal = string | number | boolean;
export type BuilderValue = Literal | Literal[] | null;

/** What a fact path holds, which picks the value widget and the ways of comparing offered. */
export type ValueKind =
  | 'position'
  | 'staff'
  | 'department'
  | 'departments'
  | 'positionId'
  | 'state'
  | 'action'
  | 'money'
  | 'hour'
  | 'weekday'
  | 'date'
  | 'number'
  | 'text'
  | 'boolean';

/** A fact path as the builder names it: `record.status`, `actor.id`, `action` (the whole action name). */
export type FieldKey = string;

const EXPLICIT_KINDS: Record<FieldKey, ValueKind> = {
  'actor.id': 'staff',
  'actor.positionCode': 'position',
  'actor.departmentId': 'department',
  'actor.supervisesDepartmentIds': 'departments',
  action: 'action',
  'record.status': 'state',
  'record.departmentId': 'department',
  'record.cashierId': 'staff',
  'record.visitorId': 'staff',
  'record.staffId': 'staff',
  'record.planStaffId': 'staff',
  'record.registeredById': 'staff',
  'record.createdById': 'staff',
  'record.inspectionResult': 'state',
  'record.docType': 'state',
  'record.surveyStatus': 'state',
  'record.kind': 'state',
  'record.amount': 'money',
  'record.targetCount': 'number',
  'record.proposedPositionId': 'positionId',
  'record.proposerId': 'staff',
  'now.hour': 'hour',
  'now.weekday': 'weekday',
  'now.date': 'date',
};

const KIND_OF_TYPE: Record<FactType, ValueKind | null> = {
  number: 'number',
  string: 'text',
  boolean: 'boolean',
  'number[]': null,
  'string[]': null,
};

export interface BuilderField {
  key: FieldKey;
  fact: string;
  path: string;
  label: string;
  type: FactType;
  kind: ValueKind;
}

/** Every fact path the builder offers, in the catalogue's order. */
export const BUILDER_FIELDS: readonly BuilderField[] = Object.entries(FACTS).flatMap(([fact, paths]) =>
  Object.entries(paths).flatMap(([path, entry]) => {
    const key = fact === 'action' ? 'action' : `${fact}.${path}`;
    const kind = EXPLICIT_KINDS[key] ?? KIND_OF_TYPE[entry.type];
    return kind ? [{ key, fact, path, label: entry.label, type: entry.type, kind }] : [];
  }),
);
const FIELDS_BY_KEY = new Map(BUILDER_FIELDS.map((field) => [field.key, field]));
export const builderField = (key: FieldKey): BuilderField | undefined => FIELDS_BY_KEY.get(key);

/** How a value is given: one value, a list, nothing (a fixed value such as 已填写), or another fact. */
export type Shape = 'one' | 'many' | 'none' | 'fact';

/** A way of comparing as the builder offers it, in Chinese, and the json-rules-engine operator it writes. */
export interface Comparison {
  id: string;
  label: string;
  operator: string;
  shape: Shape;
  /** shape 'none': the value written. */
  fixed?: Literal;
  /** shape 'fact': the fact compared with. */
  other?: { fact: string; path: string };
}

const EQUALITY: Comparison[] = [
  { id: 'equal', label: '为', operator: 'equal', shape: 'one' },
  { id: 'notEqual', label: '不是', operator: 'notEqual', shape: 'one' },
  { id: 'in', label: '是以下之一', operator: 'in', shape: 'many' },
  { id: 'notIn', label: '不是以下任何一个', operator: 'notIn', shape: 'many' },
];
const ORDER: Comparison[] = [
  { id: 'lessThan', label: '小于', operator: 'lessThan', shape: 'one' },
  { id: 'lessThanInclusive', label: '小于或等于', operator: 'lessThanInclusive', shape: 'one' },
  { id: 'greaterThan', label: '大于', operator: 'greaterThan', shape: 'one' },
  { id: 'greaterThanInclusive', label: '大于或等于', operator: 'greaterThanInclusive', shape: 'one' },
];
const PRESENT: Comparison = { id: 'present', label: '已填写', operator: 'greaterThan', shape: 'none', fixed: 0 };
const ACTOR_ID = { fact: 'actor', path: 'id' };
const ACTOR_DEPARTMENT = { fact: 'actor', path: 'departmentId' };
const RECORD_DEPARTMENT = { fact: 'record', path: 'departmentId' };

/** The ways of comparing a field: only json-rules-engine's operators, only those that fit the field's type. */
export function comparisonsOf(key: FieldKey): Comparison[] {
  const field = builderField(key);
  if (!field) return [];
  const onRecord = field.fact === 'record';
  switch (field.kind) {
    case 'boolean':
      return [{ id: 'equal', label: '为', operator: 'equal', shape: 'one' }];
    case 'money':
    case 'hour':
    case 'weekday':
    case 'number':
      return [...EQUALITY, ...ORDER];
    case 'staff':
      return onRecord
        ? [
            ...EQUALITY,
            PRESENT,
            { id: 'isActor', label: '是操作人本人', operator: 'equal', shape: 'fact', other: ACTOR_ID },
            { id: 'isNotActor', label: '不是操作人本人', operator: 'notEqual', shape: 'fact', other: ACTOR_ID },
          ]
        : EQUALITY;
    case 'department':
      return onRecord
        ? [
            ...EQUALITY,
            PRESENT,
            {
              id: 'isActorsDepartment',
              label: '是操作人所在部门',
              operator: 'equal',
              shape: 'fact',
              other: ACTOR_DEPARTMENT,
            },
            {
              id: 'isNotActorsDepartment',
              label: '不是操作人所在部门',
              operator: 'notEqual',
              shape: 'fact',
              other: ACTOR_DEPARTMENT,
            },
          ]
        : EQUALITY;
    case 'positionId':
      return onRecord ? [...EQUALITY, PRESENT] : EQUALITY;
    case 'departments':
      return [
        { id: 'contains', label: '包含', operator: 'contains', shape: 'one' },
        { id: 'doesNotContain', label: '不包含', operator: 'doesNotContain', shape: 'one' },
        {
          id: 'containsRecordDepartment',
          label: '包含记录的处理部门',
          operator: 'contains',
          shape: 'fact',
          other: RECORD_DEPARTMENT,
        },
        {
          id: 'lacksRecordDepartment',
          label: '不包含记录的处理部门',
          operator: 'doesNotContain',
          shape: 'fact',
          other: RECORD_DEPARTMENT,
        },
      ];
    default:
      return EQUALITY;
  }
}

/** How the person stands to the record, each written as two comparisons (the field is filled in, then compared). */
export type Relation = 'self' | 'notSelf' | 'member';
export const RELATIONS: Record<Relation, { label: string; kinds: ValueKind[]; comparison: string }> = {
  self: { label: '是本记录的', kinds: ['staff'], comparison: 'isActor' },
  notSelf: { label: '不是本记录的', kinds: ['staff'], comparison: 'isNotActor' },
  member: { label: '属于本记录的', kinds: ['department'], comparison: 'isActorsDepartment' },
};

export type BuilderNode =
  | { kind: 'all' | 'any'; children: BuilderNode[] }
  | { kind: 'not'; child: BuilderNode }
  | { kind: 'condition'; field: FieldKey; how: string; value: BuilderValue }
  | { kind: 'relation'; relation: Relation; field: FieldKey };

export type GroupNode = Extract<BuilderNode, { kind: 'all' | 'any' }>;
export type ConditionNode = Extract<BuilderNode, { kind: 'condition' }>;

type Json = Record<string, unknown>;
const has = (node: object, key: string) => Object.prototype.hasOwnProperty.call(node, key);
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// ---------------------------------------------------------------------------------------------- builder → JSON

function leafOf(field: BuilderField, comparison: Comparison, value: BuilderValue): Json {
  const written =
    comparison.shape === 'fact'
      ? { ...comparison.other }
      : comparison.shape === 'none'
        ? comparison.fixed
        : Array.isArray(value)
          ? [...value]
          : value;
  return field.fact === 'action'
    ? { fact: 'action', operator: comparison.operator, value: written }
    : { fact: field.fact, path: field.path, operator: comparison.operator, value: written };
}

function conditionJson(node: ConditionNode): Json {
  const field = builderField(node.field);
  const comparison = comparisonsOf(node.field).find((c) => c.id === node.how);
  if (!field || !comparison) throw new Error(`the builder has no ${node.field} ${node.how}`);
  return leafOf(field, comparison, node.value);
}

function relationJson(node: Extract<BuilderNode, { kind: 'relation' }>): Json[] {
  return [
    conditionJson({ kind: 'condition', field: node.field, how: 'present', value: null }),
    conditionJson({ kind: 'condition', field: node.field, how: RELATIONS[node.relation].comparison, value: null }),
  ];
}

/** The stored JSON of a builder tree. */
export function fromBuilder(node: BuilderNode): Json {
  switch (node.kind) {
    case 'all':
    case 'any':
      return {
        [node.kind]: node.children.flatMap((child) =>
          child.kind === 'relation'
            ? node.kind === 'all'
              ? relationJson(child)
              : [{ all: relationJson(child) }]
            : [fromBuilder(child)],
        ),
      };
    case 'not':
      return { not: node.child.kind === 'relation' ? { all: relationJson(node.child) } : fromBuilder(node.child) };
    case 'relation':
      return { all: relationJson(node) };
    case 'condition':
      return conditionJson(node);
  }
}

// ---------------------------------------------------------------------------------------------- JSON → builder

/** Equal as JSON values: the same lists in the same order, the same keys with equal values in any order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => has(b, k) && sameJson(a[k], b[k]));
  }
  return Object.is(a, b);
}

export type BuilderParse = { ok: true; root: BuilderNode } | { ok: false; reason: string };

class Outside extends Error {}

const sameReference = (value: unknown, other: { fact: string; path: string } | undefined) =>
  other !== undefined &&
  isObject(value) &&
  Object.keys(value).length === 2 &&
  value.fact === other.fact &&
  value.path === other.path;

function fitsKind(kind: ValueKind, value: unknown): boolean {
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'money':
    case 'staff':
    case 'department':
    case 'departments':
    case 'positionId':
      return Number.isInteger(value);
    case 'hour':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 23;
    case 'weekday':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 7;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    default:
      return typeof value === 'string';
  }
}

const VALUE_WORDS: Partial<Record<ValueKind, string>> = {
  money: '以分计的整数金额',
  hour: '0–23 的整点',
  weekday: '1–7 的星期',
  date: '年-月-日（如 2026-12-03）的日期',
  staff: '员工',
  department: '部门',
  departments: '部门',
  positionId: '岗位',
};

/** The comparison a leaf is, or why the builder cannot show it. */
function comparisonOf(field: BuilderField, leaf: Json): { comparison: Comparison; value: BuilderValue } {
  const candidates = comparisonsOf(field.key).filter((c) => c.operator === leaf.operator);
  const value = leaf.value;
  for (const comparison of candidates) {
    if (comparison.shape === 'fact' && sameReference(value, comparison.other)) return { comparison, value: null };
    if (comparison.shape === 'none' && value === comparison.fixed) return { comparison, value: null };
  }
  const plain = candidates.find((c) => c.shape === 'one' || c.shape === 'many');
  const what = `「${field.label}」`;
  if (!plain) {
    if (isObject(value)) throw new Outside(`${what}与另一个事实的这种比较不在构建器里`);
    throw new Outside(`${what}的比较方式 ${String(leaf.operator)} 不在构建器里`);
  }
  if (plain.shape === 'many') {
    if (!Array.isArray(value) || value.length === 0 || !value.every((item) => fitsKind(field.kind, item)))
      throw new Outside(`${what}的比较值不是一组${VALUE_WORDS[field.kind] ?? '合适的值'}`);
    return { comparison: plain, value: [...(value as Literal[])] };
  }
  if (!fitsKind(field.kind, value))
    throw new Outside(
      isObject(value)
        ? `${what}与另一个事实的这种比较不在构建器里`
        : `${what}的比较值 ${JSON.stringify(value)} 不是${VALUE_WORDS[field.kind] ?? '合适的值'}`,
    );
  return { comparison: plain, value: value as Literal };
}

function leafNode(leaf: unknown): ConditionNode {
  if (!isObject(leaf)) throw new Outside('有一个条件不是对象');
  const extra = Object.keys(leaf).find((key) => !['fact', 'path', 'operator', 'value'].includes(key));
  if (extra) throw new Outside(`有一个条件带有构建器不使用的“${extra}”`);
  if (leaf.fact === 'action' && has(leaf, 'path')) throw new Outside('操作条件带有路径');
  const key = leaf.fact === 'action' ? 'action' : `${String(leaf.fact)}.${String(leaf.path)}`;
  const field = builderField(key);
  if (!field) throw new Outside(`事实 ${key} 不在构建器里`);
  const { comparison, value } = comparisonOf(field, leaf);
  return { kind: 'condition', field: key, how: comparison.id, value };
}

/** A 已填写 condition followed by its comparison with the person is one relation (in an all group only). */
function relationAt(first: BuilderNode, second: BuilderNode | undefined): BuilderNode | null {
  if (first.kind !== 'condition' || first.how !== 'present' || second?.kind !== 'condition') return null;
  if (second.field !== first.field) return null;
  const kind = builderField(first.field)?.kind;
  const relation = (Object.keys(RELATIONS) as Relation[]).find(
    (name) => RELATIONS[name].comparison === second.how && RELATIONS[name].kinds.includes(kind!),
  );
  return relation ? { kind: 'relation', relation, field: first.field } : null;
}

function groupNode(node: Json): BuilderNode {
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    const extra = keys.find((key) => !['all', 'any', 'not'].includes(key));
    throw new Outside(extra ? `条件组带有构建器不使用的“${extra}”` : '条件组同时写了 all、any 或 not');
  }
  if (has(node, 'not')) {
    if (Array.isArray(node.not)) throw new Outside('not 后面是数组');
    return { kind: 'not', child: nodeOf(node.not) };
  }
  const kind = has(node, 'any') ? 'any' : 'all';
  const list = node[kind];
  if (!Array.isArray(list)) throw new Outside(`${kind} 后面不是数组`);
  const parsed = list.map(nodeOf);
  if (kind === 'any') return { kind, children: parsed };
  const children: BuilderNode[] = [];
  for (let i = 0; i < parsed.length; i += 1) {
    const relation = relationAt(parsed[i], parsed[i + 1]);
    if (relation) {
      children.push(relation);
      i += 1;
    } else children.push(parsed[i]);
  }
  return { kind, children };
}

function nodeOf(node: unknown): BuilderNode {
  if (isObject(node) && (has(node, 'all') || has(node, 'any') || has(node, 'not'))) return groupNode(node);
  return leafNode(node);
}

/** The builder tree of stored conditions, or why they stay on the JSON tab (in Chinese). */
export function toBuilder(conditions: unknown): BuilderParse {
  if (!isObject(conditions) || !(has(conditions, 'all') || has(conditions, 'any') || has(conditions, 'not')))
    return { ok: false, reason: '条件的顶层不是 全部满足 / 任一满足 / 不满足 的条件组' };
  try {
    const root = groupNode(conditions);
    // Some JSON reads as a tree that writes back differently (a relation under 任一满足, written out in full) —
    // such rules stay on the JSON tab, so that opening and saving a rule never rewrites it.
    if (!sameJson(fromBuilder(root), conditions))
      return { ok: false, reason: '条件的写法与构建器的写法不同，构建器保存时会改写它' };
    return { ok: true, root };
  } catch (error) {
    if (error instanceof Outside) return { ok: false, reason: `${error.message}，只能在高级（JSON）中修改` };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------- who

/** The who-part of a rule: positions, named staff and relations among the top-level 全部满足's items. */
export interface Who {
  positions: string[];
  staff: number[];
  /** Relations and 记录所属部门的主管, as the nodes they are. */
  relations: BuilderNode[];
}

const isWhoPositions = (node: BuilderNode) =>
  node.kind === 'condition' && node.field === 'actor.positionCode' && (node.how === 'in' || node.how === 'equal');
const isWhoStaff = (node: BuilderNode) =>
  node.kind === 'condition' && node.field === 'actor.id' && (node.how === 'in' || node.how === 'equal');
const isWhoSupervisor = (node: BuilderNode) =>
  node.kind === 'condition' &&
  node.field === 'actor.supervisesDepartmentIds' &&
  node.how === 'containsRecordDepartment';

/** Whether an item of the top-level 全部满足 belongs to the who-part (the rest is the when-part). */
export function isWhoItem(node: BuilderNode, index: number, siblings: readonly BuilderNode[]): boolean {
  if (isWhoPositions(node)) return siblings.findIndex(isWhoPositions) === index;
  if (isWhoStaff(node)) return siblings.findIndex(isWhoStaff) === index;
  return node.kind === 'relation' || isWhoSupervisor(node);
}

export function whoOf(root: BuilderNode): Who {
  const who: Who = { positions: [], staff: [], relations: [] };
  if (root.kind !== 'all') return who;
  root.children.forEach((node, index, siblings) => {
    if (!isWhoItem(node, index, siblings)) return;
    if (node.kind === 'condition' && isWhoPositions(node))
      who.positions = (Array.isArray(node.value) ? node.value : [node.value]).map(String);
    else if (node.kind === 'condition' && isWhoStaff(node))
      who.staff = (Array.isArray(node.value) ? node.value : [node.value]).map(Number);
    else who.relations.push(node);
  });
  return who;
}

/** The root as a top-level 全部满足 the who-part can be written into (another root is wrapped). */
function asAll(root: BuilderNode): GroupNode {
  if (root.kind === 'all') return root;
  return { kind: 'all', children: [root] };
}

/**
 * The tree with its who-part set: the position and staff conditions keep their place (a list stays a list, one
 * value stays equal), new ones go first; relations are set as given (kept in place, new ones after the who-items).
 */
export function withWho(root: BuilderNode, who: Who): BuilderNode {
  const all = asAll(root);
  const children = [...all.children];
  const setList = (is: (node: BuilderNode) => boolean, field: FieldKey, values: Literal[], at: number) => {
    const index = children.findIndex(is);
    if (values.length === 0) {
      if (index >= 0) children.splice(index, 1);
      return;
    }
    const current = index >= 0 ? (children[index] as ConditionNode) : null;
    const how = current?.how === 'equal' && values.length === 1 ? 'equal' : 'in';
    const node: ConditionNode = { kind: 'condition', field, how, value: how === 'equal' ? values[0] : values };
    if (index >= 0) children[index] = node;
    else children.splice(at, 0, node);
  };
  setList(isWhoPositions, 'actor.positionCode', who.positions, 0);
  setList(isWhoStaff, 'actor.id', who.staff, children.findIndex(isWhoPositions) + 1);
  const key = (node: BuilderNode) => JSON.stringify(node);
  const wanted = new Set(who.relations.map(key));
  const isRelation = (node: BuilderNode) => node.kind === 'relation' || isWhoSupervisor(node);
  const kept = children.filter((node) => !isRelation(node) || wanted.has(key(node)));
  const present = new Set(kept.map(key));
  const added = who.relations.filter((node) => !present.has(key(node)));
  const lastWho = kept.reduce((last, node, index) => (isWhoItem(node, index, kept) ? index : last), -1);
  kept.splice(lastWho + 1, 0, ...added);
  return { kind: 'all', children: kept };
}
