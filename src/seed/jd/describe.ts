// The import preview and outcome as the command line prints them: in words for a person, or as the JSON the
// contract names (`--dry-run --json`: positions, unrecognised, proposals).
import type { ImportOutcome, ImportPreview } from './preview.js';
import { KIND_LABELS } from './import.js';

const CHANGE_WORDS = { added: '新增', changed: '修改', unchanged: '' } as const;
const STATUS_WORDS = { new: '新岗位', changed: '有变化', unchanged: '无变化' } as const;
const PROPOSAL_WORDS = { drafted: '将起草', exists: '已有规则', pending: '已有草稿' } as const;

export function previewJson(preview: ImportPreview) {
  return {
    positions: preview.positions.map((p) => ({
      name: p.name,
      department: p.department,
      supervisor: p.supervisor,
      supervisorPositionId: p.supervisorPositionId,
      grade: p.grade,
      clauses: p.clauses.map((c) => ({ kind: c.kind, number: c.number, text: c.text })),
    })),
    unrecognised: preview.unrecognised.map((line) => line.text),
    proposals: preview.proposals.map((p) => ({
      position: p.position,
      clause: p.clause,
      actions: p.actions,
      matched: p.matched,
    })),
  };
}

export function describePreview(preview: ImportPreview): string {
  const lines = [`预览 / preview: ${preview.fileName}`];
  const t = preview.totals;
  lines.push(
    `  岗位 ${t.positions} 个，条款 ${t.clauses} 条（新增 ${t.added}，修改 ${t.changed}，删除 ${t.removed}），待审核的权限草稿 ${t.drafts} 份`,
  );
  for (const p of preview.positions) {
    const supervisor = p.supervisor
      ? `${p.supervisor}${p.supervisorLinkedName ? ` → ${p.supervisorLinkedName}` : p.supervisorCandidates.length > 0 ? `（未关联；相近：${p.supervisorCandidates.map((c) => c.name).join('、')}）` : '（未关联）'}`
      : '—';
    lines.push(
      '',
      `【${p.name}】${STATUS_WORDS[p.status]}  所属部门：${p.department ?? '—'}  职务等级：${p.grade ?? '—'}  直接主管：${supervisor}` +
        (p.subordinates ? `  直接下级：${p.subordinates}` : ''),
    );
    for (const c of p.clauses) {
      const mark = CHANGE_WORDS[c.change];
      lines.push(`  ${KIND_LABELS[c.kind]}${c.number}${mark ? `［${mark}］` : ''} ${c.text}`);
    }
    for (const c of p.removed) lines.push(`  ${KIND_LABELS[c.kind]}${c.number}［将删除］ ${c.text}`);
  }
  if (preview.unrecognised.length > 0) {
    lines.push('', '未能识别的内容 / not understood:');
    for (const line of preview.unrecognised) lines.push(`  ${line.where}：${line.text}`);
  }
  if (preview.notes.length > 0) {
    lines.push('', '提示 / notes:');
    for (const line of preview.notes) lines.push(`  ${line.where}：${line.text}`);
  }
  if (preview.proposals.length > 0) {
    lines.push('', '拟定的权限 / proposed rules:');
    for (const p of preview.proposals)
      lines.push(
        `  ${p.position} ${p.clause}「${p.matched}」→ ${p.actionLabels.join('、')}［${PROPOSAL_WORDS[p.status]}］`,
      );
  }
  if (preview.withoutAction.length > 0) {
    lines.push('', '系统中还没有对应操作的条款 / no action in the system yet:');
    for (const c of preview.withoutAction) lines.push(`  ${c.position} ${c.clause} ${c.text}`);
  }
  if (preview.flaggedRules.length > 0) {
    lines.push('', '依据条款将变动、需主任复核的规则 / rules to review:');
    for (const r of preview.flaggedRules)
      lines.push(`  规则 ${r.ruleId}「${r.name}」：${r.clause} ${r.change === 'removed' ? '将删除' : '已修改'}`);
  }
  return lines.join('\n');
}

export function describeOutcome(label: string, outcome: ImportOutcome): string {
  const c = (x: { created: number; updated: number; unchanged: number }) =>
    `新建 ${x.created}，更新 ${x.updated}，未变 ${x.unchanged}`;
  const lines = [
    label,
    `  岗位 positions:   ${c(outcome.positions)}`,
    `  条款 clauses:     ${c(outcome.clauses)}，删除 ${outcome.clauses.removed}`,
    `  待主任审核的权限草稿 drafts to review: ${outcome.drafts.length}`,
  ];
  if (outcome.flaggedRules.length > 0)
    lines.push(`  依据条款已变动、待主任复核的规则 rules to review: ${outcome.flaggedRules.join('、')}`);
  return lines.join('\n');
}
