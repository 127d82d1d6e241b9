// The stored rules compiled once and indexed by action: for each action, its deny rules and its allow rules in the
// order they are evaluated (highest priority first, then as stored), and the rules that could not be compiled.
import { ACTION_LABELS, actionLabel, isCatalogued } from './catalogue.js';
import { compileConditions, type CompiledConditions } from './compile.js';
import { factsRead, leavesOf, topLevelAll } from './condition-tree.js';
import type { DecidingRule } from './decision.js';
import { isPlainObject } from '../lib/objects.js';

/** A rule as stored (AuthorityRule rows fit this shape). */
export interface StoredRule {
  id: number | string;
  name: string;
  actions: readonly string[];
  effect: 'allow' | 'deny' | string;
  /** json-rules-engine conditions JSON (a JSON text is parsed). */
  conditions: unknown;
  priority?: number | null;
  enabled?: boolean | null;
  clause?: string | null;
  version?: number | null;
}

export interface CompiledRule {
  ref: DecidingRule;
  /** What it decides when it passes alone (shared, so a decision allocates nothing). */
  outcome: { effect: 'allow' | 'deny'; rules: readonly CompiledRule[] };
  effect: 'allow' | 'deny';
  priority: number;
  order: number;
  version: number;
  test: CompiledConditions;
  /** The top-level `all` comparisons that read only the actor — whom the rule is for — or null when there are none. */
  forWhom: CompiledConditions | null;
  /** The conditions as parsed (put into words only when a refusal needs them). */
  conditions: unknown;
  readsNow: boolean;
  /** Why it could not be compiled. */
  error?: string;
}

export interface ActionRules {
  action: string;
  label: string;
  denies: CompiledRule[];
  allows: CompiledRule[];
  /** Rules naming this action that could not be compiled: while there is one, the action is refused. */
  broken: CompiledRule[];
  /** Whether any of its rules reads the clock. */
  readsNow: boolean;
}

export interface RuleProblem {
  ruleId: number | string;
  ruleName: string;
  message: string;
}

export interface RuleIndex {
  byAction: Map<string, ActionRules>;
  /** `Resource.*` rules by resource: they cover every catalogued action of it, and any other asked for. */
  wildcards: Map<string, CompiledRule[]>;
  problems: RuleProblem[];
  versions: Map<string, number>;
  /** Number of enabled rules. */
  size: number;
}

const ANY_ACTION = /^([A-Z][A-Za-z0-9]*)\.\*$/;
const byPriority = (a: CompiledRule, b: CompiledRule) => b.priority - a.priority || a.order - b.order;

/** A comparison on the actor alone: it says whom the rule is for, whatever the record. */
export function readsOnlyTheActor(node: unknown): boolean {
  return (
    isPlainObject(node) &&
    !('all' in node || 'any' in node || 'not' in node) &&
    factsRead(node).every((fact) => fact === 'actor')
  );
}

/** One stored rule compiled; `error` says why it cannot be decided with. */
export function compileRule(rule: StoredRule, order: number): CompiledRule {
  const compiled: CompiledRule = {
    ref: Object.freeze({ id: rule.id, name: rule.name, clause: rule.clause ?? '' }),
    outcome: { effect: 'allow', rules: [] },
    effect: rule.effect === 'deny' ? 'deny' : 'allow',
    priority: Number(rule.priority) || 1,
    order,
    version: Number(rule.version) || 1,
    test: () => false,
    forWhom: null,
    conditions: rule.conditions,
    readsNow: false,
  };
  compiled.outcome = Object.freeze({ effect: compiled.effect, rules: Object.freeze([compiled]) });
  try {
    const conditions = typeof rule.conditions === 'string' ? JSON.parse(rule.conditions) : rule.conditions;
    compiled.conditions = conditions;
    if (rule.effect !== 'allow' && rule.effect !== 'deny') throw new Error(`规则效果「${String(rule.effect)}」不正确`);
    compiled.test = compileConditions(conditions);
    compiled.readsNow = leavesOf(conditions).some(({ leaf }) => factsRead(leaf).includes('now'));
    const whom = (topLevelAll(conditions) ?? []).filter(readsOnlyTheActor);
    compiled.forWhom = whom.length > 0 ? compileConditions({ all: whom }) : null;
  } catch (error) {
    compiled.error = error instanceof Error ? error.message : String(error);
  }
  return compiled;
}

/** The rules of one action, sorted into the lists they are evaluated from. */
export function actionRules(action: string, rules: readonly CompiledRule[]): ActionRules {
  const sorted = [...rules].sort(byPriority);
  return {
    action,
    label: actionLabel(action),
    denies: sorted.filter((r) => !r.error && r.effect === 'deny'),
    allows: sorted.filter((r) => !r.error && r.effect === 'allow'),
    broken: sorted.filter((r) => r.error),
    readsNow: sorted.some((r) => r.readsNow),
  };
}

/**
 * Every enabled rule compiled and filed under the actions it names. A rule naming an uncatalogued action is
 * reported in `problems` and left out for that action, unless `allowUncatalogued` (generated rules on made-up
 * resources).
 */
export function indexRules(rules: readonly StoredRule[], allowUncatalogued: boolean): RuleIndex {
  const problems: RuleProblem[] = [];
  const versions = new Map<string, number>();
  const named = new Map<string, CompiledRule[]>();
  const wildcards = new Map<string, CompiledRule[]>();
  const file = (map: Map<string, CompiledRule[]>, key: string, rule: CompiledRule) => {
    const list = map.get(key);
    if (list) list.push(rule);
    else map.set(key, [rule]);
  };
  let size = 0;
  rules.forEach((rule, order) => {
    if (rule.enabled === false) return;
    size += 1;
    const compiled = compileRule(rule, order);
    versions.set(String(rule.id), compiled.version);
    const problem = (message: string) => problems.push({ ruleId: rule.id, ruleName: rule.name, message });
    if (compiled.error) problem(compiled.error);
    if (!Array.isArray(rule.actions)) return problem('动作必须是数组，已忽略');
    for (const action of new Set(rule.actions)) {
      if (typeof action !== 'string') continue;
      const wildcard = ANY_ACTION.exec(action);
      if (wildcard) file(wildcards, wildcard[1], compiled);
      else if (isCatalogued(action) || allowUncatalogued) file(named, action, compiled);
      else problem(`动作「${action}」不在动作目录中，已忽略`);
    }
  });
  for (const [resource, list] of wildcards) {
    for (const action of Object.keys(ACTION_LABELS)) {
      if (action.startsWith(`${resource}.`)) for (const rule of list) file(named, action, rule);
    }
  }
  const byAction = new Map([...named].map(([action, list]) => [action, actionRules(action, list)]));
  return { byAction, wildcards, problems, versions, size };
}
