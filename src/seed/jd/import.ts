// Writes parsed job descriptions into Department / Position / PositionClause, and the organisation the
// product needs beyond the document (other departments, 管理处主任, 工程部主管 …). A re-import applies the difference:
// clauses added, changed and removed; the rules citing a changed or removed clause are flagged for the director
// (AuthorityRule.clauseNotice), never deleted. Re-running the same document changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Op, type Transaction } from 'sequelize';
import { AuthorityRule, Department, Position, PositionClause, RuleDraft, sequelize } from '../../models/index.js';
import { parseCitations } from '../../rules/clause-citations.js';
import { parseJobDescriptionDocument, type ParsedPosition } from './parse.js';
import { readJobDescriptionFile } from './read.js';
import { linkSupervisor, SUPERVISOR_ALIASES, type KnownPosition } from './supervisors.js';
import { POSITION_NAMES } from '../../vocabulary/positions.js';
import { toSimplified } from '../../lib/simplified.js';

export { SUPERVISOR_ALIASES };

export const BUILT_IN_SOURCE = '系统内置';

/** The document shipped with the product (a byte-identical copy of the customer centre's 岗位职务说明书). */
export const SHIPPED_JOB_DESCRIPTIONS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'job-descriptions',
  '客户中心人员岗位职务说明书.txt',
);

/** Stable codes of the four positions the document describes, by their names (src/rules/positions.ts). */
export const DOCUMENT_POSITION_CODES: Record<string, string> = Object.fromEntries(
  ['receptionist', 'coordinator', 'cashier', 'assistant'].map((code) => [POSITION_NAMES[code], code]),
);

export const BUILT_IN_DEPARTMENTS: ReadonlyArray<{ name: string; description: string }> = [
  { name: '客户中心', description: '前台接待、报事派工、回访、收费与客户满意度调查' },
  { name: '工程部', description: '维修、装修审核与验收' },
  { name: '保安部', description: '秩序维护、车库与车位管理' },
  { name: '保洁部', description: '公共区域清洁与绿化' },
  { name: '财务部', description: '公司财务核算' },
  { name: '管理处', description: '物业管理处：主任与系统管理' },
];

export interface BuiltInPosition {
  name: string;
  code: string;
  department: string;
  /** 直接主管 (another built-in position), when there is an obvious one. */
  supervisor?: string;
}

/** Posts the product needs that the document only names (管理处主任) or does not describe at all. */
const builtIn = (code: string, department: string, supervisorCode?: string): BuiltInPosition => ({
  name: POSITION_NAMES[code],
  code,
  department,
  ...(supervisorCode ? { supervisor: POSITION_NAMES[supervisorCode] } : {}),
});

export const BUILT_IN_POSITIONS: readonly BuiltInPosition[] = [
  builtIn('director', '管理处'),
  builtIn('engineering_supervisor', '工程部', 'director'),
  builtIn('garage_keeper', '保安部'),
  builtIn('system_admin', '管理处', 'director'),
  builtIn('technician', '工程部', 'engineering_supervisor'),
  builtIn('guard', '保安部'),
  builtIn('cleaner', '保洁部'),
];

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  departments: ImportCounts;
  positions: ImportCounts;
  clauses: ImportCounts;
  /** Clauses the document no longer has, removed ("客户接待员 职责7"). */
  removedClauses: string[];
  /** Rules citing a clause this import changed or removed: flagged for the director (clauseNotice). */
  flaggedRules: number[];
  /** 直接主管 texts that match no position (left unlinked). */
  unlinkedSupervisors: string[];
}

export interface ImportOptions {
  transaction?: Transaction;
  /** IT's picks in the preview: position name → the supervisor's position id, or null for none. */
  supervisors?: Record<string, number | null>;
  /** Who imported, for the notices on flagged rules ("导入「x.docx」"). */
  origin?: string;
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });
export const KIND_LABELS = { duty: '职责', authority: '职权', qualification: '资格要求' } as const;

export function emptyImportReport(): ImportReport {
  return {
    departments: counts(),
    positions: counts(),
    clauses: counts(),
    removedClauses: [],
    flaggedRules: [],
    unlinkedSupervisors: [],
  };
}

/** Runs `work` in the caller's transaction, or in a new one. */
async function inTransaction<T>(options: ImportOptions, work: (t: Transaction) => Promise<T>): Promise<T> {
  if (options.transaction) return work(options.transaction);
  return sequelize.transaction((t) => work(t));
}

/** Sets the given fields where they differ and saves; says whether anything changed. */
async function applyChanges<M extends Position | Department>(
  row: M,
  changes: Record<string, unknown>,
  transaction: Transaction,
): Promise<boolean> {
  const record = row as unknown as Record<string, unknown>;
  const differing = Object.entries(changes).filter(([key, value]) => record[key] !== value);
  if (differing.length === 0) return false;
  for (const [key, value] of differing)
    (row as unknown as { setDataValue(k: string, v: unknown): void }).setDataValue(key, value);
  await row.save({ transaction });
  return true;
}

/** Finds a department by name or creates it; only a creation is counted (callers count look-ups once). */
async function findOrCreateDepartment(
  name: string,
  report: ImportReport,
  transaction: Transaction,
): Promise<{ department: Department; created: boolean }> {
  const existing =
    (await Department.findOne({ where: { name }, transaction })) ??
    // 工程部 written in traditional characters (工程部 / 客戶服務部) is the same department.
    (await Department.findAll({ transaction })).find((d) => toSimplified(d.name) === toSimplified(name));
  if (existing) return { department: existing, created: false };
  report.departments.created++;
  const description = BUILT_IN_DEPARTMENTS.find((d) => d.name === name)?.description ?? null;
  return { department: await Department.create({ name, description }, { transaction }), created: true };
}

/** Creates the built-in position `name` if missing; fills its code / department when those are empty. */
async function ensureBuiltInPosition(
  def: BuiltInPosition,
  report: ImportReport,
  transaction: Transaction,
): Promise<Position> {
  const { department } = await findOrCreateDepartment(def.department, report, transaction);
  const supervisor = def.supervisor ? await Position.findOne({ where: { name: def.supervisor }, transaction }) : null;
  const existing = await Position.findOne({ where: { name: def.name }, transaction });
  if (!existing) {
    report.positions.created++;
    return Position.create(
      {
        name: def.name,
        code: def.code,
        departmentId: department.id,
        departmentText: def.department,
        supervisorText: def.supervisor ?? null,
        supervisorPositionId: supervisor?.id ?? null,
        source: BUILT_IN_SOURCE,
      },
      { transaction },
    );
  }
  // A document may describe a built-in post too: only fill what is missing, never overwrite it.
  const changes: Record<string, unknown> = {};
  if (existing.code == null) changes.code = def.code;
  if (existing.departmentId == null) changes.departmentId = department.id;
  if (existing.supervisorPositionId == null && supervisor && existing.supervisorText == null) {
    changes.supervisorText = def.supervisor;
    changes.supervisorPositionId = supervisor.id;
  }
  if (await applyChanges(existing, changes, transaction)) report.positions.updated++;
  else report.positions.unchanged++;
  return existing;
}

/**
 * Departments 客户中心, 工程部, 保安部, 保洁部, 财务部, 管理处 and the built-in positions (管理处主任, 工程部主管,
 * 车库管理员, 系统管理员, 维修工, 保安员, 保洁员), source "系统内置". Idempotent.
 */
export async function ensureBuiltInOrganisation(options: ImportOptions = {}): Promise<ImportReport> {
  return inTransaction(options, async (transaction) => {
    const report = emptyImportReport();
    for (const def of BUILT_IN_DEPARTMENTS) {
      const existing = await Department.findOne({ where: { name: def.name }, transaction });
      if (!existing) {
        await Department.create({ name: def.name, description: def.description }, { transaction });
        report.departments.created++;
      } else if (existing.description == null) {
        await existing.update({ description: def.description }, { transaction });
        report.departments.updated++;
      } else {
        report.departments.unchanged++;
      }
    }
    for (const def of BUILT_IN_POSITIONS) await ensureBuiltInPosition(def, report, transaction);
    return report;
  });
}

/**
 * Imports positions parsed from a document: Department by 所属部门 (created if missing), Position by name,
 * PositionClause by (kind, number); 直接主管 kept as written and linked to a position when it names one.
 */
export async function importJobDescriptions(
  parsed: readonly ParsedPosition[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  return inTransaction(options, async (transaction) => {
    const report = emptyImportReport();
    const departmentCache = new Map<string, Department>();
    const imported: Array<{ parsed: ParsedPosition; position: Position }> = [];
    // Each document position is counted once, after its supervisor link is settled too.
    const outcome = new Map<number, keyof ImportCounts>();

    for (const p of parsed) {
      let department: Department | null = null;
      if (p.departmentText) {
        department = departmentCache.get(p.departmentText) ?? null;
        if (!department) {
          const found = await findOrCreateDepartment(p.departmentText, report, transaction);
          if (!found.created) report.departments.unchanged++;
          department = found.department;
          departmentCache.set(p.departmentText, department);
        }
      }
      const fields = {
        departmentId: department?.id ?? null,
        departmentText: p.departmentText,
        grade: p.grade,
        supervisorText: p.supervisorText,
        subordinatesText: p.subordinatesText ?? null,
        source: p.source,
      };
      let position = await Position.findOne({ where: { name: p.name }, transaction });
      if (!position) {
        position = await Position.create(
          { name: p.name, code: DOCUMENT_POSITION_CODES[p.name] ?? null, supervisorPositionId: null, ...fields },
          { transaction },
        );
        outcome.set(position.id, 'created');
      } else {
        const changes: Record<string, unknown> = { ...fields };
        if (position.code == null && DOCUMENT_POSITION_CODES[p.name]) changes.code = DOCUMENT_POSITION_CODES[p.name];
        outcome.set(position.id, (await applyChanges(position, changes, transaction)) ? 'updated' : 'unchanged');
      }
      imported.push({ parsed: p, position });
      await importClauses(position, p, report, options.origin ?? p.source, transaction);
    }

    // Supervisors last: a position may name one described later in the same document.
    const known: KnownPosition[] = [
      ...(await Position.findAll({ attributes: ['id', 'name'], transaction })).map((x) => ({ id: x.id, name: x.name })),
      ...BUILT_IN_POSITIONS.map((def) => ({ id: null, name: def.name })),
    ];
    for (const { parsed: p, position } of imported) {
      const picked = options.supervisors && p.name in options.supervisors ? options.supervisors[p.name] : undefined;
      const supervisorId =
        picked !== undefined
          ? picked
          : p.supervisorText
            ? await resolveSupervisor(p.supervisorText, known, report, transaction)
            : null;
      if (p.supervisorText && supervisorId === null) report.unlinkedSupervisors.push(`${p.name} → ${p.supervisorText}`);
      if ((position.supervisorPositionId ?? null) !== supervisorId) {
        await position.update({ supervisorPositionId: supervisorId }, { transaction });
        if (outcome.get(position.id) === 'unchanged') outcome.set(position.id, 'updated');
      }
    }
    for (const result of outcome.values()) report.positions[result]++;
    return report;
  });
}

async function importClauses(
  position: Position,
  p: ParsedPosition,
  report: ImportReport,
  origin: string,
  transaction: Transaction,
) {
  const existing = await PositionClause.findAll({ where: { positionId: position.id }, transaction });
  const byKey = new Map(existing.map((c) => [`${c.kind}:${c.number}`, c]));
  const changed: Array<{ clause: PositionClause; notice: string }> = [];
  const label = (c: { kind: keyof typeof KIND_LABELS; number: number }) =>
    `${p.name} ${KIND_LABELS[c.kind]}${c.number}`;
  const today = new Date().toISOString().slice(0, 10);
  for (const clause of p.clauses) {
    const key = `${clause.kind}:${clause.number}`;
    const row = byKey.get(key);
    byKey.delete(key);
    if (!row) {
      await PositionClause.create(
        { positionId: position.id, kind: clause.kind, number: clause.number, text: clause.text },
        { transaction },
      );
      report.clauses.created++;
    } else if (row.text !== clause.text) {
      changed.push({
        clause: row,
        notice: `${today} 导入「${origin}」：${label(row)} 已修改，原文「${row.text}」，现为「${clause.text}」`,
      });
      await row.update({ text: clause.text }, { transaction });
      report.clauses.updated++;
    } else {
      report.clauses.unchanged++;
    }
  }
  for (const stale of byKey.values()) {
    report.removedClauses.push(label(stale));
    changed.push({
      clause: stale,
      notice: `${today} 导入「${origin}」：${label(stale)}「${stale.text}」已从文档中删除`,
    });
  }
  for (const { clause, notice } of changed) {
    for (const rule of await rulesCiting(position.name, clause, transaction)) {
      await AuthorityRule.update({ clauseNotice: notice }, { where: { id: rule.id }, transaction });
      if (!report.flaggedRules.includes(rule.id)) report.flaggedRules.push(rule.id);
    }
  }
  const removed = [...byKey.values()].map((c) => c.id);
  if (removed.length > 0) {
    // The rules keep their clause text; the link to a row that is gone is dropped (drafts' links too).
    await AuthorityRule.update({ positionClauseId: null }, { where: { positionClauseId: removed }, transaction });
    for (const draft of await RuleDraft.findAll({ where: { status: 'pending' }, transaction })) {
      const proposed = draft.proposed as { positionClauseId?: unknown } | null;
      if (proposed && removed.includes(Number(proposed.positionClauseId)))
        await draft.update({ proposed: { ...proposed, positionClauseId: null } as never }, { transaction });
    }
    await PositionClause.destroy({ where: { id: { [Op.in]: removed } }, transaction });
  }
}

/** The rules citing a clause: linked to its row, or naming the position and clause in their clause text. */
export async function rulesCiting(
  positionName: string,
  clause: Pick<PositionClause, 'id' | 'kind' | 'number'>,
  transaction?: Transaction,
): Promise<AuthorityRule[]> {
  const rules = await AuthorityRule.findAll({
    attributes: ['id', 'name', 'clause', 'positionClauseId', 'actions'],
    order: [['id', 'ASC']],
    transaction,
  });
  return rules.filter(
    (rule) =>
      rule.positionClauseId === clause.id ||
      parseCitations(rule.clause).some(
        (c) => c.position === positionName && c.kind === clause.kind && c.number === clause.number,
      ),
  );
}

async function resolveSupervisor(
  text: string,
  known: readonly KnownPosition[],
  report: ImportReport,
  transaction: Transaction,
): Promise<number | null> {
  const link = linkSupervisor(text, known, []);
  if (!link.name) return null;
  if (link.positionId !== null) return link.positionId;
  const found = await Position.findOne({ where: { name: link.name }, transaction });
  if (found) return found.id;
  // 管理处主任 (and the other built-in posts) are named by documents without being described in them.
  const builtIn = BUILT_IN_POSITIONS.find((def) => def.name === link.name);
  if (builtIn) return (await ensureBuiltInPosition(builtIn, report, transaction)).id;
  return null;
}

/** Reads, parses and imports one document file (.docx, .xlsx, .txt or .md). */
export async function importJobDescriptionFile(
  file: string,
  options: ImportOptions = {},
): Promise<{ positions: ParsedPosition[]; report: ImportReport }> {
  const doc = await readJobDescriptionFile(path.basename(file), fs.readFileSync(file));
  const { positions } = parseJobDescriptionDocument(doc);
  const report = await importJobDescriptions(positions, options);
  return { positions, report };
}
