// `npm run seed -- …`: thin — parse the arguments, call the seed functions, print, exit 0 or 1.
import fs from 'node:fs/promises';
import path from 'node:path';
import { seedDefaultRules, seedDefaultTests, type RuleSeedReport, type TestSeedReport } from '../rules/seed.js';
import { sequelize } from '../db.js';
import { migrate } from '../models/migrate.js';
import { buildImportPreview } from './jd/import-preview.js';
import { confirmJobDescriptionImport } from './jd/import-confirm.js';
import { readJobDescriptionFile } from './jd/read.js';
import { MAX_DOCUMENT_BYTES } from './jd/source.js';
import { describeOutcome, describePreview, previewJson } from './jd/describe.js';
import {
  createSystemAdministrator,
  ensureBuiltInOrganisation,
  ensureFoundation,
  seedDemoData,
  seedJobDescriptions,
  type FoundationReport,
  type ImportReport,
} from './index.js';

const USAGE = `用法 / usage:
  npm run seed                          迁移数据库，导入岗位职务说明书、内置组织架构与默认权限规则
                                        migrate, import the job descriptions, the built-in organisation and the default rules
  npm run seed -- --jd <文件/FILE> [--dry-run] [--json]
                                        导入岗位职务说明书（.docx、.xlsx、.txt、.md）：岗位、条款，以及从职权条款拟定、
                                        待主任审核的权限草稿；--dry-run 只显示预览、不写入；--json 以 JSON 输出预览
                                        import a job-description document (.docx, .xlsx, .txt, .md): positions, clauses, and
                                        draft rules from its clauses for the director to review; --dry-run prints the preview
                                        and writes nothing; --json prints the preview as JSON on stdout
  npm run seed -- --demo [--scale N]    生成演示数据（N 为正整数，默认 1）
                                        seed demo data (N a positive integer, default 1)
  npm run seed -- --admin <EMAIL>       创建系统管理员账号（或重置其密码）并显示一次性密码
                                        create the system administrator (or reset it) and print a one-time password
  --demo 与 --admin 先补齐岗位职务说明书、内置组织架构与默认权限规则（不覆盖主任修改过的规则）
  --demo and --admin first add whatever is missing of the job descriptions, the organisation and the default rules
  (a rule the director edited is kept)`;

export type SeedCommand =
  | { kind: 'default' }
  | { kind: 'jd'; file: string; dryRun: boolean; json: boolean }
  | { kind: 'demo'; scale: number }
  | { kind: 'admin'; email: string }
  | { kind: 'help' };

export class UsageError extends Error {}

export function parseSeedArgs(args: readonly string[]): SeedCommand {
  let command: SeedCommand = { kind: 'default' };
  let scale: number | undefined;
  let dryRun = false;
  let json = false;
  const setMode = (next: SeedCommand) => {
    if (command.kind !== 'default')
      throw new UsageError('--jd、--demo、--admin 每次只能用一个 / use one of --jd, --demo, --admin at a time');
    command = next;
  };
  const valueOf = (flag: string, i: number) => {
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${flag} 需要一个参数 / ${flag} needs a value`);
    return value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else if (arg === '--jd') setMode({ kind: 'jd', file: valueOf(arg, i++), dryRun: false, json: false });
    else if (arg === '--dry-run') dryRun = true;
    else if (arg === '--json') json = true;
    else if (arg === '--admin') setMode({ kind: 'admin', email: valueOf(arg, i++) });
    else if (arg === '--demo') setMode({ kind: 'demo', scale: 1 });
    else if (arg === '--scale') {
      const raw = valueOf(arg, i++);
      if (!/^[1-9]\d*$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
        throw new UsageError(
          `--scale 必须是正整数，实际是 "${raw}" / --scale must be a positive integer, got "${raw}"`,
        );
      }
      scale = Number(raw);
    } else throw new UsageError(`未知参数 / unknown argument: ${arg}`);
  }
  const chosen = command as SeedCommand;
  if (dryRun || json) {
    if (chosen.kind !== 'jd')
      throw new UsageError('--dry-run、--json 只能与 --jd 一起使用 / --dry-run and --json only go with --jd');
    if (json && !dryRun) throw new UsageError('--json 只能与 --dry-run 一起使用 / --json goes with --dry-run');
    return { ...chosen, dryRun, json };
  }
  if (scale !== undefined) {
    if (chosen.kind !== 'demo') throw new UsageError('--scale 只能与 --demo 一起使用 / --scale only goes with --demo');
    return { kind: 'demo', scale };
  }
  return chosen;
}

/** The file's bytes; a missing or too large file is refused by name before anything is read. */
async function readDocumentFile(file: string): Promise<Buffer> {
  const name = path.basename(file);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat || !stat.isFile()) throw new Error(`找不到文件「${name}」（${file}）`);
  if (stat.size > MAX_DOCUMENT_BYTES)
    throw new Error(`文件「${name}」有 ${(stat.size / 1024 / 1024).toFixed(1)} MB，超过 5 MB 的上限`);
  return fs.readFile(file);
}

function describe(label: string, report: ImportReport): string {
  const c = (x: { created: number; updated: number; unchanged: number }) =>
    `新建 ${x.created}，更新 ${x.updated}，未变 ${x.unchanged}`;
  const lines = [
    `${label}`,
    `  部门 departments: ${c(report.departments)}`,
    `  岗位 positions:   ${c(report.positions)}`,
  ];
  if (report.clauses.created + report.clauses.updated + report.clauses.unchanged > 0)
    lines.push(`  条款 clauses:     ${c(report.clauses)}`);
  if (report.unlinkedSupervisors.length > 0)
    lines.push(`  未能关联的直接主管 unlinked supervisors: ${report.unlinkedSupervisors.join('；')}`);
  if (report.removedClauses.length > 0)
    lines.push(`  文档中已没有、已删除的条款 clauses removed: ${report.removedClauses.join('、')}`);
  if (report.flaggedRules.length > 0)
    lines.push(`  依据条款已变动、待主任复核的规则 rules to review: ${report.flaggedRules.join('、')}`);
  return lines.join('\n');
}

function describeRules(rules: RuleSeedReport): string {
  return `权限规则 / authority rules: 新增 created ${rules.created}，更新 updated ${rules.updated}，不变 unchanged ${rules.unchanged}，保留主任修改 kept edited ${rules.keptEdited}`;
}

function describeTests(tests: TestSeedReport): string {
  const disabled =
    tests.createdDisabled > 0 ? `，新增但停用（与现行规则不符）created disabled ${tests.createdDisabled}` : '';
  return `权限测试 / authority tests: 新增 created ${tests.created}${disabled}，保留 kept ${tests.kept}`;
}

function describeFoundation(foundation: FoundationReport): string {
  const lines = [];
  if (foundation.jobDescriptions) lines.push(describe('岗位职务说明书 / job descriptions', foundation.jobDescriptions));
  lines.push(
    describe('内置组织架构 / built-in organisation', foundation.organisation),
    describeRules(foundation.rules),
    describeTests(foundation.tests),
  );
  return lines.join('\n');
}

async function run(command: SeedCommand): Promise<void> {
  if (command.kind === 'help') {
    console.log(USAGE);
    return;
  }
  const applied = await migrate();
  // A JSON preview is the only thing on stdout.
  const progress = command.kind === 'jd' && command.json ? console.error : console.log;
  if (applied.length > 0) progress(`已执行迁移 / applied migrations: ${applied.join(', ')}`);

  switch (command.kind) {
    case 'default':
      console.log(describe('岗位职务说明书 / job descriptions', await seedJobDescriptions()));
      console.log(describe('内置组织架构 / built-in organisation', await ensureBuiltInOrganisation()));
      console.log(describeRules(await seedDefaultRules()));
      console.log(describeTests(await seedDefaultTests()));
      break;
    case 'jd': {
      const file = path.resolve(command.file);
      const doc = await readJobDescriptionFile(path.basename(file), await readDocumentFile(file));
      if (command.dryRun) {
        const { preview } = await buildImportPreview(doc);
        console.log(command.json ? JSON.stringify(previewJson(preview), null, 2) : describePreview(preview));
        break;
      }
      await ensureBuiltInOrganisation();
      const { outcome, preview } = await confirmJobDescriptionImport(null, doc, {}, { commandLine: true });
      console.log(describePreview(preview));
      console.log(describeOutcome(`岗位职务说明书 / job descriptions: ${file}`, outcome));
      break;
    }
    case 'demo': {
      const result = await seedDemoData({ scale: command.scale, progress: (message) => console.log(`  ${message}`) });
      console.log(describeFoundation(result.foundation));
      console.log(
        `演示数据已生成 / demo data seeded: 规模 scale ${result.scale}${result.toppedUp ? '（追加 / added to existing demo data）' : ''}，用时 ${result.seconds.toFixed(1)} 秒`,
      );
      break;
    }
    case 'admin': {
      console.log(describeFoundation(await ensureFoundation()));
      const { staff, password, created } = await createSystemAdministrator(command.email);
      console.log(
        `${created ? '已创建系统管理员 / created' : '已重置系统管理员密码 / password reset'}: ${staff.email}`,
      );
      console.log(`一次性密码 / one-time password: ${password}`);
      console.log('请登录后立即修改密码；此密码不会再次显示。 / Change it after signing in; it is not shown again.');
      break;
    }
  }
}

let command: SeedCommand;
try {
  command = parseSeedArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(1);
}

try {
  await run(command);
  await sequelize.close();
  process.exit(0);
} catch (error) {
  console.error(`失败 / failed: ${(error as Error).message}`);
  await sequelize.close().catch(() => undefined);
  process.exit(1);
}
