// Reviewing what an import of job descriptions proposed: 管理处主任 accepts a 待审核 draft (the next 发布 includes it),
// discards one draft, or marks a rule whose cited clause the import changed as reviewed. Each runs on the locked row,
// so a draft accepted twice, or accepted while it is being discarded, ends in one state and the other request is
// told what happened in words.
import { AuthorityRule, RuleDraft } from '../models/index.js';
import { Conflict, NotFound } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { explainRule } from '../rules/explain.js';
import { audit } from './audit.js';
import { authorize } from './authorize.js';
import { assertPending, checkedRule } from './rule-drafts.js';
import type { RuleFields } from './rule-changes.js';
import { inTransaction } from './transaction.js';

/** What a draft says, for the audit note: the rule in words, or the removal. */
const draftWords = (draft: RuleDraft) =>
  draft.proposed ? explainRule(draft.proposed as never) : `删除规则 ${String(draft.ruleId)}`;

/**
 * Accepts a 待审核 draft as it stands: checked like any draft (its 岗位条款 exists, its name is free), then no longer
 * 待审核. Nothing is live until 发布.
 */
export async function acceptDraft(actor: Actor | null, id: number): Promise<RuleDraft> {
  const found = await RuleDraft.findByPk(id);
  if (!found) throw new NotFound(`草稿 ${id} 不存在`);
  assertPending(found, '采纳');
  if (!found.needsReview) throw new Conflict(`草稿 ${id} 已经采纳，发布后生效`);
  authorize(actor, 'RuleDraft.accept', found);
  // Outside the write: the checks read the rules and the other drafts (as proposeDraft does).
  const proposed = found.proposed
    ? await checkedRule(found.proposed as RuleFields, found.ruleId ?? null, found.id)
    : null;
  return inTransaction(async (transaction) => {
    const draft = await RuleDraft.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!draft) throw new NotFound(`草稿 ${id} 不存在`);
    assertPending(draft, '采纳');
    if (!draft.needsReview) throw new Conflict(`草稿 ${id} 已经采纳，发布后生效`);
    const who = authorize(actor, 'RuleDraft.accept', draft);
    await draft.update({ needsReview: false, ...(proposed ? { proposed } : {}) }, { transaction });
    await audit(
      {
        who,
        action: 'RuleDraft.accept',
        recordId: draft.id,
        changes: { needsReview: [true, false] },
        note: `采纳草稿：${draftWords(draft)}`,
      },
      transaction,
    );
    return draft;
  });
}

/** Discards one pending draft (imported or not); the rules stay as they are. */
export async function discardDraft(actor: Actor | null, id: number): Promise<RuleDraft> {
  return inTransaction(async (transaction) => {
    const draft = await RuleDraft.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!draft) throw new NotFound(`草稿 ${id} 不存在`);
    assertPending(draft, '放弃');
    const who = authorize(actor, 'RuleDraft.discard', draft);
    await draft.update({ status: 'discarded' }, { transaction });
    await audit(
      {
        who,
        action: 'RuleDraft.discard',
        recordId: draft.id,
        changes: { status: ['pending', 'discarded'] },
        note: `放弃草稿：${draftWords(draft)}`,
      },
      transaction,
    );
    return draft;
  });
}

/**
 * The director has looked at a rule whose cited clause a re-import changed or removed and keeps it as it is: the
 * notice (条款变动待复核) goes, kept in the audit log. Not a change of the rule: no new version.
 */
export async function reviewClauseNotice(actor: Actor | null, ruleId: number): Promise<AuthorityRule> {
  return inTransaction(async (transaction) => {
    const rule = await AuthorityRule.findByPk(ruleId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!rule) throw new NotFound(`规则 ${ruleId} 不存在`);
    const notice = rule.clauseNotice;
    if (!notice) throw new Conflict(`规则「${rule.name}」没有待复核的条款变动（可能已有人复核）`);
    const who = authorize(actor, 'AuthorityRule.reviewClause', rule);
    await rule.update({ clauseNotice: null }, { transaction });
    await audit(
      {
        who,
        action: 'AuthorityRule.reviewClause',
        recordId: rule.id,
        changes: { clauseNotice: [notice, null] },
        note: `已复核条款变动：${rule.name}`,
      },
      transaction,
    );
    return rule;
  });
}
