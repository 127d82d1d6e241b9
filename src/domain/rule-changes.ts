// A rule change before it goes live — a pending draft, or a step of a rollback — and the rules as they would be once
// the changes are applied. Publishing, the checks, the what-if and the matrix all read the rules through these.
import type { Transaction } from 'sequelize';
import { AuthorityRule, RuleDraft, type JsonValue } from '../models/index.js';
import { RuleSet, type StoredRule } from '../rules/rule-set.js';

/** The fields of a rule a change may set. */
export const RULE_FIELDS = [
  'name',
  'description',
  'actions',
  'effect',
  'conditions',
  'priority',
  'enabled',
  'clause',
  'positionClauseId',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleFields = { [K in RuleField]?: JsonValue };

export interface RuleChange {
  kind: 'create' | 'change' | 'remove';
  /** The rule changed or removed; null for a new rule. */
  ruleId: number | null;
  /** The whole rule as it would be; null for a removal. */
  proposed: RuleFields | null;
  /** The version the change was made on: publishing refuses it when the rule has moved on since. */
  baseVersion: number | null;
  /** The draft it comes from, when it is one. */
  draftId?: number;
  /**
   * A create that brings a removed rule back under its old id, one version after its removal, so its history reads
   * on (a rollback). Safe: ids are never handed out twice (AUTOINCREMENT on SQLite, a sequence on PostgreSQL).
   */
  restore?: { id: number; version: number };
}

/** A live rule's fields, as a change starts from them. */
export function fieldsOf(rule: AuthorityRule): RuleFields {
  return Object.fromEntries(RULE_FIELDS.map((field) => [field, (rule.get(field) ?? null) as JsonValue])) as RuleFields;
}

export function changeOfDraft(draft: RuleDraft): RuleChange {
  return {
    kind: draft.kind,
    ruleId: draft.ruleId ?? null,
    proposed: (draft.proposed as RuleFields | null) ?? null,
    baseVersion: draft.baseVersion ?? null,
    draftId: draft.id,
  };
}

/**
 * The pending drafts that 发布 would publish: an import's 待审核 drafts are left out until 管理处主任 accepts or changes
 * them, so neither publishing, its checks, the what-if nor the draft matrix counts them.
 */
export const PUBLISHABLE = { status: 'pending', needsReview: false } as const;

export async function pendingChanges(transaction?: Transaction): Promise<RuleChange[]> {
  const drafts = await RuleDraft.findAll({ where: { ...PUBLISHABLE }, order: [['id', 'ASC']], transaction });
  return drafts.map(changeOfDraft);
}

export function storedRule(rule: AuthorityRule): StoredRule {
  return {
    id: rule.id,
    name: rule.name,
    actions: rule.actions,
    effect: rule.effect,
    conditions: rule.conditions,
    priority: rule.priority,
    enabled: rule.enabled,
    clause: rule.clause,
    version: rule.version,
  };
}

/** A new rule's place-holder id until it is published: negative, so it can never be a stored rule's. */
export const draftRuleId = (change: RuleChange, index: number) => (change.draftId ? -change.draftId : -(index + 1));

/** The rules as they would be with the changes applied, in the order the store loads them (by id, new ones last). */
export function applyChanges(live: readonly AuthorityRule[], changes: readonly RuleChange[]): StoredRule[] {
  const byId = new Map(changes.filter((c) => c.ruleId !== null).map((c) => [c.ruleId, c]));
  const rules: StoredRule[] = [];
  for (const rule of live) {
    const change = byId.get(rule.id);
    if (!change) rules.push(storedRule(rule));
    else if (change.kind === 'change' && change.proposed)
      rules.push({
        ...storedRule(rule),
        ...(change.proposed as Partial<StoredRule>),
        id: rule.id,
        version: rule.version + 1,
      });
  }
  changes.forEach((change, index) => {
    if (change.kind === 'create' && change.proposed)
      rules.push({ ...(change.proposed as unknown as StoredRule), id: draftRuleId(change, index), version: 1 });
  });
  return rules;
}

export async function liveRules(transaction?: Transaction): Promise<AuthorityRule[]> {
  return AuthorityRule.findAll({ order: [['id', 'ASC']], transaction });
}

/** The rules with every publishable draft applied — what the office would meet after publishing. */
export async function draftRuleSet(transaction?: Transaction): Promise<RuleSet> {
  return new RuleSet(applyChanges(await liveRules(transaction), await pendingChanges(transaction)));
}
