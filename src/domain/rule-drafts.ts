// 规则草稿: creating, changing, disabling or removing a rule makes a draft that governs nobody until 管理处主任
// publishes it (rule-publishing.ts). One pending draft per rule: a second change to the same rule updates it.
import { Op } from 'sequelize';
import { AuthorityRule, PositionClause, RuleDraft } from '../models/index.js';
import { Conflict, NotFound, ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { decide } from '../rules/decide.js';
import { explainRule } from '../rules/explain.js';
import { validateRuleInput } from '../rules/validate.js';
import { isPlainObject } from '../lib/objects.js';
import { audit } from './audit.js';
import { authorize } from './authorize.js';
import { isRecordId } from './input.js';
import { inTransaction } from './transaction.js';
import { RULE_FIELDS, fieldsOf, type RuleFields } from './rule-changes.js';

export interface DraftInput {
  /** The pending draft to change (an imported one being reviewed, or a new rule not yet published). */
  draftId?: unknown;
  /** The rule to change or remove; absent for a new rule. */
  ruleId?: unknown;
  /** The fields to set (a change names only what changes; a new rule names them all). */
  rule?: unknown;
  /** Remove the rule. */
  remove?: unknown;
}

const refuse = (errors: string[]): never => {
  throw new ValidationFailed(errors.join('；'), Object.fromEntries(errors.map((e, i) => [`error${i + 1}`, e])));
};

/** The fields a change names, refusing any a rule does not have. */
function namedFields(rule: unknown): RuleFields {
  if (rule === undefined || rule === null) return {};
  if (!isPlainObject(rule)) refuse(['rule 必须是 JSON 对象，含要修改的字段']);
  const unknown = Object.keys(rule as object).filter((key) => !(RULE_FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) refuse([`规则没有字段：${unknown.join('、')}（可用：${RULE_FIELDS.join('、')}）`]);
  return rule as RuleFields;
}

/**
 * A rule's fields as a draft stores them, or the problems keyed by field: checked as the model would check them,
 * its 岗位条款 as a number, and its description written from the rule itself (never a stale free text).
 */
export function draftedRule(
  fields: RuleFields,
): { ok: true; rule: RuleFields } | { ok: false; errors: Record<string, string> } {
  const validation = validateRuleInput(fields);
  if (!validation.ok) return validation;
  const valid = validation.rule;
  const positionClauseId = fields.positionClauseId ?? null;
  return {
    ok: true,
    rule: {
      ...valid,
      description: `${explainRule({ ...valid, enabled: true })}。`,
      conditions: valid.conditions as unknown as RuleFields['conditions'],
      positionClauseId: positionClauseId === null || positionClauseId === '' ? null : Number(positionClauseId),
    },
  };
}

/**
 * The whole rule as proposed (draftedRule), with a 岗位条款 that exists and a name no other rule or draft uses (the
 * draft being changed, `draftId`, aside).
 */
export async function checkedRule(fields: RuleFields, ruleId: number | null, draftId?: number): Promise<RuleFields> {
  const drafted = draftedRule(fields);
  // Keyed by field, so a form shows each problem under its field.
  if (!drafted.ok) throw new ValidationFailed(Object.values(drafted.errors).join('；'), drafted.errors);
  const rule = drafted.rule;
  const errors: string[] = [];
  const positionClauseId = fields.positionClauseId ?? null;
  if (positionClauseId !== null) {
    if (!isRecordId(positionClauseId) || !(await PositionClause.findByPk(Number(positionClauseId))))
      errors.push(`岗位条款 ${String(positionClauseId)} 不存在`);
  }
  const sameName = await AuthorityRule.findOne({
    where: { name: rule.name as string, ...(ruleId ? { id: { [Op.ne]: ruleId } } : {}) },
  });
  if (sameName) {
    const removing = await RuleDraft.findOne({ where: { ruleId: sameName.id, kind: 'remove', status: 'pending' } });
    if (!removing) errors.push(`规则名称「${rule.name}」已被规则 ${sameName.id} 使用`);
  }
  const other = (await RuleDraft.findAll({ where: { status: 'pending' } })).find(
    (draft) =>
      draft.id !== draftId &&
      (ruleId === null || draft.ruleId !== ruleId) &&
      (draft.proposed as RuleFields | null)?.name === rule.name,
  );
  if (other) errors.push(`规则名称「${rule.name}」已用在另一份草稿（草稿 ${other.id}）`);
  if (errors.length > 0) refuse(errors);
  return rule;
}

/** Makes (or updates) the pending draft of a rule change; answers the draft. */
export async function proposeDraft(actor: Actor | null, input: DraftInput): Promise<RuleDraft> {
  if (!isPlainObject(input)) refuse(['请求必须是 JSON 对象']);
  if (input.draftId !== undefined && input.draftId !== null) {
    if (input.remove === true || (input.ruleId !== undefined && input.ruleId !== null))
      refuse(['修改草稿时只写 draftId 和 rule']);
    return changeDraft(actor, input.draftId, namedFields(input.rule));
  }
  const remove = input.remove === true;
  if (input.ruleId === undefined || input.ruleId === null) {
    if (remove) refuse(['删除规则要写明 ruleId']);
    const who = authorize(actor, 'AuthorityRule.new');
    const proposed = await checkedRule(namedFields(input.rule), null);
    return inTransaction(async (transaction) => {
      const draft = await RuleDraft.create(
        { kind: 'create', ruleId: null, proposed, baseVersion: null, createdById: who.id },
        { transaction },
      );
      await audit(
        {
          who,
          action: 'AuthorityRule.new',
          resource: 'RuleDraft',
          recordId: draft.id,
          note: `起草：${explainRule(proposed as never)}`,
        },
        transaction,
      );
      return draft;
    });
  }
  if (!isRecordId(input.ruleId)) refuse([`规则编号 ${String(input.ruleId)} 不正确`]);
  const rule = await AuthorityRule.findByPk(Number(input.ruleId));
  if (!rule) throw new NotFound(`规则 ${String(input.ruleId)} 不存在`);
  const pending = await RuleDraft.findOne({ where: { ruleId: rule.id, status: 'pending' } });
  if (remove) {
    const who = authorize(actor, 'AuthorityRule.delete', rule);
    if (rule.builtIn)
      throw new Conflict(`系统内置的「${rule.name}」不能删除；可以修改或停用，系统管理员可随时把它恢复为默认`);
    return inTransaction(async (transaction) => {
      const values = { kind: 'remove' as const, proposed: null, createdById: who.id };
      const draft = pending
        ? await pending.update(values, { transaction })
        : await RuleDraft.create({ ...values, ruleId: rule.id, baseVersion: rule.version }, { transaction });
      await audit(
        {
          who,
          action: 'AuthorityRule.delete',
          resource: 'RuleDraft',
          recordId: draft.id,
          note: `起草：删除规则「${rule.name}」`,
        },
        transaction,
      );
      return draft;
    });
  }
  const who = authorize(actor, 'AuthorityRule.edit', rule);
  const current = pending?.proposed ? (pending.proposed as RuleFields) : fieldsOf(rule);
  const proposed = await checkedRule({ ...current, ...namedFields(input.rule) }, rule.id);
  return inTransaction(async (transaction) => {
    const values = { kind: 'change' as const, proposed, createdById: who.id };
    const draft = pending
      ? await pending.update(values, { transaction })
      : await RuleDraft.create({ ...values, ruleId: rule.id, baseVersion: rule.version }, { transaction });
    await audit(
      {
        who,
        action: 'AuthorityRule.edit',
        resource: 'RuleDraft',
        recordId: draft.id,
        note: `起草：${explainRule(proposed as never)}`,
      },
      transaction,
    );
    return draft;
  });
}

const STATUS_WORDS: Record<string, string> = { published: '已发布', discarded: '已放弃' };

/** A draft that can still change: pending, or a Chinese refusal saying what became of it. */
export function assertPending(draft: RuleDraft, doing: string): void {
  if (draft.status !== 'pending')
    throw new Conflict(`草稿 ${draft.id} ${STATUS_WORDS[draft.status] ?? draft.status}，不能再${doing}`);
}

/**
 * Changes a pending draft's rule (a new rule's, or a change's) as the rule form sends it; the director has looked at
 * it, so an imported draft is 待审核 no more and the next 发布 includes it.
 */
async function changeDraft(actor: Actor | null, draftId: unknown, fields: RuleFields): Promise<RuleDraft> {
  if (!isRecordId(draftId)) refuse([`草稿编号 ${String(draftId)} 不正确`]);
  const found = await RuleDraft.findByPk(Number(draftId));
  if (!found) throw new NotFound(`草稿 ${String(draftId)} 不存在`);
  assertPending(found, '修改');
  if (found.kind === 'remove') throw new Conflict('删除规则的草稿没有可修改的内容；不想删除就放弃这份草稿');
  authorize(actor, 'RuleDraft.edit', found);
  const current = (found.proposed ?? {}) as RuleFields;
  const proposed = await checkedRule({ ...current, ...fields }, found.ruleId ?? null, found.id);
  return inTransaction(async (transaction) => {
    const draft = await RuleDraft.findByPk(found.id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!draft) throw new NotFound(`草稿 ${found.id} 不存在`);
    assertPending(draft, '修改');
    const who = authorize(actor, 'RuleDraft.edit', draft);
    const reviewed = draft.needsReview;
    await draft.update({ proposed, needsReview: false }, { transaction });
    await audit(
      {
        who,
        action: 'RuleDraft.edit',
        resource: 'RuleDraft',
        recordId: draft.id,
        changes: reviewed ? { needsReview: [true, false] } : {},
        note: `修改草稿：${explainRule(proposed as never)}`,
      },
      transaction,
    );
    return draft;
  });
}

export interface DraftView {
  id: number;
  kind: 'create' | 'change' | 'remove';
  ruleId: number | null;
  /** The rule as it would read once published (or the rule being removed). */
  text: string;
  proposed: RuleFields | null;
  baseVersion: number | null;
  createdById: number | null;
  updatedAt: Date;
  /** 'import' for a draft an import proposed; null for one written by hand. */
  origin: string | null;
  /** Where an imported draft came from: the document, the clause and the words that matched. */
  sourceNote: string | null;
  /** 待审核: publishing leaves it out until 管理处主任 accepts or changes it. */
  needsReview: boolean;
  /** What the person asking may do with it now, by catalogued action (RuleDraft.accept, .edit, .discard). */
  may: string[];
}

const DRAFT_ACTIONS = ['RuleDraft.accept', 'RuleDraft.edit', 'RuleDraft.discard'];

/** The pending drafts, oldest first, each in plain Chinese, with what `actor` may do with each. */
export async function pendingDrafts(actor: Actor | null = null): Promise<DraftView[]> {
  const drafts = await RuleDraft.findAll({ where: { status: 'pending' }, order: [['id', 'ASC']] });
  const rules = new Map(
    (
      await AuthorityRule.findAll({
        where: { id: drafts.map((d) => d.ruleId).filter((id): id is number => id !== null) },
      })
    ).map((rule) => [rule.id, rule]),
  );
  return drafts.map((draft) => {
    const rule = draft.ruleId === null ? undefined : rules.get(draft.ruleId);
    const text =
      draft.kind === 'remove' ? `删除规则「${rule?.name ?? draft.ruleId}」` : explainRule(draft.proposed as never);
    return {
      id: draft.id,
      kind: draft.kind,
      ruleId: draft.ruleId ?? null,
      text,
      proposed: (draft.proposed as RuleFields | null) ?? null,
      baseVersion: draft.baseVersion ?? null,
      createdById: draft.createdById ?? null,
      updatedAt: draft.updatedAt,
      origin: draft.origin ?? null,
      sourceNote: draft.sourceNote ?? null,
      needsReview: draft.needsReview === true,
      may: actor
        ? DRAFT_ACTIONS.filter((action) => decide(actor, action, draft.get({ plain: true }) as never).allowed)
        : [],
    };
  });
}

/**
 * Discards every pending draft that 发布 would publish; answers how many. The imports' 待审核 drafts stay: nobody has
 * looked at them yet, and each is accepted, changed or discarded on its own (discardDraft).
 */
export async function discardDrafts(actor: Actor | null): Promise<number> {
  const who = authorize(actor, 'AuthorityRule.discardDrafts');
  return inTransaction(async (transaction) => {
    const [count] = await RuleDraft.update(
      { status: 'discarded' },
      { where: { status: 'pending', needsReview: false }, transaction },
    );
    await audit(
      {
        who,
        action: 'AuthorityRule.discardDrafts',
        resource: 'RuleDraft',
        recordId: null,
        note: `放弃了 ${count} 份草稿`,
      },
      transaction,
    );
    return count;
  });
}
