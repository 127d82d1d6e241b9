// Seeding staff or demo data, and starting on a database without rules, leave the office with its default rules.
// Each test runs the real entry point in a child process on a SQLite file of its own (also when the suite runs on
// PostgreSQL), and reads the file afterwards.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { createSequelize } from '../../src/db.js';
import { defaultRuleDefinitions } from '../../src/rules/default-rules.js';
import { defaultTests } from '../../src/rules/default-tests.js';
import { DOCUMENT_POSITION_CODES, SHIPPED_JOB_DESCRIPTIONS } from '../../src/seed/jd/import.js';
import { moneyInvariantViolations } from '../support/money-invariants.js';

const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const DEFAULT_RULE_NAMES = defaultRuleDefinitions()
  .map((d) => d.name)
  .sort();
const DEFAULT_TEST_COUNT = defaultTests().length;

/** A fresh SQLite file and the environment that points the product at it. */
function freshDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-on-seed-'));
  const file = path.join(dir, 'x.sqlite');
  const env = {
    DATABASE_URL: `sqlite:${file}`,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    UPLOAD_DIR: path.join(dir, 'uploads'),
    ADMIN_JS_TMP_DIR: path.join(dir, 'adminjs'),
  };
  return { file, env };
}

function runSeedCli(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/seed/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `npm start` until /health answers, then stops it with SIGTERM; resolves with what it printed. */
function startAndStop(env: NodeJS.ProcessEnv): Promise<{ output: string; code: number | null; health: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info' },
    });
    let output = '';
    let health = 0;
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start did not come up within 60 s:\n${output}`));
    }, 60_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const started = /客户中心已启动：(http:\/\/\S+)\/admin/.exec(output);
      if (started && !health) {
        health = -1;
        fetch(`${started[1]}/health`)
          .then((response) => (health = response.status))
          .finally(() => child.kill('SIGTERM'));
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(giveUp);
      resolve({ output: signal ? `${output}\n(${signal})` : output, code, health });
    });
  });
}

async function readDatabase(file: string) {
  const db = createSequelize(`sqlite:${file}`);
  try {
    const rules = (await db.query('SELECT name, description, "editedByDirector" FROM "AuthorityRule" ORDER BY name', {
      type: 'SELECT',
    })) as Array<{
      name: string;
      description: string;
      editedByDirector: number;
    }>;
    const positions = (await db.query('SELECT name FROM "Position"', { type: 'SELECT' })) as Array<{ name: string }>;
    const staff = (await db.query('SELECT email FROM "Staff"', { type: 'SELECT' })) as Array<{ email: string }>;
    const [{ tests }] = (await db.query('SELECT COUNT(*) AS tests FROM "AuthorityTest" WHERE enabled', {
      type: 'SELECT',
    })) as Array<{ tests: number }>;
    return { rules, positions: positions.map((p) => p.name), staff: staff.map((s) => s.email), tests: Number(tests) };
  } finally {
    await db.close();
  }
}

async function onDatabase(file: string, sql: string, replacements: unknown[] = []) {
  const db = createSequelize(`sqlite:${file}`);
  try {
    await db.query(sql, { replacements });
  } finally {
    await db.close();
  }
}

describe('seeding lays the positions and the default rules', function () {
  this.timeout(180_000);

  it("npm run seed -- --demo on a fresh database makes the document's positions, the default rules and their tests with the demo staff", async () => {
    const { file, env } = freshDatabase();
    const run = runSeedCli(['--demo', '--scale', '1'], env);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.include(`权限规则 / authority rules: 新增 created ${DEFAULT_RULE_NAMES.length}`);
    expect(run.stdout).to.include(`权限测试 / authority tests: 新增 created ${DEFAULT_TEST_COUNT}，保留 kept 0`);

    const { rules, positions, staff, tests } = await readDatabase(file);
    expect(rules.map((r) => r.name).sort()).to.deep.equal(DEFAULT_RULE_NAMES);
    expect(tests).to.equal(DEFAULT_TEST_COUNT);
    expect(positions).to.include.members(Object.keys(DOCUMENT_POSITION_CODES));
    expect(staff).to.include.members(['reception@demo.local', 'director@demo.local', 'it@demo.local']);

    // The whole demo office keeps the money invariants: bills = their valid allocations, receipts = their
    // allocations, cash reports = their receipts, receipt numbers without gaps — and owners who caught up on several
    // months did so with one receipt.
    const db = createSequelize(`sqlite:${file}`);
    try {
      expect(await moneyInvariantViolations(db)).to.deep.equal([]);
      const [{ receipts }] = (await db.query(
        'SELECT COUNT(*) AS receipts FROM (SELECT "paymentId" FROM "PaymentAllocation" GROUP BY "paymentId" HAVING COUNT(*) > 1) AS several',
        { type: 'SELECT' },
      )) as Array<{ receipts: number }>;
      expect(Number(receipts)).to.be.greaterThan(0);
    } finally {
      await db.close();
    }
  });

  it('npm run seed -- --admin lays them too, and seeding again adds what is missing but keeps a rule the director edited', async () => {
    const { file, env } = freshDatabase();
    const first = runSeedCli(['--admin', 'it@example.com'], env);
    expect(first.status, first.stderr).to.equal(0);
    expect((await readDatabase(file)).rules.map((r) => r.name).sort()).to.deep.equal(DEFAULT_RULE_NAMES);

    const [edited, removed] = DEFAULT_RULE_NAMES;
    await onDatabase(
      file,
      `UPDATE "AuthorityRule" SET description = '主任改过的说明', "editedByDirector" = 1 WHERE name = ?`,
      [edited],
    );
    await onDatabase(file, 'DELETE FROM "AuthorityRule" WHERE name = ?', [removed]);

    const again = runSeedCli(['--admin', 'it@example.com'], env);
    expect(again.status, again.stderr).to.equal(0);
    expect(again.stdout).to.include('新增 created 1，').and.include('保留主任修改 kept edited 1');
    expect(again.stdout).to.include(`权限测试 / authority tests: 新增 created 0，保留 kept ${DEFAULT_TEST_COUNT}`);
    const { rules } = await readDatabase(file);
    expect(rules.map((r) => r.name).sort()).to.deep.equal(DEFAULT_RULE_NAMES);
    expect(rules.find((r) => r.name === edited)).to.deep.include({
      description: '主任改过的说明',
      editedByDirector: 1,
    });
  });

  it('npm start on a database with positions but no rules imports the default rules and says so; the next start does not', async () => {
    const { file, env } = freshDatabase();
    const imported = runSeedCli(['--jd', SHIPPED_JOB_DESCRIPTIONS], env);
    expect(imported.status, imported.stderr).to.equal(0);
    expect((await readDatabase(file)).rules).to.deep.equal([]);

    const first = await startAndStop(env);
    expect([first.code, first.health], first.output).to.deep.equal([0, 200]);
    expect(first.output).to.include(`数据库中没有权限规则：已导入默认规则 ${DEFAULT_RULE_NAMES.length} 条`);
    const seeded = await readDatabase(file);
    expect(seeded.rules.map((r) => r.name).sort()).to.deep.equal(DEFAULT_RULE_NAMES);
    expect(seeded.tests).to.equal(DEFAULT_TEST_COUNT);

    const second = await startAndStop(env);
    expect([second.code, second.health], second.output).to.deep.equal([0, 200]);
    expect(second.output).to.not.include('数据库中没有权限规则');
  });
});
