// RuleSet — the stored authority rules, compiled once and indexed by action (rule-index.ts), answering decide()
// synchronously by a pure evaluation (evaluate.ts) and putting the answer into words on first use.
//
// Deny beats allow; nothing is allowed unless a rule allows it (default deny). Each rule's conditions are
// compiled by compileConditions (json-rules-engine's exact semantics, proved by test/rules/agreement.test.ts),
// against the four facts { actor, action, record, now } (rule-facts.ts). A rule that cannot be compiled, or whose
// conditions throw while deciding (json-rules-engine would reject the run), makes its actions a deny.
// The system administrator's hard deny and the other account guards belong to decide() in decide.ts.
import type { Actor } from './actor.js';
import { isCatalogued } from './catalogue.js';
import type { RuleFacts } from './compile.js';
import { topLevelAll } from './condition-tree.js';
import type { Decision, DecidingRule } from './decision.js';
import { evaluate, isAllowed } from './evaluate.js';
import { explainConditions } from './explain.js';
import { actorFacts, nowFacts, type NowFacts } from './rule-facts.js';
import {
  actionRules,
  indexRules,
  readsOnlyTheActor,
  type ActionRules,
  type CompiledRule,
  type RuleIndex,
  type RuleProblem,
  type StoredRule,
} from './rule-index.js';

export { toFacts, type RuleFacts } from './rule-facts.js';
export type { StoredRule } from './rule-index.js';
export type RuleSetProblem = RuleProblem;

export interface RuleSetOptions {
  /**
   * Index and decide actions that are not in the action catalogue (e.g. generated rules on made-up resources).
   * Off by default: a rule naming an uncatalogued action is reported in `problems` and the action stays unknown.
   */
  allowUncataloguedActions?: boolean;
}

type Json = Record<string, unknown>;
const HOUR_MS = 3_600_000;
const EMPTY_RECORD: Json = Object.freeze({}) as Json;
/** Stands in for `now` when no rule of the action reads it (never read, so never wrong). */
const NO_NOW: Json = Object.freeze({}) as Json;

/** Decisions are answers, not state: they may be shared between questions, so they are frozen. */
const answer = (allowed: boolean, effect: Decision['effect'], rules: DecidingRule[], reason: string): Decision =>
  Object.freeze({ allowed, effect, rules: Object.freeze(rules) as DecidingRule[], reason });
const refuse = (reason: string) => answer(false, 'default-deny', [], reason);
const citing = (rule: DecidingRule) => `「${rule.name}」${rule.clause ? `（${rule.clause}）` : ''}`;

/** One action's rules, and its answers in words as they are first needed. */
interface Entry extends ActionRules {
  /** The answer when exactly this rule decides. */
  byRule?: Map<CompiledRule, Decision>;
  /** The last default deny, and whom and which rule it was worded for. */
  lastRefusal?: { who: string; rule: CompiledRule | null; decision: Decision };
}

export class RuleSet {
  /** Rules that were left out or cannot be decided with (uncatalogued actions, conditions that do not compile). */
  readonly problems: RuleSetProblem[];
  /** Number of enabled rules loaded. */
  readonly size: number;

  private readonly index: RuleIndex;
  private readonly byAction: Map<string, Entry>;
  private readonly allowUncatalogued: boolean;

  // The clock's facts change once an hour and take microseconds to build (Intl), so the last hour's are kept.
  // The actor's are built per question: keeping them measured no faster (npm run bench:rules).
  private lastHour: { from: number; facts: NowFacts } | null = null;

  constructor(rules: readonly StoredRule[], options: RuleSetOptions = {}) {
    this.allowUncatalogued = options.allowUncataloguedActions === true;
    this.index = indexRules(rules, this.allowUncatalogued);
    this.byAction = this.index.byAction;
    this.problems = this.index.problems;
    this.size = this.index.size;
  }

  /** The version of a loaded rule (for the decision log). */
  versionOf(ruleId: number | string): number | undefined {
    return this.index.versions.get(String(ruleId));
  }

  /**
   * The actions some enabled allow rule grants because of the position itself: the rule's conditions on the actor
   * alone pass for someone holding it and fail for someone holding no position.
   */
  actionsOfPosition(position: { code: string | null; name: string | null }): string[] {
    const someone = (code: string | null, name: string | null): RuleFacts => ({
      actor: { ...actorFacts(nobody), positionCode: code, positionName: name } as unknown as Json,
      action: '',
      record: EMPTY_RECORD,
      now: NO_NOW,
    });
    const holder = someone(position.code, position.name);
    const noPosition = someone(null, null);
    const granted = (rule: CompiledRule) => {
      try {
        return rule.forWhom !== null && rule.forWhom(holder) && !rule.forWhom(noPosition);
      } catch {
        return false;
      }
    };
    return [...this.byAction.values()].filter((entry) => entry.allows.some(granted)).map((entry) => entry.action);
  }

  /** The rules an action is decided by, in evaluation order (undefined for an unknown action). */
  rulesOf(action: string): ActionRules | undefined {
    return this.entry(action);
  }

  /** Whether the rules allow it: the same answer as decide(), without putting it into words. */
  allows(actor: Actor | null | undefined, action: string, record?: Json | null, at?: Date): boolean {
    if (!actor || !actor.enabled) return false;
    const entry = this.entry(action);
    if (!entry || entry.broken.length > 0 || entry.allows.length === 0) return false;
    try {
      return isAllowed(entry, this.facts(entry, actor, record, at));
    } catch {
      return false;
    }
  }

  /** decide(actor, action, record?): deny beats allow, default deny, with the reason. */
  decide(actor: Actor | null | undefined, action: string, record?: Json | null, at?: Date): Decision {
    if (!actor) return refuse('未登录，请先登录');
    if (!actor.enabled) return refuse('该账号已停用');
    const entry = this.entry(action);
    if (!entry) return refuse(`未知的操作「${action}」`);
    if (entry.broken.length > 0) {
      const rule = entry.broken[0];
      return refuse(`规则「${rule.ref.name}」有误（${rule.error}），无法判断「${entry.label}」，已按拒绝处理`);
    }
    let facts: RuleFacts;
    try {
      facts = this.facts(entry, actor, record, at);
    } catch {
      return refuse('权限判断出错，已按拒绝处理');
    }
    const outcome = evaluate(entry, facts);
    switch (outcome.effect) {
      case 'error':
        return refuse(`规则「${outcome.rule.ref.name}」执行出错，「${entry.label}」已按拒绝处理`);
      case 'none':
        return this.refusal(entry, actor, facts);
      default: {
        const [first] = outcome.rules;
        const decided = this.decidedBy(entry, first);
        if (outcome.rules.length === 1) return decided;
        return answer(
          decided.allowed,
          decided.effect,
          outcome.rules.map((rule) => rule.ref),
          decided.reason,
        );
      }
    }
  }

  /** The entry of an action: catalogued, or (with allowUncataloguedActions) any action some rule names. */
  private entry(action: string): Entry | undefined {
    const entry = this.byAction.get(action);
    if (entry) return entry;
    if (!(this.allowUncatalogued ? typeof action === 'string' && action.includes('.') : isCatalogued(action)))
      return undefined;
    const created: Entry = actionRules(action, this.index.wildcards.get(action.slice(0, action.indexOf('.'))) ?? []);
    if (this.byAction.size < 100_000) this.byAction.set(action, created);
    return created;
  }

  private facts(entry: Entry, actor: Actor, record: Json | null | undefined, at: Date | undefined): RuleFacts {
    return {
      actor: actorFacts(actor) as unknown as Json,
      action: entry.action,
      record: record ?? EMPTY_RECORD,
      now: entry.readsNow ? this.nowFacts(at) : NO_NOW,
    };
  }

  private nowFacts(at: Date | undefined): Json {
    const t = at ? at.getTime() : Date.now();
    // Shanghai hours start on the UTC hour (UTC+8, no daylight saving).
    const from = Math.floor(t / HOUR_MS) * HOUR_MS;
    if (this.lastHour?.from !== from) this.lastHour = { from, facts: nowFacts(new Date(t)) };
    return this.lastHour.facts as unknown as Json;
  }

  /** The answer when this rule alone decides, worded once per action. */
  private decidedBy(entry: Entry, rule: CompiledRule): Decision {
    entry.byRule ??= new Map();
    let decision = entry.byRule.get(rule);
    if (!decision) {
      const allowed = rule.effect === 'allow';
      const reason = `依据${citing(rule.ref)}${allowed ? '允许' : '禁止'}${entry.label}`;
      decision = answer(allowed, rule.effect, [rule.ref], reason);
      entry.byRule.set(rule, decision);
    }
    return decision;
  }

  /** Default deny, in words: the first rule for this action that is meant for this person, or none. */
  private refusal(entry: Entry, actor: Actor, facts: RuleFacts): Decision {
    const who = actor.positionName ?? actor.name;
    let rule: CompiledRule | null = null;
    for (const allow of entry.allows) {
      if (meantFor(allow, facts)) {
        rule = allow;
        break;
      }
    }
    const last = entry.lastRefusal;
    if (last?.who === who && last.rule === rule) return last.decision;
    const reason = rule
      ? `规则「${rule.ref.name}」允许${who}${entry.label}，但这条记录不符合条件（${recordConditions(rule, entry)}）`
      : `没有任何规则允许${who}执行「${entry.label}」`;
    const decision = refuse(reason);
    entry.lastRefusal = { who, rule, decision };
    return decision;
  }
}

const nobody: Actor = {
  id: 0,
  name: '',
  email: '',
  positionId: null,
  positionCode: null,
  positionName: null,
  departmentId: null,
  departmentName: null,
  supervisesDepartmentIds: [],
  isSystemAdmin: false,
  enabled: true,
};

function meantFor(rule: CompiledRule, facts: RuleFacts): boolean {
  try {
    return rule.forWhom === null || rule.forWhom(facts);
  } catch {
    return false;
  }
}

/** What a rule asks of the record, in words: its conditions without those that say whom it is for ('无' if none). */
export function recordConditions(rule: CompiledRule, entry: ActionRules): string {
  const resources = [entry.action.split('.')[0]];
  const all = topLevelAll(rule.conditions);
  if (!all) return explainConditions(rule.conditions, { resources });
  const rest = all.filter((node) => !readsOnlyTheActor(node));
  return rest.length === 0 ? '无' : explainConditions({ all: rest }, { resources });
}
