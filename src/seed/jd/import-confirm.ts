// 确认导入: applies what the preview showed, in one transaction — positions and the clause differences, the supervisor
// links IT picked, the rules citing a changed or removed clause flagged, and the proposed rules as 待审核 drafts for
// 管理处主任 (written on IT's behalf: nothing is live until she publishes them). Refused when the document or the
// database no longer gives the preview that was confirmed.
import type { Transaction } from 'sequelize';
import { AuthorityRule, Position, PositionClause, RuleDraft } from '../../models/index.js';
import { Conflict, ValidationFailed } from '../../errors.js';
import type { Actor } from '../../rules/actor.js';
import { audit } from '../../domain/audit.js';
import { authorize } from '../../domain/authorize.js';
import { isRecordId } from '../../domain/input.js';
import { draftedRule } from '../../domain/rule-drafts.js';
import { inTransaction } from '../../domain/transaction.js';
import type { RuleFields } from '../../domain/rule-changes.js';
import { isPlainObject } from '../../lib/objects.js';
import { lockSeeding } from '../foundation.js';
import { KIND_LABELS, importJobDescriptions } from './import.js';
import { buildImportPreview, type PlannedDraft } from './import-preview.js';
import type { ImportOutcome, ImportPreview } from './preview.js';
import type { SourceDocument } from './source.js';

export interface ConfirmInput {
  /** The preview's digest; absent on the command line, which confirms what it computes. */
  digest?: unknown;
  /** IT's supervisor picks: position name → position id, or null for none. */
  supervisors?: unknown;
}

export const STALE_PREVIEW = '预览之后，文档或系统中的岗位、条款、规则已有变化：请重新预览，核对后再确认导入';

/** The picks as sent: a JSON object (or its text) of names to ids or null. */
function picksOf(raw: unknown): Record<string, number | null> {
  if (raw === undefined || raw === null || raw === '') return {};
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ValidationFailed('直接主管的选择格式不正确', { supervisors: '直接主管的选择格式不正确' });
    }
  }
  if (!isPlainObject(value))
    throw new ValidationFailed('直接主管的选择格式不正确', { supervisors: '直接主管的选择格式不正确' });
  const picks: Record<string, number | null> = {};
  for (const [name, id] of Object.entries(value as Record<string, unknown>)) {
    if (id === null || id === '') picks[name] = null;
    else if (isRecordId(id)) picks[name] = Number(id);
    else
      throw new ValidationFailed(`岗位"${name}"的直接主管选择不正确：${String(id)}`, {
        supervisors: `岗位"${name}"的直接主管选择不正确`,
      });
  }
  return picks;
}

/** A rule name no rule and no pending draft uses yet: the proposal's, or it with （2）, （3） … */
function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted.slice(0, 94)}（${n}）`;
  taken.add(name);
  return name;
}

export async function confirmJobDescriptionImport(
  actor: Actor | null,
  doc: SourceDocument,
  input: ConfirmInput = {},
  options: { commandLine?: boolean } = {},
): Promise<{ outcome: ImportOutcome; preview: ImportPreview }> {
  const who = options.commandLine ? actor : authorize(actor, 'Position.import');
  const picks = picksOf(input.supervisors);
  return inTransaction(async (transaction) => {
    await lockSeeding(transaction);
    const built = await buildImportPreview(doc, { transaction });
    if (input.digest !== undefined && input.digest !== built.preview.digest) throw new Conflict(STALE_PREVIEW);
    for (const [name, id] of Object.entries(picks)) {
      if (!built.preview.positions.some((p) => p.name === name))
        throw new ValidationFailed(`文档中没有岗位"${name}"`, { supervisors: `文档中没有岗位"${name}"` });
      if (id !== null && !(await Position.findByPk(id, { transaction })))
        throw new ValidationFailed(`为岗位"${name}"选择的直接主管（岗位 ${id}）不存在`, {
          supervisors: `岗位 ${id} 不存在`,
        });
    }

    const report = await importJobDescriptions(built.parsed.positions, {
      transaction,
      supervisors: picks,
      origin: doc.fileName,
    });

    const taken = new Set<string>([
      ...(await AuthorityRule.findAll({ attributes: ['name'], transaction })).map((r) => r.name),
      ...(await RuleDraft.findAll({ where: { status: 'pending' }, attributes: ['proposed'], transaction }))
        .map((d) => (d.proposed as { name?: unknown } | null)?.name)
        .filter((name): name is string => typeof name === 'string'),
    ]);
    const drafts: number[] = [];
    for (const planned of built.drafts) {
      const draft = await writeDraft(planned, doc.fileName, who, taken, transaction);
      drafts.push(draft.id);
    }

    const outcome: ImportOutcome = {
      positions: report.positions,
      clauses: { ...report.clauses, removed: report.removedClauses.length },
      drafts,
      flaggedRules: report.flaggedRules,
    };
    await audit(
      {
        who,
        action: 'Position.import',
        resource: 'Position',
        recordId: null,
        note:
          `导入岗位职务说明书「${doc.fileName}」：岗位新建 ${outcome.positions.created}、更新 ${outcome.positions.updated}、` +
          `未变 ${outcome.positions.unchanged}；条款新增 ${outcome.clauses.created}、修改 ${outcome.clauses.updated}、` +
          `删除 ${outcome.clauses.removed}；待审核的权限草稿 ${drafts.length} 份` +
          (report.flaggedRules.length > 0 ? `；条款变动待复核的规则 ${report.flaggedRules.join('、')}` : ''),
      },
      transaction,
    );
    return { outcome, preview: built.preview };
  });
}

async function writeDraft(
  planned: PlannedDraft,
  fileName: string,
  who: Actor | null,
  taken: Set<string>,
  transaction: Transaction,
): Promise<RuleDraft> {
  const { proposal } = planned;
  const position = await Position.findOne({ where: { name: planned.position }, transaction });
  const clause = position
    ? await PositionClause.findOne({
        where: { positionId: position.id, kind: planned.kind, number: planned.number },
        transaction,
      })
    : null;
  const name = freeName(proposal.rule.name, taken);
  const drafted = draftedRule({ ...proposal.rule, name, positionClauseId: clause?.id ?? null } as RuleFields);
  if (!drafted.ok)
    throw new ValidationFailed(
      `拟定的规则「${name}」不符合规则检查：${Object.values(drafted.errors).join('；')}`,
      drafted.errors,
    );
  const clauseName = `${planned.position} ${KIND_LABELS[planned.kind]}${planned.number}`;
  return RuleDraft.create(
    {
      kind: 'create',
      ruleId: null,
      proposed: drafted.rule as never,
      baseVersion: null,
      createdById: who?.id ?? null,
      origin: 'import',
      needsReview: true,
      sourceNote: `导入「${fileName}」：${clauseName}「${clause?.text ?? ''}」，匹配"${proposal.matched}"`,
    },
    { transaction },
  );
}
