// What every seed that creates staff or demo data lays first: without the document's positions and the default
// rules every account would be refused everything (nothing is allowed unless a rule allows it).
import type { Transaction } from 'sequelize';
import { isPostgres } from '../db.js';
import { Position, sequelize } from '../models/index.js';
import { seedDefaultRules, seedDefaultTests, type RuleSeedReport, type TestSeedReport } from '../rules/seed.js';
import {
  DOCUMENT_POSITION_CODES,
  SHIPPED_JOB_DESCRIPTIONS,
  ensureBuiltInOrganisation,
  importJobDescriptionFile,
  type ImportReport,
} from './jd/import.js';

// Several instances may start (or seed) at once on PostgreSQL: the first one seeds, the others wait and find it done.
const SEED_LOCK = 720302;

/** Holds the seeding lock until the transaction ends (PostgreSQL; SQLite has one writer at a time anyway). */
export async function lockSeeding(transaction: Transaction): Promise<void> {
  if (isPostgres) await sequelize.query(`SELECT pg_advisory_xact_lock(${SEED_LOCK})`, { transaction });
}

export interface FoundationReport {
  /** Null when the document's positions were there already (the document is not imported again). */
  jobDescriptions: ImportReport | null;
  organisation: ImportReport;
  rules: RuleSeedReport;
  tests: TestSeedReport;
}

/**
 * Makes sure the shipped document's positions, the built-in organisation, the default rules and their 权限测试 exist,
 * in one transaction. Safe to repeat: missing defaults are added, a rule or test the director edited is kept as it is.
 */
export async function ensureFoundation(options: { transaction?: Transaction } = {}): Promise<FoundationReport> {
  if (!options.transaction) return sequelize.transaction((transaction) => ensureFoundation({ transaction }));
  const { transaction } = options;
  await lockSeeding(transaction);
  const documentPositions = Object.keys(DOCUMENT_POSITION_CODES);
  const present = await Position.count({ where: { name: documentPositions }, transaction });
  const jobDescriptions =
    present < documentPositions.length
      ? (await importJobDescriptionFile(SHIPPED_JOB_DESCRIPTIONS, { transaction })).report
      : null;
  const organisation = await ensureBuiltInOrganisation({ transaction });
  const rules = await seedDefaultRules({ transaction });
  const tests = await seedDefaultTests({ transaction });
  return { jobDescriptions, organisation, rules, tests };
}
