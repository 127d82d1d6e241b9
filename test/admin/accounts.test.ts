// Accounts as IT manages them: IT proposes positions and the director approves those that carry business authority,
// except the office's first director; position codes are fixed; account forms write only what they show; the
// explicit, audited lock ends sessions and the unlock lets the person in again.
import { expect } from 'chai';
import { AuditLog, Position, Staff, WorkPlan, WorkPlanItem } from '../../src/models/index.js';
import { dashboardData } from '../../src/admin/dashboard.js';
import { loadActor } from '../../src/auth/actor.js';
import { signIn } from '../../src/auth/authenticate.js';
import { Client, signedInClient, testServer } from '../support/http.js';
import { position, staff, TEST_PASSWORD } from '../support/factories.js';

const client = async (code: string) => signedInClient((await staff(code)).email, TEST_PASSWORD);
let counter = 0;
const email = (tag: string) => `acct-${tag}-${Date.now().toString(36)}${++counter}@test.local`;

async function newAccount(it: Client, proposed: string, tag: string) {
  const positionId = (await position(proposed)).id;
  const address = email(tag);
  const response = await it.create('Staff', {
    name: `新员工${counter}`,
    email: address,
    password: 'Welcome2026',
    proposedPositionId: positionId,
  });
  const row = await Staff.findOne({ where: { email: address } });
  return { response, row: row!, positionId };
}

describe('IT proposes positions; the director approves those that carry business authority', () => {
  it('系统管理员 creates an account proposing 客户服务收费员: it holds no position until 管理处主任 approves, and only then may act as a cashier', async () => {
    const it = await client('system_admin');
    const { response, row, positionId } = await newAccount(it, 'cashier', 'cashier');
    expect(response.body.notice.message).to.include('须经管理处主任核定');
    expect([row.positionId, row.proposedPositionId]).to.deep.equal([null, positionId]);
    const before = await loadActor(row.id);
    expect(before!.positionCode).to.equal(null);
    expect(await AuditLog.count({ where: { action: 'Staff.proposePosition', recordId: String(row.id) } })).to.equal(1);

    const director = await client('director');
    const approved = await director.act('Staff', row.id, 'assignPosition', { decision: 'approve' });
    expect(approved.body.notice.type, JSON.stringify(approved.body).slice(0, 300)).to.equal('success');
    await row.reload();
    expect([row.positionId, row.proposedPositionId]).to.deep.equal([positionId, null]);
    expect((await loadActor(row.id))!.positionCode).to.equal('cashier');
    expect(await AuditLog.count({ where: { action: 'Staff.assignPosition', recordId: String(row.id) } })).to.equal(1);
  });

  it('客户服务助理 may not approve a position, nor may 系统管理员 — not even its own proposal', async () => {
    const it = await client('system_admin');
    const { row } = await newAccount(it, 'receptionist', 'refused');
    for (const session of [await client('assistant'), it]) {
      const refused = await session.act('Staff', row.id, 'assignPosition', { decision: 'approve' });
      expect(refused.body.record.baseError.type).to.equal('ForbiddenError');
    }
    await row.reload();
    expect(row.positionId).to.equal(null);
  });

  it('the director may reject a proposal: the account keeps its position', async () => {
    const it = await client('system_admin');
    const { row } = await newAccount(it, 'assistant', 'reject');
    const director = await client('director');
    const rejected = await director.act('Staff', row.id, 'assignPosition', { decision: 'reject' });
    expect(rejected.body.notice.type).to.equal('success');
    await row.reload();
    expect([row.positionId, row.proposedPositionId]).to.deep.equal([null, null]);
  });

  it('a position that carries no business rule (维修工) takes effect at once', async () => {
    const it = await client('system_admin');
    const { response, row, positionId } = await newAccount(it, 'technician', 'tech');
    expect(response.body.notice.message).to.include('岗位已生效');
    expect(row.positionId).to.equal(positionId);
  });

  it('IT cannot make anyone 管理处主任 while the office has one; while it has none, IT appoints the first, audited and shown on that director’s desk', async () => {
    const it = await client('system_admin');
    const pending = await newAccount(it, 'director', 'second-director');
    expect(pending.row.positionId).to.equal(null);

    const directorPosition = await position('director');
    const enabledDirectors = await Staff.findAll({ where: { positionId: directorPosition.id, enabled: true } });
    await Staff.update({ enabled: false }, { where: { id: enabledDirectors.map((d) => d.id) } });
    try {
      const first = await newAccount(it, 'director', 'first-director');
      expect(first.response.body.notice.message).to.include('首任管理处主任');
      expect(first.row.positionId).to.equal(directorPosition.id);
      const audit = await AuditLog.findOne({
        where: { action: 'Staff.appointFirstDirector', recordId: String(first.row.id) },
      });
      expect(audit!.note).to.include('首任管理处主任');
      const desk = await dashboardData({ actor: await loadActor(first.row.id) } as never);
      expect(desk.notices.join('')).to.include('由系统管理员于');
    } finally {
      await Staff.update({ enabled: true }, { where: { id: enabledDirectors.map((d) => d.id) } });
    }
  });

  it('IT cannot change a position code, nor write what an account form does not show (position, lock, sign-in times)', async () => {
    const it = await client('system_admin');
    const admin = await position('system_admin');
    const renamed = await it.edit('Position', admin.id, { name: admin.name, code: 'not_admin' });
    expect(renamed.body.record.errors.code.message).to.equal('岗位代码创建后不能修改：权限规则按代码识别岗位');
    await admin.reload();
    expect(admin.code).to.equal('system_admin');

    const director = await staff('director');
    const cashierPosition = await position('cashier');
    const edited = await it.edit('Staff', director.id, {
      name: director.name,
      positionId: cashierPosition.id,
      lockedAt: '2030-01-01',
      lockReason: 'x',
      lastLoginAt: '2020-01-01',
      passwordHash: 'x',
    });
    expect(edited.body.notice.type, JSON.stringify(edited.body).slice(0, 300)).to.equal('success');
    const stored = (await Staff.findByPk(director.id))!;
    expect([stored.positionId, stored.lockedAt, stored.lockReason, stored.lastLoginAt]).to.deep.equal([
      director.positionId,
      null,
      null,
      null,
    ]);
    expect(stored.passwordHash).to.equal(director.passwordHash);
  });
});

describe('the built-in forms leave an audit line', () => {
  it('IT’s edit of an account is audited field by field; a new password shows only as changed', async () => {
    const it = await client('system_admin');
    const member = await staff('receptionist');
    const edited = await it.edit('Staff', member.id, { name: '改名后的接待员', password: 'NewPass2026' });
    expect(edited.body.notice.type, JSON.stringify(edited.body).slice(0, 200)).to.equal('success');
    const line = await AuditLog.findOne({ where: { action: 'Staff.edit', recordId: String(member.id) } });
    expect(line!.changes.name).to.deep.equal([member.name, '改名后的接待员']);
    expect(line!.changes.passwordHash).to.deep.equal(['（已修改）', '（已修改）']);
    expect(JSON.stringify(line!.changes)).to.not.include(member.passwordHash);
    // The person is told on their desk, so a reset they did not ask for does not go unnoticed.
    const desk = await dashboardData({ actor: await loadActor(member.id) } as never);
    expect(desk.notices.join('')).to.match(/您的登录密码已由.+修改/);
  });

  it('a record created through the forms is audited; a refused form leaves no line', async () => {
    const reception = await client('receptionist');
    const before = await AuditLog.count({ where: { action: 'Correspondence.new' } });
    const made = await reception.create('Correspondence', {
      kind: 'letter',
      direction: 'incoming',
      subject: '审计测试来函',
      party: '街道办',
      occurredOn: '2026-12-01',
    });
    expect(made.body.notice.type, JSON.stringify(made.body).slice(0, 300)).to.equal('success');
    expect(await AuditLog.count({ where: { action: 'Correspondence.new' } })).to.equal(before + 1);
    const garage = await client('garage_keeper');
    await garage.create('Correspondence', {
      kind: 'letter',
      direction: 'incoming',
      subject: '无权',
      party: 'x',
      occurredOn: '2026-12-01',
    });
    expect(await AuditLog.count({ where: { action: 'Correspondence.new' } })).to.equal(before + 1);
  });

  it('a record deleted through the forms is audited', async () => {
    const member = await staff('coordinator');
    const plan = await WorkPlan.create({ staffId: member.id, month: '2026-12', title: '审计删除的计划' } as never);
    const item = await WorkPlanItem.create({ planId: plan.id, week: 1, content: '将被删除的事项' } as never);
    const session = await signedInClient(member.email, TEST_PASSWORD);
    const removed = await session.act('WorkPlanItem', item.id, 'delete');
    expect(removed.body.notice.type).to.equal('success');
    expect(
      await AuditLog.count({ where: { action: 'WorkPlanItem.delete', recordId: String(item.id), staffId: member.id } }),
    ).to.equal(1);
  });
});

describe('the explicit, audited lock', () => {
  it('系统管理员 locks an account: its session ends at once and it cannot sign in until unlocked', async () => {
    const cashier = await staff('cashier');
    const session = await signedInClient(cashier.email, TEST_PASSWORD);
    const it = await client('system_admin');
    const locked = await it.act('Staff', cashier.id, 'lock', { lockReason: '疑似密码泄露' });
    expect(locked.body.notice.type, JSON.stringify(locked.body).slice(0, 300)).to.equal('success');
    await cashier.reload();
    expect(cashier.lockReason).to.equal('疑似密码泄露');
    expect((await session.get('/admin/api/resources/Bill/actions/list')).headers.get('location')).to.equal(
      '/admin/login',
    );
    expect(await signIn({ email: cashier.email, password: TEST_PASSWORD, address: 'lock-test' })).to.deep.equal({
      ok: false,
      reason: 'locked',
    });
    const page = await new Client((await testServer()).url).post('/admin/login', {
      email: cashier.email,
      password: TEST_PASSWORD,
    });
    expect(page.status).to.equal(403);
    expect(await page.text()).to.include('accountLocked');

    const unlocked = await it.act('Staff', cashier.id, 'unlock', {});
    expect(unlocked.body.notice.type).to.equal('success');
    expect(await new Client((await testServer()).url).signIn(cashier.email, TEST_PASSWORD)).to.equal(true);
    expect(
      await AuditLog.count({
        where: { resource: 'Staff', recordId: String(cashier.id), action: ['Staff.lock', 'Staff.unlock'] },
      }),
    ).to.equal(2);
  });

  it('管理处主任 may not lock an account; 系统管理员 may not lock its own; a lock needs a reason', async () => {
    const target = await staff('receptionist');
    const director = await client('director');
    expect(
      (await director.act('Staff', target.id, 'lock', { lockReason: '试试' })).body.record.baseError.type,
    ).to.equal('ForbiddenError');
    const itMember = await staff('system_admin');
    const it = await signedInClient(itMember.email, TEST_PASSWORD);
    const self = await it.act('Staff', itMember.id, 'lock', { lockReason: '自锁' });
    expect(self.body.notice.type).to.equal('error');
    const noReason = await it.act('Staff', target.id, 'lock', { lockReason: '' });
    expect(noReason.body.notice.type).to.equal('error');
    await target.reload();
    expect(target.lockedAt).to.equal(null);
    expect((await Staff.findByPk(itMember.id))!.lockedAt).to.equal(null);
  });
});

describe('positions and authority', () => {
  it('a position carries business authority when a rule grants it a business action because of the position', async () => {
    const { ruleSet } = await import('../../src/rules/store.js');
    const actions = (code: string) => ruleSet().actionsOfPosition({ code, name: null });
    expect(actions('cashier')).to.include('RenovationDeposit.refund');
    expect(actions('technician')).to.deep.equal([]);
    expect(actions('system_admin').every((a) => /^(Staff|Department|Position|PositionClause)\./.test(a))).to.equal(
      true,
    );
    expect((await Position.count()) > 0).to.equal(true);
  });
});
