import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Department, Position, PositionClause } from '../../src/models/index.js';
import {
  BUILT_IN_POSITIONS,
  SHIPPED_JOB_DESCRIPTIONS,
  ensureBuiltInOrganisation,
  importJobDescriptionFile,
  importJobDescriptions,
} from '../../src/seed/jd/import.js';
import { parseJobDescriptions } from '../../src/seed/jd/parse.js';
import { seedIfEmpty, seedJobDescriptions } from '../../src/seed/index.js';

const DOC = fs.readFileSync(SHIPPED_JOB_DESCRIPTIONS, 'utf8');
const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Runs a TypeScript entry point of the project in a child process (as `npm run …` would). */
function runTsx(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function position(name: string) {
  const found = await Position.findOne({ where: { name } });
  expect(found, `position ${name}`).to.not.equal(null);
  return found!;
}

describe('importing job descriptions', () => {
  before(async () => {
    await seedJobDescriptions();
  });

  it('a second import of the same document creates and updates nothing', async () => {
    const report = await seedJobDescriptions();
    expect(report.positions).to.deep.equal({ created: 0, updated: 0, unchanged: 4 });
    expect(report.clauses).to.deep.equal({ created: 0, updated: 0, unchanged: 73 });
    expect(report.departments).to.deep.equal({ created: 0, updated: 0, unchanged: 1 });
    expect(await Position.count({ where: { name: '客户接待员' } })).to.equal(1);
  });

  it('stores the four positions with their codes, department, blank grade and source', async () => {
    const department = await Department.findOne({ where: { name: '客户中心' } });
    const expected = {
      客户接待员: 'receptionist',
      客户服务协调员: 'coordinator',
      客户服务收费员: 'cashier',
      客户服务助理: 'assistant',
    };
    for (const [name, code] of Object.entries(expected)) {
      const p = await position(name);
      expect(p.code).to.equal(code);
      expect(p.departmentId).to.equal(department!.id);
      expect(p.departmentText).to.equal('客户中心');
      expect(p.grade).to.equal(null);
      expect(p.source).to.equal('客户中心人员岗位职务说明书.txt');
    }
  });

  it('stores every clause verbatim, numbered as in the document', async () => {
    const counts: Record<string, [number, number, number]> = {
      客户接待员: [6, 5, 5],
      客户服务协调员: [9, 6, 5],
      客户服务收费员: [7, 6, 5],
      客户服务助理: [8, 6, 5],
    };
    for (const [name, [duties, authorities, qualifications]] of Object.entries(counts)) {
      const p = await position(name);
      const clauses = await PositionClause.findAll({
        where: { positionId: p.id },
        order: [
          ['kind', 'ASC'],
          ['number', 'ASC'],
        ],
      });
      const of = (kind: string) => clauses.filter((c) => c.kind === kind);
      expect([of('duty').length, of('authority').length, of('qualification').length]).to.deep.equal([
        duties,
        authorities,
        qualifications,
      ]);
      // The position's own stretch of the document holds "N、 <text> " for each clause.
      const start = DOC.indexOf(`岗位名称: ${name} `);
      const stretch = DOC.slice(start, DOC.indexOf('实施者签字', start));
      const sectionOf = {
        duty: stretch.slice(stretch.indexOf('职责:'), stretch.indexOf('职权:')),
        authority: stretch.slice(stretch.indexOf('职权:'), stretch.indexOf('资格要求: 1')),
        qualification: stretch.slice(stretch.indexOf('资格要求: 1')) + ' ',
      };
      for (const c of clauses) {
        expect(c.text).to.not.equal('');
        expect(sectionOf[c.kind]).to.include(`${c.number}、 ${c.text} `);
      }
    }
  });

  it('keeps 直接主管 as written and links "客户中心助理" and "管理中心助理" to 客户服务助理', async () => {
    const assistant = await position('客户服务助理');
    for (const [name, text] of [
      ['客户接待员', '客户中心助理'],
      ['客户服务协调员', '客户中心助理'],
      ['客户服务收费员', '管理中心助理'],
    ]) {
      const p = await position(name);
      expect(p.supervisorText).to.equal(text);
      expect(p.supervisorPositionId).to.equal(assistant.id);
    }
  });

  // Other test files may have made the built-in posts already (source "test"): the source is checked on a
  // fresh database below (seedIfEmpty).
  it('links 客户服务助理 to 管理处主任, a built-in position of 管理处', async () => {
    const assistant = await position('客户服务助理');
    const director = await position('管理处主任');
    const management = await Department.findOne({ where: { name: '管理处' } });
    expect(assistant.supervisorText).to.equal('管理处主任');
    expect(assistant.supervisorPositionId).to.equal(director.id);
    expect(director).to.deep.include({ code: 'director', departmentId: management!.id });
  });

  it('updates only the clause whose text changed, and removes the clauses the document no longer has', async () => {
    const suffix = crypto.randomBytes(4).toString('hex');
    const name = `测试岗位${suffix}`;
    const doc = (duty2: string, withDuty3: boolean) =>
      `岗位职务说明书 岗位名称: ${name} 所属部门: 测试部${suffix} 职务等级: 二级 直接主管: 没有这个岗位${suffix} ` +
      `职责: 1、 第一条。 2、 ${duty2} ${withDuty3 ? '3、 第三条。 ' : ''}职权: 1、 一项职权。 资格要求: 1、 一项要求。 实施者签字: 日期:`;
    const first = await importJobDescriptions(parseJobDescriptions(doc('第二条。', true), 'a.txt'));
    expect(first.positions.created).to.equal(1);
    expect(first.departments.created).to.equal(1);
    expect(first.clauses.created).to.equal(5);
    expect(first.unlinkedSupervisors).to.deep.equal([`${name} → 没有这个岗位${suffix}`]);

    const second = await importJobDescriptions(parseJobDescriptions(doc('第二条（修订）。', false), 'a.txt'));
    expect(second.positions).to.deep.equal({ created: 0, updated: 0, unchanged: 1 });
    expect(second.clauses).to.deep.equal({ created: 0, updated: 1, unchanged: 3 });
    expect(second.removedClauses).to.deep.equal([`${name} 职责3`]);
    expect(await PositionClause.count({ where: { positionId: (await position(name)).id, kind: 'duty' } })).to.equal(2);
    const p = await position(name);
    expect(p.grade).to.equal('二级');
    expect(p.supervisorPositionId).to.equal(null);
    const duty2 = await PositionClause.findOne({ where: { positionId: p.id, kind: 'duty', number: 2 } });
    expect(duty2!.text).to.equal('第二条（修订）。');
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const { sequelize } = await import('../../src/models/index.js');
    const name = `回滚岗位${crypto.randomBytes(4).toString('hex')}`;
    const parsed = parseJobDescriptions(`岗位名称: ${name} 职责: 1、 甲。 职权: 1、 乙。 资格要求: 1、 丙。`, 'r.txt');
    try {
      await sequelize.transaction(async (transaction) => {
        await importJobDescriptions(parsed, { transaction });
        throw new Error('rollback');
      });
    } catch (e) {
      expect((e as Error).message).to.equal('rollback');
    }
    expect(await Position.count({ where: { name } })).to.equal(0);
  });
});

describe('the built-in organisation', () => {
  it('has the six departments and the built-in positions with their codes and departments', async () => {
    await ensureBuiltInOrganisation();
    const names = (await Department.findAll()).map((d) => d.name);
    expect(names).to.include.members(['客户中心', '工程部', '保安部', '保洁部', '财务部', '管理处']);
    const expected: Array<[string, string, string]> = [
      ['管理处主任', 'director', '管理处'],
      ['工程部主管', 'engineering_supervisor', '工程部'],
      ['车库管理员', 'garage_keeper', '保安部'],
      ['系统管理员', 'system_admin', '管理处'],
      ['维修工', 'technician', '工程部'],
      ['保安员', 'guard', '保安部'],
      ['保洁员', 'cleaner', '保洁部'],
    ];
    expect(BUILT_IN_POSITIONS.map((p) => p.name)).to.deep.equal(expected.map(([name]) => name));
    for (const [name, code, departmentName] of expected) {
      const p = await position(name);
      const department = await Department.findByPk(p.departmentId!);
      expect([p.code, department!.name]).to.deep.equal([code, departmentName]);
    }
  });

  it('a second run creates and updates nothing', async () => {
    await ensureBuiltInOrganisation();
    const before = await Position.count();
    const report = await ensureBuiltInOrganisation();
    expect(report.departments).to.deep.equal({ created: 0, updated: 0, unchanged: 6 });
    expect(report.positions).to.deep.equal({ created: 0, updated: 0, unchanged: 7 });
    expect(await Position.count()).to.equal(before);
  });
});

describe('npm run seed (command line)', function () {
  this.timeout(120_000);

  it('--jd imports a second document in the same format, adding its position linked to its supervisor', async () => {
    const suffix = crypto.randomBytes(4).toString('hex');
    const name = `绿化养护员${suffix}`;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jd-')), '绿化岗位说明书.txt');
    fs.writeFileSync(
      file,
      `\uFEFF岗位职务说明书 岗位名称：${name} 所属部门：保洁部 职务等级： 直接主管：客户中心助理\r\n` +
        '职责：1、 负责小区绿化的日常养护。 2、 配合保洁部完成临时任务。\r\n职权：1、 制止践踏草坪的行为。\r\n' +
        '资格要求：1、 身体健康。 2、 有1年以上园林工作经验。\r\n实施者签字： 日期：\r\n',
    );
    const run = runTsx(['src/seed/cli.ts', '--jd', file]);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.include('岗位 positions:   新建 1');

    const p = await position(name);
    const cleaning = await Department.findOne({ where: { name: '保洁部' } });
    const assistant = await position('客户服务助理');
    expect(p).to.deep.include({
      departmentId: cleaning!.id,
      supervisorText: '客户中心助理',
      supervisorPositionId: assistant.id,
      source: '绿化岗位说明书.txt',
      code: null,
    });
    const clauses = await PositionClause.findAll({ where: { positionId: p.id }, order: [['id', 'ASC']] });
    expect(clauses.map((c) => `${c.kind}${c.number}:${c.text}`)).to.deep.equal([
      'duty1:负责小区绿化的日常养护。',
      'duty2:配合保洁部完成临时任务。',
      'authority1:制止践踏草坪的行为。',
      'qualification1:身体健康。',
      'qualification2:有1年以上园林工作经验。',
    ]);

    const again = runTsx(['src/seed/cli.ts', '--jd', file]);
    expect(again.status, again.stderr).to.equal(0);
    expect(again.stdout).to.include('岗位 positions:   新建 0，更新 0，未变 1');
  });

  it('--jd with a document holding no position exits 1 with the Chinese problem naming the file, writing nothing', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jd-')), 'bad.txt');
    fs.writeFileSync(file, '会议纪要\n今天讨论了绿化养护的安排。\n');
    const before = await Position.count();
    for (const args of [
      ['--jd', file],
      ['--jd', file, '--dry-run', '--json'],
    ]) {
      const run = runTsx(['src/seed/cli.ts', ...args]);
      expect(run.status).to.equal(1);
      expect(run.stderr).to.include('bad.txt').and.include('没有找到任何岗位');
    }
    const encrypted = path.join(path.dirname(file), '加密的说明书.docx');
    fs.writeFileSync(encrypted, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]));
    const run = runTsx(['src/seed/cli.ts', '--jd', encrypted, '--dry-run', '--json']);
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.include('加密的说明书.docx');
    expect(await Position.count()).to.equal(before);
  });

  it('--jd --dry-run --json prints only the preview as JSON and writes nothing', async () => {
    const suffix = crypto.randomBytes(4).toString('hex');
    const name = `收费员兼文员${suffix}`;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jd-')), '收费员兼文员.md');
    fs.writeFileSync(
      file,
      `# 某某项目${name}岗位职责及素质要求\n\n直接上级：客户中心助理\n\n## 岗位职责\n\n* 负责物业费的收取。\n* 每日编制现金日报表。\n\n` +
        '## 岗位权限\n\n* 审核、检查是否可退装修押金。\n\n## 素质要求\n\n* 大专以上学历。\n',
    );
    const before = { positions: await Position.count(), clauses: await PositionClause.count() };
    const run = runTsx(['src/seed/cli.ts', '--jd', file, '--dry-run', '--json']);
    expect(run.status, run.stderr).to.equal(0);
    const preview = JSON.parse(run.stdout);
    expect(Object.keys(preview)).to.deep.equal(['positions', 'unrecognised', 'proposals']);
    const assistant = await position('客户服务助理');
    expect(preview.positions).to.deep.equal([
      {
        name,
        department: null,
        supervisor: '客户中心助理',
        supervisorPositionId: assistant.id,
        grade: null,
        clauses: [
          { kind: 'duty', number: 1, text: '负责物业费的收取。' },
          { kind: 'duty', number: 2, text: '每日编制现金日报表。' },
          { kind: 'authority', number: 1, text: '审核、检查是否可退装修押金。' },
          { kind: 'qualification', number: 1, text: '大专以上学历。' },
        ],
      },
    ]);
    const refund = preview.proposals.find((p: { clause: string }) => p.clause === '职权1');
    expect(refund).to.deep.include({ position: name, clause: '职权1' });
    expect(refund.actions).to.include('RenovationDeposit.refund');
    expect(refund.matched).to.be.a('string').and.not.equal('');
    expect({ positions: await Position.count(), clauses: await PositionClause.count() }).to.deep.equal(before);

    const human = runTsx(['src/seed/cli.ts', '--jd', file, '--dry-run']);
    expect(human.status, human.stderr).to.equal(0);
    expect(human.stdout).to.include(`【${name}】新岗位`).and.include('职权1［新增］ 审核、检查是否可退装修押金。');
  });

  it('an unknown flag or a bad --scale prints the Chinese and English usage and exits 1', () => {
    for (const args of [
      ['--bogus'],
      ['--demo', '--scale', '0'],
      ['--demo', '--scale', 'many'],
      ['--scale', '3'],
      ['--admin'],
    ]) {
      const run = runTsx(['src/seed/cli.ts', ...args]);
      expect(run.status, args.join(' ')).to.equal(1);
      expect(run.stderr).to.include('用法 / usage').and.include('--demo [--scale N]');
    }
  });

  it("without arguments migrates a fresh database and seeds the document and the organisation; npm start's seedIfEmpty then does nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-cli-'));
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'fresh.sqlite')}`, SEED_DEMO: 'false' };
    const run = runTsx(['src/seed/cli.ts'], env);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout)
      .to.include('已执行迁移')
      .and.include('岗位 positions:   新建 5')
      .and.include('条款 clauses:     新建 73');

    const check = runTsx(
      [
        '--input-type=module',
        '-e',
        `
        const { seedIfEmpty } = await import('./src/seed/index.ts');
        const { Position, Staff, sequelize } = await import('./src/models/index.ts');
        const result = await seedIfEmpty();
        console.log(JSON.stringify({ seeded: result.seeded, positions: await Position.count(), staff: await Staff.count() }));
        await sequelize.close();`,
      ],
      env,
    );
    expect(check.status, check.stderr).to.equal(0);
    expect(JSON.parse(check.stdout.trim().split('\n').at(-1)!)).to.deep.equal({
      seeded: false,
      positions: 11,
      staff: 0,
    });
  });
});

describe('seedIfEmpty (npm start)', function () {
  this.timeout(120_000);

  it('on an empty database imports the document and the built-in organisation, source 系统内置 (demo data off)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-empty-'));
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'empty.sqlite')}`, SEED_DEMO: 'false' };
    const run = runTsx(
      [
        '--input-type=module',
        '-e',
        `
        const { migrate } = await import('./src/models/migrate.ts');
        const { seedIfEmpty } = await import('./src/seed/index.ts');
        const { Position, PositionClause, Department, Staff, sequelize } = await import('./src/models/index.ts');
        await migrate();
        const result = await seedIfEmpty();
        const again = await seedIfEmpty();
        const positions = await Position.findAll({ include: ['department', 'supervisorPosition'], order: [['id', 'ASC']] });
        console.log(JSON.stringify({
          seeded: result.seeded, demo: result.demo ?? null, again: again.seeded,
          table: positions.map((p) => [p.name, p.code, p.department?.name ?? null, p.source, p.supervisorPosition?.name ?? null]),
          positions: await Position.count(), clauses: await PositionClause.count(),
          departments: await Department.count(), staff: await Staff.count(),
        }));
        await sequelize.close();`,
      ],
      env,
    );
    expect(run.status, run.stderr).to.equal(0);
    const DOCUMENT = '客户中心人员岗位职务说明书.txt';
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).to.deep.equal({
      seeded: true,
      demo: null,
      again: false,
      table: [
        ['客户接待员', 'receptionist', '客户中心', DOCUMENT, '客户服务助理'],
        ['客户服务协调员', 'coordinator', '客户中心', DOCUMENT, '客户服务助理'],
        ['客户服务收费员', 'cashier', '客户中心', DOCUMENT, '客户服务助理'],
        ['客户服务助理', 'assistant', '客户中心', DOCUMENT, '管理处主任'],
        ['管理处主任', 'director', '管理处', '系统内置', null],
        ['工程部主管', 'engineering_supervisor', '工程部', '系统内置', '管理处主任'],
        ['车库管理员', 'garage_keeper', '保安部', '系统内置', null],
        ['系统管理员', 'system_admin', '管理处', '系统内置', '管理处主任'],
        ['维修工', 'technician', '工程部', '系统内置', '工程部主管'],
        ['保安员', 'guard', '保安部', '系统内置', null],
        ['保洁员', 'cleaner', '保洁部', '系统内置', null],
      ],
      positions: 11,
      clauses: 73,
      departments: 6,
      staff: 0,
    });
  });

  it('does nothing on a database that already has positions', async () => {
    await seedJobDescriptions();
    const before = await Position.count();
    expect((await seedIfEmpty()).seeded).to.equal(false);
    expect(await Position.count()).to.equal(before);
  });

  it('importJobDescriptionFile reads the shipped document', async () => {
    const { positions } = await importJobDescriptionFile(SHIPPED_JOB_DESCRIPTIONS);
    expect(positions).to.have.length(4);
  });
});
