// The conditions of a rule as one tree type and one walker. The compiler, the explainer, the checker and the rule
// set all read rules through walkConditions, so they agree on what a node is: a group when it owns `any`, `all` or
// `not` (json-rules-engine looks for them in that order), a leaf otherwise. Each reader decides what a malformed
// node means to it (a compile error, a message to the director, the JSON as typed).
import { isPlainObject } from '../lib/objects.js';
import type { BASE_OPERATORS } from './compile.js';

/** A stored rule uses json-rules-engine's default operators only (no decorators). */
export type RuleOperator = (typeof BASE_OPERATORS)[number];

/** A value taken from another fact instead of a literal: `{ "fact": "actor", "path": "id" }`. */
export interface FactReference {
  fact: string;
  path?: string;
}
export type ConditionValue = string | number | boolean | (string | number | boolean)[] | FactReference;

export interface LeafCondition {
  fact: string;
  path?: string;
  operator: RuleOperator;
  value: ConditionValue;
  params?: Record<string, unknown>;
  name?: string;
  priority?: number;
}
interface GroupExtras {
  name?: string;
  priority?: number;
}
export type ConditionGroup =
  | ({ all: RuleCondition[] } & GroupExtras)
  | ({ any: RuleCondition[] } & GroupExtras)
  | ({ not: RuleCondition } & GroupExtras);
export type RuleCondition = LeafCondition | ConditionGroup;

export type GroupKind = 'all' | 'any' | 'not';
export const GROUP_KINDS: readonly GroupKind[] = ['all', 'any', 'not'];

/** A node as typed: an object whose keys are not yet trusted. */
export type ConditionNode = Record<string, unknown>;

const has = (node: object, key: string) => Object.prototype.hasOwnProperty.call(node, key);

/** The group a node is, in json-rules-engine's order (`any`, then `all`, then `not`), or undefined for a leaf. */
export function groupKind(node: unknown): GroupKind | undefined {
  if (!isPlainObject(node)) return undefined;
  if (has(node, 'any')) return 'any';
  if (has(node, 'all')) return 'all';
  if (has(node, 'not')) return 'not';
  return undefined;
}

/** One step down the tree: into the n-th child (from 0) of an all/any, or into a not. */
export type Step = { kind: 'all' | 'any'; index: number } | { kind: 'not' };

/** Where a node sits: the steps from the top (none for the top itself). */
export type Place = readonly Step[];

export interface ConditionVisitor<T> {
  /** Anything that is not a group — a comparison, or a value that is not even an object. */
  leaf(node: unknown, place: Place): T;
  /**
   * An all/any group. `children` visits each child (call them in the order and as far as the reader needs); it is
   * null when the group's list is not an array.
   */
  group(kind: 'all' | 'any', node: ConditionNode, children: (() => T)[] | null, place: Place): T;
  /** A not group; `child` visits what it negates (node.not may still be an array, which json-rules-engine refuses). */
  not(node: ConditionNode, child: () => T, place: Place): T;
}

/** Visits the tree from the top; each group decides when (and whether) its children are visited. */
export function walkConditions<T>(node: unknown, visitor: ConditionVisitor<T>, place: Place = []): T {
  const kind = groupKind(node);
  if (kind === undefined) return visitor.leaf(node, place);
  const group = node as ConditionNode;
  if (kind === 'not') return visitor.not(group, () => walkConditions(group.not, visitor, [...place, { kind }]), place);
  const list = group[kind];
  const children = Array.isArray(list)
    ? list.map((child, index) => () => walkConditions(child, visitor, [...place, { kind, index }]))
    : null;
  return visitor.group(kind, group, children, place);
}

/** Every comparison of the tree, with where it sits (malformed nodes are skipped). */
export function leavesOf(conditions: unknown): { leaf: ConditionNode; place: Place }[] {
  const found: { leaf: ConditionNode; place: Place }[] = [];
  walkConditions<void>(conditions, {
    leaf: (node, place) => {
      if (isPlainObject(node)) found.push({ leaf: node, place });
    },
    group: (_kind, _node, children) => children?.forEach((visit) => visit()),
    not: (_node, child) => child(),
  });
  return found;
}

/** The facts a comparison reads: its own, and the one its value refers to (`value: { fact, path }`). */
export function factsRead(leaf: ConditionNode): string[] {
  const value = leaf.value;
  const referred = isPlainObject(value) && has(value, 'fact') ? [String(value.fact)] : [];
  return [String(leaf.fact), ...referred];
}

/** The comparisons joined by the top-level `all` (none when the top is an `any`, a `not` or malformed). */
export function topLevelAll(conditions: unknown): unknown[] | null {
  if (groupKind(conditions) !== 'all') return null;
  const list = (conditions as ConditionNode).all;
  return Array.isArray(list) ? list : null;
}
