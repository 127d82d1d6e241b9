import { expect } from 'chai';
import bcrypt from 'bcryptjs';
import { config } from '../../src/config.js';
import { Department, Position, Staff } from '../../src/models/index.js';
import { DEMO_ACCOUNT_KEYS } from '../../src/seed/demo/context.js';
import { Rng } from '../../src/seed/demo/fake.js';
import { DEMO_EMAILS, seedOrganisationDemo, type DemoContextDraft } from '../../src/seed/demo/organisation.js';
import { expectRefused } from '../support/refusals.js';

const draft = (): DemoContextDraft => ({
  scale: 1,
  rng: new Rng(7),
  now: new Date('2026-11-27T02:00:00Z'),
  progress: () => undefined,
});

const EXPECTED: Array<[string, string, string]> = [
  ['reception@demo.local', '客户接待员', '客户中心'],
  ['coordinator@demo.local', '客户服务协调员', '客户中心'],
  ['cashier@demo.local', '客户服务收费员', '客户中心'],
  ['cashier2@demo.local', '客户服务收费员', '客户中心'],
  ['assistant@demo.local', '客户服务助理', '客户中心'],
  ['director@demo.local', '管理处主任', '管理处'],
  ['engineer@demo.local', '工程部主管', '工程部'],
  ['garage@demo.local', '车库管理员', '保安部'],
  ['it@demo.local', '系统管理员', '管理处'],
];

describe('demo organisation', function () {
  this.timeout(60_000);
  let ctx: DemoContextDraft;

  before(async () => {
    ctx = draft();
    await seedOrganisationDemo(ctx);
  });

  it('creates the nine demo accounts with their positions, departments and Chinese names', async () => {
    expect(DEMO_EMAILS).to.deep.equal(EXPECTED.map(([email]) => email));
    for (const [email, positionName, departmentName] of EXPECTED) {
      const staff = await Staff.findOne({ where: { email } });
      expect(staff, email).to.not.equal(null);
      const position = await Position.findByPk(staff!.positionId!);
      const department = await Department.findByPk(staff!.departmentId!);
      expect([position!.name, department!.name], email).to.deep.equal([positionName, departmentName]);
      expect(staff!.name).to.match(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(staff!.enabled).to.equal(true);
    }
  });

  it('fills the context: the demo accounts by key, other staff, departments and positions by name', () => {
    expect(Object.keys(ctx.staff!)).to.deep.equal([...DEMO_ACCOUNT_KEYS]);
    expect(ctx.staff!.cashier2.email).to.equal('cashier2@demo.local');
    expect(ctx.departments!['工程部'].name).to.equal('工程部');
    expect(ctx.positions!['客户服务收费员'].code).to.equal('cashier');
    const otherDepartments = new Set(ctx.otherStaff!.map((s) => s.departmentId));
    for (const name of ['工程部', '保安部', '保洁部', '财务部'])
      expect(otherDepartments.has(ctx.departments![name].id), name).to.equal(true);
  });

  it('hashes the demo password with bcrypt: it verifies, a wrong one does not', async () => {
    const staff = await Staff.findAll({ where: { email: DEMO_EMAILS } });
    expect(staff).to.have.length(9);
    for (const s of staff) {
      expect(s.passwordHash).to.match(/^\$2[aby]\$10\$/);
      expect(await bcrypt.compare(config.demoPassword, s.passwordHash)).to.equal(true);
    }
    expect(await bcrypt.compare(`${config.demoPassword}x`, staff[0].passwordHash)).to.equal(false);
  });

  it('gives every department a supervisor: 工程部 the engineer, 客户中心 the assistant, 管理处 the director, the others their own lead', async () => {
    const supervisorEmail = async (name: string) => {
      const department = await Department.findOne({ where: { name } });
      const supervisor = await Staff.findByPk(department!.supervisorId!);
      return supervisor!.email;
    };
    expect(await supervisorEmail('工程部')).to.equal('engineer@demo.local');
    expect(await supervisorEmail('客户中心')).to.equal('assistant@demo.local');
    expect(await supervisorEmail('管理处')).to.equal('director@demo.local');
    for (const name of ['保安部', '保洁部', '财务部']) {
      const department = await Department.findOne({ where: { name } });
      const lead = await Staff.findByPk(department!.supervisorId!);
      expect(lead!.departmentId, name).to.equal(department!.id);
      expect(ctx.otherStaff!.map((s) => s.id)).to.include(lead!.id);
    }
  });

  it('two newcomers wait for the director to approve their positions, and two crew accounts are locked by IT', async () => {
    const newcomers = await Staff.findAll({
      where: { email: ['newcomer1@demo.local', 'newcomer2@demo.local'] },
      order: [['email', 'ASC']],
    });
    expect(newcomers.map((s) => [s.positionId, s.proposedPositionId])).to.deep.equal([
      [null, ctx.positions!['客户接待员'].id],
      [null, ctx.positions!['客户服务收费员'].id],
    ]);
    const locked = await Staff.findAll({ where: { email: ['guard3@demo.local', 'cleaner2@demo.local'] } });
    expect(locked.map((s) => s.status)).to.deep.equal(['locked', 'locked']);
    expect(locked.every((s) => (s.lockReason ?? '').length > 0)).to.equal(true);
  });

  it('running it again creates no one and keeps the accounts (and their passwords) as they are', async () => {
    const countBefore = await Staff.count();
    const reception = await Staff.findOne({ where: { email: 'reception@demo.local' } });
    const again = draft();
    await seedOrganisationDemo(again);
    expect(await Staff.count()).to.equal(countBefore);
    expect(again.staff!.reception.id).to.equal(reception!.id);
    expect(again.staff!.reception.passwordHash).to.equal(reception!.passwordHash);
    expect(again.otherStaff!.map((s) => s.id)).to.deep.equal(ctx.otherStaff!.map((s) => s.id));
  });

  describe('runDemoSeed', () => {
    let runDemoSeed: typeof import('../../src/seed/demo/index.js').runDemoSeed;
    before(async function () {
      try {
        ({ runDemoSeed } = await import('../../src/seed/demo/index.js'));
      } catch (e) {
        // Until every demo step's module exists, the whole demo cannot load; the organisation is tested above.
        if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') this.skip();
        throw e;
      }
    });

    it('refuses to seed demo data again at scale 1 on a database that has the demo accounts, and changes nothing', async () => {
      const before = await Staff.count();
      const refused = await expectRefused(() => runDemoSeed({ scale: 1 }), Error);
      expect(refused.message).to.include('数据库中已有演示账号').and.include('--scale N');
      expect(await Staff.count()).to.equal(before);
    });

    it('refuses a scale that is not a positive integer', async () => {
      for (const scale of [0, -1, 1.5, Number.NaN]) {
        const refused = await expectRefused(() => runDemoSeed({ scale }), Error, undefined, `scale ${scale}`);
        expect(refused.message).to.include('演示数据规模必须是正整数');
      }
    });
  });
});
