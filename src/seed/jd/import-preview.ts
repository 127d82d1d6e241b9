// 导入预览: what importing a document would do, computed without writing anything — the positions and their
// clause differences against the database, the supervisor links, the lines not understood, the rules proposed from
// the clauses and the rules a changed clause puts up for review. The digest pins the preview: confirming checks
// that the same document would still do exactly this.
import crypto from 'node:crypto';
import type { Transaction } from 'sequelize';
import { AuthorityRule, Position, PositionClause, RuleDraft } from '../../models/index.js';
import { actionLabel } from '../../rules/catalogue.js';
import { parseCitations } from '../../rules/clause-citations.js';
import { explainRule } from '../../rules/explain.js';
import { authorityMatrix } from '../../rules/matrix.js';
import { RuleSet } from '../../rules/rule-set.js';
import type { ClauseKind } from '../../models/position-clause.js';
import { BUILT_IN_POSITIONS, DOCUMENT_POSITION_CODES, KIND_LABELS, rulesCiting } from './import.js';
import { parseJobDescriptionDocument, type ParsedDocument } from './parse.js';
import type { FlaggedRule, ImportPreview, PreviewClause, PreviewPosition, PreviewProposal } from './preview.js';
import { proposeRules, type RuleProposal } from './proposals.js';
import type { SourceDocument } from './source.js';
import { linkSupervisor, type KnownPosition } from './supervisors.js';

export interface PlannedDraft {
  proposal: RuleProposal;
  position: string;
  kind: ClauseKind;
  number: number;
}

export interface BuiltPreview {
  preview: ImportPreview;
  parsed: ParsedDocument;
  /** The proposals that become 待审核 drafts on confirmation. */
  drafts: PlannedDraft[];
}

const clauseKey = (kind: string, number: number) => `${kind}:${number}`;

/** Every action the rules citing a clause already grant, by "position|kind:number". */
function grantedByClause(rules: readonly AuthorityRule[]): Map<string, Set<string>> {
  const granted = new Map<string, Set<string>>();
  for (const rule of rules) {
    for (const c of parseCitations(rule.clause)) {
      const key = `${c.position}|${clauseKey(c.kind, c.number)}`;
      const set = granted.get(key) ?? new Set<string>();
      for (const action of rule.actions ?? []) set.add(action);
      granted.set(key, set);
    }
  }
  return granted;
}

export async function buildImportPreview(
  doc: SourceDocument,
  options: { transaction?: Transaction } = {},
): Promise<BuiltPreview> {
  const { transaction } = options;
  const parsed = parseJobDescriptionDocument(doc);
  const stored = await Position.findAll({ attributes: ['id', 'name', 'code'], order: [['id', 'ASC']], transaction });
  const storedByName = new Map(stored.map((p) => [p.name, p]));
  const known: KnownPosition[] = [
    ...stored.map((p) => ({ id: p.id, name: p.name })),
    ...BUILT_IN_POSITIONS.filter((def) => !storedByName.has(def.name)).map((def) => ({ id: null, name: def.name })),
  ];
  const documentNames = parsed.positions.map((p) => p.name);

  const positions: PreviewPosition[] = [];
  const flaggedRules: FlaggedRule[] = [];
  for (const p of parsed.positions) {
    const existing = await Position.findOne({ where: { name: p.name }, transaction });
    const storedClauses = existing
      ? await PositionClause.findAll({ where: { positionId: existing.id }, order: [['id', 'ASC']], transaction })
      : [];
    const byKey = new Map(storedClauses.map((c) => [clauseKey(c.kind, c.number), c]));
    const clauses: PreviewClause[] = p.clauses.map((clause) => {
      const key = clauseKey(clause.kind, clause.number);
      const before = byKey.get(key);
      byKey.delete(key);
      if (!before) return { ...clause, change: 'added' };
      if (before.text !== clause.text) return { ...clause, change: 'changed', before: before.text };
      return { ...clause, change: 'unchanged' };
    });
    const removed = [...byKey.values()].map((c) => ({ kind: c.kind, number: c.number, text: c.text }));

    if (existing) {
      const changedRows = [
        ...storedClauses.filter((c) =>
          clauses.some((x) => x.change === 'changed' && x.kind === c.kind && x.number === c.number),
        ),
        ...[...byKey.values()],
      ];
      for (const row of changedRows) {
        const change = byKey.has(clauseKey(row.kind, row.number)) ? 'removed' : 'changed';
        for (const rule of await rulesCiting(p.name, row, transaction)) {
          flaggedRules.push({
            ruleId: rule.id,
            name: rule.name,
            clause: `${p.name} ${KIND_LABELS[row.kind]}${row.number}`,
            change,
          });
        }
      }
    }

    const link = linkSupervisor(
      p.supervisorText,
      known,
      documentNames.filter((name) => name !== p.name),
    );
    const fieldsChanged =
      existing !== null &&
      ((existing.departmentText ?? null) !== p.departmentText ||
        (existing.grade ?? null) !== p.grade ||
        (existing.supervisorText ?? null) !== p.supervisorText ||
        (existing.subordinatesText ?? null) !== (p.subordinatesText ?? null) ||
        (link.positionId !== null && (existing.supervisorPositionId ?? null) !== link.positionId));
    const clausesChanged = clauses.some((c) => c.change !== 'unchanged') || removed.length > 0;
    positions.push({
      name: p.name,
      department: p.departmentText,
      grade: p.grade,
      supervisor: p.supervisorText,
      supervisorPositionId: link.positionId,
      supervisorLinkedName: link.name,
      supervisorCandidates: link.candidates,
      subordinates: p.subordinatesText ?? null,
      existingPositionId: existing?.id ?? null,
      status: !existing ? 'new' : fieldsChanged || clausesChanged ? 'changed' : 'unchanged',
      clauses,
      removed,
    });
  }

  // Proposed rules: each names its clause; one already granted by the rules citing that clause, or already waiting
  // as a draft, is shown but not drafted again.
  const { proposals, withoutAction } = proposeRules(
    parsed.positions.map((p) => ({
      name: p.name,
      code: storedByName.get(p.name)?.code ?? DOCUMENT_POSITION_CODES[p.name] ?? null,
      clauses: p.clauses,
    })),
  );
  // Already granted: by the rules citing the clause, or — whatever they cite — by the rules in force for this position
  // (the matrix's reading: allowed outright or on conditions).
  const rules = await AuthorityRule.findAll({ order: [['id', 'ASC']], transaction });
  const granted = grantedByClause(rules);
  const inForce = new RuleSet(rules.map((rule) => ({ ...rule.get({ plain: true }), clause: rule.clause ?? null })));
  const grantsOf = new Map<string, Set<string>>();
  const grantedToPosition = (name: string): Set<string> => {
    let grants = grantsOf.get(name);
    if (!grants) {
      const code = storedByName.get(name)?.code ?? DOCUMENT_POSITION_CODES[name] ?? `（未定代码）${name}`;
      const cells = authorityMatrix(inForce, [{ code, name }]);
      grants = new Set(cells.filter((row) => row.cells[code]?.grant !== 'none').map((row) => row.action));
      grantsOf.set(name, grants);
    }
    return grants;
  };
  const pendingNames = new Set(
    (await RuleDraft.findAll({ where: { status: 'pending' }, attributes: ['id', 'proposed'], transaction }))
      .map((d) => (d.proposed as { name?: unknown } | null)?.name)
      .filter((name): name is string => typeof name === 'string'),
  );
  const drafts: PlannedDraft[] = [];
  const previewProposals: PreviewProposal[] = proposals.map((proposal) => {
    const have = granted.get(`${proposal.position}|${clauseKey(proposal.kind, proposal.number)}`);
    const status = proposal.actions.every((a) => have?.has(a) || grantedToPosition(proposal.position).has(a))
      ? 'exists'
      : pendingNames.has(proposal.rule.name)
        ? 'pending'
        : 'drafted';
    if (status === 'drafted')
      drafts.push({ proposal, position: proposal.position, kind: proposal.kind, number: proposal.number });
    return {
      position: proposal.position,
      clause: proposal.clause,
      kind: proposal.kind,
      number: proposal.number,
      actions: proposal.actions,
      actionLabels: proposal.actions.map((a) => actionLabel(a)),
      matched: proposal.matched,
      text: explainRule({ ...proposal.rule, enabled: true } as never),
      status,
    };
  });

  const totals = {
    positions: positions.length,
    clauses: positions.reduce((n, p) => n + p.clauses.length, 0),
    added: positions.reduce((n, p) => n + p.clauses.filter((c) => c.change === 'added').length, 0),
    changed: positions.reduce((n, p) => n + p.clauses.filter((c) => c.change === 'changed').length, 0),
    removed: positions.reduce((n, p) => n + p.removed.length, 0),
    drafts: drafts.length,
  };
  const unrecognised = parsed.unrecognised.map((line) => ({ text: line.text, where: line.where }));
  const notes = parsed.notes.map((line) => ({ text: line.text, where: line.where }));
  const content = {
    positions: positions.map(({ supervisorCandidates: _candidates, ...rest }) => rest),
    proposals: previewProposals,
    flaggedRules,
    unrecognised,
    notes,
  };
  const digest = crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
  return {
    preview: {
      fileName: doc.fileName,
      digest,
      positions,
      unrecognised,
      notes,
      proposals: previewProposals,
      withoutAction,
      flaggedRules,
      totals,
    },
    parsed,
    drafts,
  };
}
