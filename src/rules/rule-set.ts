// RuleSet — the stored authority rules, compiled once and indexed by action, answering decide() synchronously.
//
// Deny beats allow; nothing is allowed unless a rule allows it (default deny). Each rule's conditions are
// compiled by compileConditions (json-rules-engine's exact semantics, proved by test/rules/agreement.test.ts),
// against the four facts { actor, action, record, now } that toFacts builds. A rule that cannot be compiled, or
// whose conditions throw while deciding (json-rules-engine would reject the run), makes its actions a deny.
// The system administrator's hard deny and the other account guards belong to decide() in decide.ts.
import type { Actor } from './actor.js';
import { ACTION_LABELS, actionLabel, isCatalogued } from './catalogue.js';
import { explainConditions } from './explain.js';
import { compileConditions, type CompiledConditions, type RuleFacts } from './compile.js';
import type { Decision, DecidingRule } from './decision.js';
import { shanghaiDay, shanghaiHour, shanghaiWeekday } from '../lib/shanghai.js';
import { isPlainObject } from '../lib/objects.js';

export type { RuleFacts } from './compile.js';

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

export interface RuleSetOptions {
  /**
   * Index and decide actions that are not in the action catalogue (e.g. generated rules on made-up resources).
   * Off by default: a rule naming an uncatalogued action is reported in `problems` and the action stays unknown.
   */
  allowUncataloguedActions?: boolean;
}

export interface ActorFacts {
  id: number;
  positionCode: string | null;
  positionName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  supervisesDepartmentIds: number[];
  isSupervisor: boolean;
  isSystemAdmin: boolean;
}

export interface NowFacts {
  /** 0–23 in Asia/Shanghai. */
  hour: number;
  /** 1 (Monday) – 7 (Sunday) in Asia/Shanghai. */
  weekday: number;
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  date: string;
}

const HOUR_MS = 3_600_000;

export function actorFacts(actor: Actor): ActorFacts {
  return {
    id: actor.id,
    positionCode: actor.positionCode,
    positionName: actor.positionName,
    departmentId: actor.departmentId,
    departmentName: actor.departmentName,
    supervisesDepartmentIds: actor.supervisesDepartmentIds,
    isSupervisor: actor.supervisesDepartmentIds.length > 0,
    isSystemAdmin: actor.isSystemAdmin,
  };
}

export function nowFacts(at: Date): NowFacts {
  return { hour: shanghaiHour(at), weekday: shanghaiWeekday(at), date: shanghaiDay(at) };
}

/** The four facts every rule is evaluated against (record `{}` when the action has none). */
export function toFacts(
  actor: Actor,
  action: string,
  record: Record<string, unknown> | null | undefined,
  now: Date,
): RuleFacts {
  return { actor: { ...actorFacts(actor) }, action, record: record ?? {}, now: { ...nowFacts(now) } };
}

// ---------------------------------------------------------------------------------------------------------
// Helpers for the "这条记录不符合条件（…）" explanation (worded by explain.ts).

type Json = Record<string, unknown>;
const isObject = isPlainObject as (v: unknown) => v is Json;

// ---------------------------------------------------------------------------------------------------------

interface CompiledRule {
  ref: DecidingRule;
  effect: 'allow' | 'deny';
  priority: number;
  order: number;
  version: number;
  test: CompiledConditions;
  /** The top-level `all` conditions on the actor alone (who the rule is for), or null when there are none. */
  actorGate: CompiledConditions | null;
  /** The rest of the conditions, in words (built on first use). */
  recordText: string | null;
  conditions: unknown;
  usesNow: boolean;
  /** Why it could not be compiled. */
  error?: string;
}

interface ActionEntry {
  action: string;
  label: string;
  denies: CompiledRule[];
  allows: CompiledRule[];
  broken: CompiledRule[];
  usesNow: boolean;
  // Explanations, built once per action (a list page asks the same few questions hundreds of times).
  denyReasons: string[];
  denySingles: readonly DecidingRule[][];
  allowReasons: string[];
  allowSingles: readonly DecidingRule[][];
  /** One-slot caches of the default-deny reasons, keyed by who is asking. */
  noRuleWho: string | null;
  noRuleReason: string;
  failedWho: (string | null)[];
  failedReason: string[];
}

export interface RuleSetProblem {
  ruleId: number | string;
  ruleName: string;
  message: string;
}

const EMPTY_RECORD: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
const ANY_ACTION = /^([A-Z][A-Za-z0-9]*)\.\*$/;

/** Decisions are answers, not state: their `rules` lists may be shared between decisions and are frozen. */
const NO_RULES: DecidingRule[] = Object.freeze([]) as unknown as DecidingRule[];
const deny = (
  reason: string,
  effect: Decision['effect'] = 'default-deny',
  rules: DecidingRule[] = NO_RULES,
): Decision => ({ allowed: false, effect, rules, reason });
const citing = (rule: DecidingRule) => `「${rule.name}」${rule.clause ? `（${rule.clause}）` : ''}`;

function newEntry(action: string): ActionEntry {
  return {
    action,
    label: actionLabel(action),
    denies: [],
    allows: [],
    broken: [],
    usesNow: false,
    denyReasons: [],
    denySingles: [],
    allowReasons: [],
    allowSingles: [],
    noRuleWho: null,
    noRuleReason: '',
    failedWho: [],
    failedReason: [],
  };
}

function usesNowFact(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(usesNowFact);
  if (!isObject(node)) return false;
  if (node.fact === 'now') return true;
  return Object.values(node).some(usesNowFact);
}

export class RuleSet {
  /** Rules that were left out or cannot be decided with (uncatalogued actions, conditions that do not compile). */
  readonly problems: RuleSetProblem[] = [];
  /** Number of enabled rules loaded. */
  readonly size: number;

  private readonly byAction = new Map<string, ActionEntry>();
  private readonly wildcards = new Map<string, CompiledRule[]>();
  private readonly versions = new Map<string, number>();
  private readonly allowUncatalogued: boolean;

  // One-slot caches: a list page asks hundreds of questions for one actor within one hour.
  private cachedActor: Actor | null = null;
  private cachedActorFacts: ActorFacts | null = null;
  private nowFrom = 0;
  private nowTo = -1;
  private cachedNow: NowFacts | null = null;

  constructor(rules: readonly StoredRule[], options: RuleSetOptions = {}) {
    this.allowUncatalogued = options.allowUncataloguedActions === true;
    let size = 0;
    rules.forEach((rule, order) => {
      if (rule.enabled === false) return;
      size += 1;
      const compiled = this.compileRule(rule, order);
      this.versions.set(String(rule.id), compiled.version);
      if (!Array.isArray(rule.actions)) {
        this.problems.push({ ruleId: rule.id, ruleName: rule.name, message: '动作必须是数组，已忽略' });
        return;
      }
      for (const action of new Set(rule.actions)) {
        if (typeof action !== 'string') continue;
        const wildcard = ANY_ACTION.exec(action);
        if (wildcard) {
          const list = this.wildcards.get(wildcard[1]) ?? [];
          list.push(compiled);
          this.wildcards.set(wildcard[1], list);
          continue;
        }
        if (!isCatalogued(action) && !this.allowUncatalogued) {
          this.problems.push({
            ruleId: rule.id,
            ruleName: rule.name,
            message: `动作「${action}」不在动作目录中，已忽略`,
          });
          continue;
        }
        this.entryFor(action, true)!.push(compiled);
      }
    });
    this.size = size;
    // A `Resource.*` rule covers every catalogued action of that resource.
    for (const [resource, list] of this.wildcards) {
      for (const action of Object.keys(ACTION_LABELS)) {
        if (action.startsWith(`${resource}.`)) for (const rule of list) this.entryFor(action, true)!.push(rule);
      }
    }
    for (const entry of this.byAction.values()) this.finish(entry);
  }

  private compileRule(rule: StoredRule, order: number): CompiledRule {
    const ref: DecidingRule = Object.freeze({ id: rule.id, name: rule.name, clause: rule.clause ?? '' });
    let conditions = rule.conditions;
    const compiled: CompiledRule = {
      ref,
      effect: rule.effect === 'deny' ? 'deny' : 'allow',
      priority: Number(rule.priority) || 1,
      order,
      version: Number(rule.version) || 1,
      test: () => false,
      actorGate: null,
      recordText: null,
      conditions,
      usesNow: false,
    };
    try {
      if (typeof conditions === 'string') conditions = JSON.parse(conditions);
      compiled.conditions = conditions;
      if (rule.effect !== 'allow' && rule.effect !== 'deny')
        throw new Error(`规则效果「${String(rule.effect)}」不正确`);
      compiled.test = compileConditions(conditions);
      compiled.usesNow = usesNowFact(conditions);
      compiled.actorGate = actorGate(conditions);
    } catch (error) {
      compiled.error = error instanceof Error ? error.message : String(error);
      this.problems.push({ ruleId: rule.id, ruleName: rule.name, message: compiled.error });
    }
    return compiled;
  }

  private entryFor(action: string, create: boolean): CompiledRule[] | undefined {
    let entry = this.byAction.get(action);
    if (!entry && create) {
      entry = newEntry(action);
      this.byAction.set(action, entry);
    }
    if (!entry) return undefined;
    // Collected in `allows` first; finish() sorts them into their lists.
    return entry.allows;
  }

  private finish(entry: ActionEntry): void {
    const rules = entry.allows.sort((a, b) => b.priority - a.priority || a.order - b.order);
    entry.allows = rules.filter((r) => !r.error && r.effect === 'allow');
    entry.denies = rules.filter((r) => !r.error && r.effect === 'deny');
    entry.broken = rules.filter((r) => r.error);
    entry.usesNow = rules.some((r) => r.usesNow);
    const single = (r: CompiledRule) => Object.freeze([r.ref]) as unknown as DecidingRule[];
    entry.denyReasons = entry.denies.map((r) => `依据${citing(r.ref)}禁止${entry.label}`);
    entry.denySingles = entry.denies.map(single);
    entry.allowReasons = entry.allows.map((r) => `依据${citing(r.ref)}允许${entry.label}`);
    entry.allowSingles = entry.allows.map(single);
    entry.failedWho = entry.allows.map(() => null);
    entry.failedReason = entry.allows.map(() => '');
  }

  /** The entry of an action: catalogued, or (with allowUncataloguedActions) any action some rule names. */
  private entry(action: string): ActionEntry | undefined {
    const entry = this.byAction.get(action);
    if (entry) return entry;
    if (!(this.allowUncatalogued ? typeof action === 'string' && action.includes('.') : isCatalogued(action)))
      return undefined;
    const created = newEntry(action);
    const wildcard = this.wildcards.get(action.slice(0, action.indexOf('.')));
    if (wildcard) {
      created.allows = [...wildcard];
      this.finish(created);
    }
    if (this.byAction.size < 100_000) this.byAction.set(action, created);
    return created;
  }

  /**
   * The actions some enabled allow rule grants because of the position itself: the rule's conditions on the actor
   * alone pass for someone holding it and fail for someone holding no position.
   */
  actionsOfPosition(position: { code: string | null; name: string | null }): string[] {
    const someone = (code: string | null, name: string | null): RuleFacts => ({
      actor: {
        id: 0,
        positionCode: code,
        positionName: name,
        departmentId: null,
        departmentName: null,
        supervisesDepartmentIds: [],
        isSupervisor: false,
        isSystemAdmin: false,
      },
      action: '',
      record: EMPTY_RECORD,
      now: NO_NOW,
    });
    const holder = someone(position.code, position.name);
    const nobody = someone(null, null);
    const gated = (rule: CompiledRule) => {
      try {
        return rule.actorGate !== null && rule.actorGate(holder) && !rule.actorGate(nobody);
      } catch {
        return false;
      }
    };
    return [...this.byAction.values()].filter((entry) => entry.allows.some(gated)).map((entry) => entry.action);
  }

  /** The version of a loaded rule (for the decision log). */
  versionOf(ruleId: number | string): number | undefined {
    return this.versions.get(String(ruleId));
  }

  /** Whether the rules allow it: the same answer as decide(), without the explanation. */
  allows(actor: Actor | null | undefined, action: string, record?: Record<string, unknown> | null, at?: Date): boolean {
    if (!actor || !actor.enabled) return false;
    const entry = this.entry(action);
    if (!entry || entry.broken.length > 0 || entry.allows.length === 0) return false;
    try {
      const facts: RuleFacts = {
        actor: this.actorFacts(actor) as unknown as Json,
        action,
        record: record ?? EMPTY_RECORD,
        now: this.nowFor(entry, at),
      };
      const denies = entry.denies;
      for (let i = 0; i < denies.length; i++) if (denies[i].test(facts)) return false;
      let allowed = false;
      const allows = entry.allows;
      // Every allow rule is evaluated, as json-rules-engine runs them all: one that throws makes it a deny.
      for (let i = 0; i < allows.length; i++) if (allows[i].test(facts)) allowed = true;
      return allowed;
    } catch {
      return false;
    }
  }

  /** decide(actor, action, record?) in the brief's shape: deny beats allow, default deny, with the reason. */
  decide(
    actor: Actor | null | undefined,
    action: string,
    record?: Record<string, unknown> | null,
    at?: Date,
  ): Decision {
    if (!actor) return deny('未登录，请先登录');
    if (!actor.enabled) return deny('该账号已停用');
    const entry = this.entry(action);
    if (!entry) return deny(`未知的操作「${action}」`);
    if (entry.broken.length > 0) {
      const rule = entry.broken[0];
      return deny(`规则「${rule.ref.name}」有误（${rule.error}），无法判断「${entry.label}」，已按拒绝处理`);
    }
    let facts: RuleFacts;
    try {
      facts = {
        actor: this.actorFacts(actor) as unknown as Json,
        action,
        record: record ?? EMPTY_RECORD,
        now: this.nowFor(entry, at),
      };
    } catch {
      return deny('权限判断出错，已按拒绝处理');
    }
    let current: CompiledRule | null = null;
    try {
      // Deny beats allow: every deny rule first.
      const denies = entry.denies;
      let firstDeny = -1;
      let denying: DecidingRule[] | null = null;
      for (let i = 0; i < denies.length; i++) {
        current = denies[i];
        if (!current.test(facts)) continue;
        if (firstDeny < 0) firstDeny = i;
        else (denying ??= [denies[firstDeny].ref]).push(current.ref);
      }
      if (firstDeny >= 0) {
        return {
          allowed: false,
          effect: 'deny',
          rules: denying ?? entry.denySingles[firstDeny],
          reason: entry.denyReasons[firstDeny],
        };
      }
      // Every allow rule is evaluated, as json-rules-engine runs them all: one that throws makes it a deny.
      const allows = entry.allows;
      let firstAllow = -1;
      let allowing: DecidingRule[] | null = null;
      for (let i = 0; i < allows.length; i++) {
        current = allows[i];
        if (!current.test(facts)) continue;
        if (firstAllow < 0) firstAllow = i;
        else (allowing ??= [allows[firstAllow].ref]).push(current.ref);
      }
      if (firstAllow >= 0) {
        return {
          allowed: true,
          effect: 'allow',
          rules: allowing ?? entry.allowSingles[firstAllow],
          reason: entry.allowReasons[firstAllow],
        };
      }
    } catch {
      return deny(`规则「${current?.ref.name ?? ''}」执行出错，「${entry.label}」已按拒绝处理`);
    }
    return deny(this.whyNot(entry, actor, facts));
  }

  /** Default deny, in words: the first rule for this action that is meant for this person, or none. */
  private whyNot(entry: ActionEntry, actor: Actor, facts: RuleFacts): string {
    const who = actor.positionName ?? actor.name;
    const allows = entry.allows;
    for (let i = 0; i < allows.length; i++) {
      const rule = allows[i];
      let forThisActor: boolean;
      try {
        forThisActor = rule.actorGate === null || rule.actorGate(facts);
      } catch {
        forThisActor = false;
      }
      if (!forThisActor) continue;
      if (entry.failedWho[i] !== who) {
        rule.recordText ??= describeRecordConditions(rule.conditions, [entry.action.split('.')[0]]);
        entry.failedReason[i] =
          `规则「${rule.ref.name}」允许${who}${entry.label}，但这条记录不符合条件（${rule.recordText}）`;
        entry.failedWho[i] = who;
      }
      return entry.failedReason[i];
    }
    if (entry.noRuleWho !== who) {
      entry.noRuleReason = `没有任何规则允许${who}执行「${entry.label}」`;
      entry.noRuleWho = who;
    }
    return entry.noRuleReason;
  }

  private actorFacts(actor: Actor): ActorFacts {
    const cached = this.cachedActorFacts;
    if (
      cached !== null &&
      this.cachedActor === actor &&
      cached.id === actor.id &&
      cached.positionCode === actor.positionCode &&
      cached.positionName === actor.positionName &&
      cached.departmentId === actor.departmentId &&
      cached.departmentName === actor.departmentName &&
      cached.supervisesDepartmentIds === actor.supervisesDepartmentIds &&
      cached.isSupervisor === actor.supervisesDepartmentIds.length > 0 &&
      cached.isSystemAdmin === actor.isSystemAdmin
    )
      return cached;
    const facts = actorFacts(actor);
    this.cachedActor = actor;
    this.cachedActorFacts = facts;
    return facts;
  }

  private nowFor(entry: ActionEntry, at: Date | undefined): Json {
    // Rules that never read `now` do not need the clock.
    if (!entry.usesNow) return NO_NOW;
    const t = at ? at.getTime() : Date.now();
    if (t >= this.nowFrom && t < this.nowTo && this.cachedNow) return this.cachedNow as unknown as Json;
    const facts = nowFacts(new Date(t));
    // Shanghai hours start on the UTC hour (UTC+8, no daylight saving).
    this.nowFrom = Math.floor(t / HOUR_MS) * HOUR_MS;
    this.nowTo = this.nowFrom + HOUR_MS;
    this.cachedNow = facts;
    return facts as unknown as Json;
  }
}

/** Stands in for `now` when no rule of the action reads it (never read, so never wrong). */
const NO_NOW: Json = Object.freeze({}) as Json;

/** The top-level `all` leaves that read only the actor fact, compiled: who the rule is meant for. */
function actorGate(conditions: unknown): CompiledConditions | null {
  if (
    !isObject(conditions) ||
    Object.prototype.hasOwnProperty.call(conditions, 'any') ||
    !Array.isArray(conditions.all)
  )
    return null;
  const leaves = conditions.all.filter((c) => isActorOnlyLeaf(c));
  if (leaves.length === 0) return null;
  return compileConditions({ all: leaves });
}

function isActorOnlyLeaf(node: unknown): boolean {
  if (!isObject(node) || 'all' in node || 'any' in node || 'not' in node || node.fact !== 'actor') return false;
  const value = node.value;
  return !(isObject(value) && Object.prototype.hasOwnProperty.call(value, 'fact') && value.fact !== 'actor');
}

function describeRecordConditions(conditions: unknown, resources: string[]): string {
  if (
    isObject(conditions) &&
    !Object.prototype.hasOwnProperty.call(conditions, 'any') &&
    Array.isArray(conditions.all)
  ) {
    const rest = conditions.all.filter((c) => !isActorOnlyLeaf(c));
    return rest.length === 0 ? '无' : explainConditions({ all: rest }, { resources });
  }
  return explainConditions(conditions, { resources });
}
