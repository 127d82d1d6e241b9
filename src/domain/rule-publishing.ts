// Publishing rule changes: the pending drafts (or the steps of a rollback) checked together on the rules as they
// would be, then written in one transaction as one 规则变更 — each changed rule one version up, each version
// pointing at the change set — or, if a check fails, nothing at all.
import type { CreateOptions, Transaction } from 'sequelize';
import { AuthorityRule, RuleChangeSet, RuleDraft, RuleVersion, type RuleChangeSetKind } from '../models/index.js';
import { ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { audit } from './audit.js';
import { authorize } from './authorize.js';
import { checkChanges } from './rule-checks.js';
import { PUBLISHABLE, fieldsOf, liveRules, pendingChanges, type RuleChange } from './rule-changes.js';
import { loadRules } from '../rules/store.js';
import { inTransaction } from './transaction.js';

/** A publish refused by its checks: every reason, in Chinese. */
export class ChangesRefused extends ValidationFailed {
  constructor(
    public readonly errors: string[],
    public readonly warnings: string[] = [],
  ) {
    super(`规则变更未发布：${errors.join('；')}`, Object.fromEntries(errors.map((e, i) => [`error${i + 1}`, e])));
  }
}

export interface PublishResult {
  changeSet: number;
  rules: number[];
  warnings: string[];
}

const MAX_NOTE = 500;

function checkedNote(note: unknown): string {
  const text = typeof note === 'string' ? note.trim() : '';
  if (text === '') throw new ChangesRefused(['请写明变更说明（为什么改）']);
  if ([...text].length > MAX_NOTE) throw new ChangesRefused([`变更说明不能超过 ${MAX_NOTE} 个字`]);
  return text;
}

/** Writes the changes as one change set; answers the ids of the rules it changed. */
async function write(
  who: Actor,
  changes: readonly RuleChange[],
  changeSet: RuleChangeSet,
  transaction: Transaction,
): Promise<number[]> {
  const options = { transaction, changeSetId: changeSet.id, changeNote: changeSet.note };
  const ids: number[] = [];
  for (const change of changes) {
    if (change.kind === 'create') {
      const rule = await AuthorityRule.create(
        {
          ...(change.proposed as object),
          version: 1,
          ...change.restore,
          editedByDirector: true,
          updatedById: who.id,
        } as never,
        options as CreateOptions,
      );
      ids.push(rule.id);
      continue;
    }
    const rule = await AuthorityRule.findByPk(change.ruleId as number, { transaction, lock: transaction.LOCK.UPDATE });
    if (!rule) continue;
    if (change.kind === 'change') {
      const before = rule.version;
      // A change published to a rule whose clause moved is its review (条款变动待复核 clears).
      await rule.update(
        { ...(change.proposed as object), editedByDirector: true, updatedById: who.id, clauseNotice: null } as never,
        options as { transaction: Transaction },
      );
      if (rule.version !== before) ids.push(rule.id);
      continue;
    }
    // A removal is a version too, so the history shows it and a rollback can bring the rule back.
    await RuleVersion.create(
      {
        ruleId: rule.id,
        version: rule.version + 1,
        snapshot: { ...fieldsOf(rule), version: rule.version + 1, removed: true },
        changedById: who.id,
        changedAt: new Date(),
        changeNote: changeSet.note,
        changeSetId: changeSet.id,
      },
      { transaction },
    );
    await rule.destroy({ transaction });
    ids.push(rule.id);
  }
  return ids;
}

/**
 * Checks the changes with the live rules and writes them as one change set, in the caller's transaction. A failing
 * check throws ChangesRefused before anything is written.
 */
export async function applyChangeSet(
  who: Actor,
  changes: readonly RuleChange[],
  note: string,
  kind: RuleChangeSetKind,
  transaction: Transaction,
): Promise<PublishResult> {
  const live = await liveRules(transaction);
  const report = await checkChanges(live, changes, transaction);
  if (report.errors.length > 0) throw new ChangesRefused(report.errors, report.warnings);
  const changeSet = await RuleChangeSet.create({ kind, note, publishedById: who.id, rules: [] }, { transaction });
  const rules = await write(who, changes, changeSet, transaction);
  await changeSet.update({ rules }, { transaction });
  return { changeSet: changeSet.id, rules, warnings: report.warnings };
}

/** Publishes every pending draft (an import's 待审核 ones aside) as one change set, with the director's note. */
export async function publishDrafts(actor: Actor | null, note: unknown): Promise<PublishResult> {
  const who = authorize(actor, 'AuthorityRule.publish');
  const text = checkedNote(note);
  const result = await inTransaction(async (transaction) => {
    const drafts = await RuleDraft.findAll({
      where: { ...PUBLISHABLE },
      order: [['id', 'ASC']],
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (drafts.length === 0) {
      const waiting = await RuleDraft.count({ where: { status: 'pending', needsReview: true }, transaction });
      throw new ChangesRefused([
        waiting > 0 ? `没有待发布的草稿：${waiting} 份导入的权限草稿待审核，采纳或修改后才会发布` : '没有待发布的草稿',
      ]);
    }
    const result = await applyChangeSet(who, await pendingChanges(transaction), text, 'publish', transaction);
    await RuleDraft.update(
      { status: 'published', changeSetId: result.changeSet },
      { where: { id: drafts.map((d) => d.id) }, transaction },
    );
    await audit(
      {
        who,
        action: 'AuthorityRule.publish',
        resource: 'RuleChangeSet',
        recordId: result.changeSet,
        note: `发布 ${drafts.length} 份草稿：${text}`,
      },
      transaction,
    );
    return result;
  });
  // The next decision in this process already follows the change; other instances reload within REFRESH_MS.
  await loadRules();
  return result;
}
