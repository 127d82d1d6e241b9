// What IT seeds: the job descriptions, the built-in organisation, demo data and the system administrator.
import { SYSTEM_ADMIN_CODE } from '../rules/actor.js';
import crypto from 'node:crypto';
import type { Transaction } from 'sequelize';
import { hashPassword } from '../auth/password.js';
import { forgetFailures } from '../domain/sign-in-throttle.js';
import { config } from '../config.js';
import { Conflict, ValidationFailed } from '../errors.js';
import { AuthorityRule, Department, Position, Staff, sequelize } from '../models/index.js';
import type { DemoSeedOptions, DemoSeedResult } from './demo/index.js';
import { seedDefaultRules, seedDefaultTests, type RuleSeedReport, type TestSeedReport } from '../rules/seed.js';
import {
  SHIPPED_JOB_DESCRIPTIONS,
  ensureBuiltInOrganisation,
  importJobDescriptionFile,
  type ImportReport,
} from './jd/import.js';
import { lockSeeding } from './foundation.js';

export { ensureFoundation, type FoundationReport } from './foundation.js';
export { SHIPPED_JOB_DESCRIPTIONS, ensureBuiltInOrganisation, type ImportReport } from './jd/import.js';

/** Imports a job-description document (default: the customer centre's, shipped with the product). */
export async function seedJobDescriptions(
  file: string = SHIPPED_JOB_DESCRIPTIONS,
  options: { transaction?: Transaction } = {},
): Promise<ImportReport> {
  return (await importJobDescriptionFile(file, options)).report;
}

/**
 * Demo data (see src/seed/demo/index.ts). Loaded on demand, so seeding without demo data never needs the
 * demo modules.
 */
export async function seedDemoData(options: DemoSeedOptions): Promise<DemoSeedResult> {
  const { runDemoSeed } = await import('./demo/index.js');
  return runDemoSeed(options);
}

export interface SeedIfEmptyResult {
  /** False when the database already had positions: nothing was done. */
  seeded: boolean;
  jobDescriptions?: ImportReport;
  organisation?: ImportReport;
  rules?: RuleSeedReport;
  tests?: TestSeedReport;
  demo?: DemoSeedResult;
}

/** Used by `npm start`: on a database with no Position rows, seeds the document, organisation and demo data. */
export async function seedIfEmpty(options: { progress?: (message: string) => void } = {}): Promise<SeedIfEmptyResult> {
  const base = await sequelize.transaction(async (transaction) => {
    await lockSeeding(transaction);
    if ((await Position.count({ transaction })) > 0) return null;
    const jobDescriptions = await seedJobDescriptions(SHIPPED_JOB_DESCRIPTIONS, { transaction });
    const organisation = await ensureBuiltInOrganisation({ transaction });
    const rules = await seedDefaultRules({ transaction });
    const tests = await seedDefaultTests({ transaction });
    return { jobDescriptions, organisation, rules, tests };
  });
  if (!base) return { seeded: false };

  const result: SeedIfEmptyResult = { seeded: true, ...base };
  if (config.seedDemo) result.demo = await seedDemoData({ scale: 1, progress: options.progress });
  return result;
}

/**
 * Used by `npm start`: a database without a single authority rule (its staff seeded by an older version, say)
 * gets the default rules and their 权限测试, since without any rule everyone is refused everything. Null when it had
 * rules.
 */
export async function seedDefaultRulesIfNone(): Promise<RuleSeedReport | null> {
  return sequelize.transaction(async (transaction) => {
    await lockSeeding(transaction);
    if ((await AuthorityRule.count({ transaction })) > 0) return null;
    const rules = await seedDefaultRules({ transaction });
    await seedDefaultTests({ transaction });
    return rules;
  });
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A random password of 16 characters (12 random bytes, base64url) holding letters and digits. */
export function generateOneTimePassword(): string {
  for (;;) {
    const password = crypto.randomBytes(12).toString('base64url');
    // The sign-in's password rules want letters and digits; a rare draw without both is drawn again.
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password;
  }
}

export interface SystemAdministratorResult {
  staff: Staff;
  /** The one-time password, shown once; only its hash is stored. */
  password: string;
  /** False when an existing 系统管理员 account had its password reset. */
  created: boolean;
}

/**
 * Creates a 系统管理员 account (or resets the password of the existing one with that email) with a random
 * one-time password, and returns it. Refuses an email that belongs to someone holding another position.
 */
export async function createSystemAdministrator(email: string): Promise<SystemAdministratorResult> {
  const address = String(email ?? '')
    .trim()
    .toLowerCase();
  if (!EMAIL_PATTERN.test(address)) throw new ValidationFailed(`邮箱格式不正确：${email}`, { email: '邮箱格式不正确' });

  await ensureBuiltInOrganisation();
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);

  return sequelize.transaction(async (transaction) => {
    const position = await Position.findOne({ where: { code: SYSTEM_ADMIN_CODE }, transaction });
    if (!position) throw new Conflict('找不到"系统管理员"岗位（代码 system_admin）');
    const department = await Department.findOne({ where: { name: '管理处' }, transaction });
    const existing = await Staff.findOne({ where: { email: address }, transaction });
    if (existing) {
      if (existing.positionId !== position.id) {
        const held = existing.positionId ? (await Position.findByPk(existing.positionId, { transaction }))?.name : null;
        throw new Conflict(
          `邮箱 ${address} 已属于员工"${existing.name}"（岗位：${held ?? '无'}），不能改为系统管理员账号`,
        );
      }
      await existing.update({ passwordHash, enabled: true, lockedAt: null, lockReason: null }, { transaction });
      await forgetFailures(address, { transaction });
      return { staff: existing, password, created: false };
    }
    const staff = await Staff.create(
      {
        name: '系统管理员',
        email: address,
        passwordHash,
        positionId: position.id,
        departmentId: department?.id ?? null,
      },
      { transaction },
    );
    return { staff, password, created: true };
  });
}

export { SYSTEM_ADMIN_CODE };
