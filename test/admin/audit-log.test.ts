// 操作日志 (SECURITY.md rule 7): every change made through the admin leaves exactly one line — who, which action,
// which record, the changed fields — and a refused one leaves none. Staff accounts, departments, positions and their
// clauses, ticket registration and the workflow steps, each through the admin API as the UI sends them.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { AuditLog, Department, Position, PositionClause, Staff, Ticket } from '../../src/models/index.js';
import { department, position, staff, TEST_PASSWORD } from '../support/factories.js';
import { signedInClient, type Client } from '../support/http.js';
import { smallEstate } from '../support/estate.js';
import { heldDeposit, renovationApplication, ticket } from '../support/records.js';
import { Notice, Owner } from '../../src/models/index.js';

type Form = Record<string, string | number | boolean>;

async function as(code: string): Promise<{ client: Client; member: Staff }> {
  const member = await staff(code);
  return { client: await signedInClient(member.email, TEST_PASSWORD), member };
}

/** The audit lines written since `since` for this action (and record, when given). */
async function linesSince(since: number, action: string, recordId?: string | number) {
  return AuditLog.findAll({
    where: {
      id: { [Op.gt]: since },
      action,
      ...(recordId === undefined ? {} : { recordId: String(recordId) }),
    },
  });
}

let tag = 0;
const unique = () => `${Date.now().toString(36)}${++tag}`;

const lastId = async () => ((await AuditLog.max('id')) as number | null) ?? 0;

function expectOneLine(lines: AuditLog[], member: Staff, fields: string[]) {
  expect(lines, JSON.stringify(lines.map((l) => l.toJSON()))).to.have.length(1);
  const [line] = lines;
  expect(line.staffId).to.equal(member.id);
  expect(line.recordId).to.be.a('string').and.not.equal('');
  for (const field of fields) expect(line.changes, `${line.action} changes ${field}`).to.have.property(field);
}

describe('操作日志: one line per change made through the admin, none for a refusal', () => {
  it('系统管理员 creating a staff account leaves one Staff.new line naming the account and its fields, the password only as changed', async () => {
    const { client, member } = await as('system_admin');
    const pos = await position('technician');
    const since = await lastId();
    const email = `audit${unique()}@test.local`;
    const { body } = await client.create('Staff', {
      name: '审计新员工',
      email,
      password: 'Abcdef-2026-xyz',
      proposedPositionId: pos.id,
      enabled: true,
    });
    expect(body.notice?.type, JSON.stringify(body).slice(0, 400)).to.equal('success');
    const row = await Staff.findOne({ where: { email } });
    const lines = await linesSince(since, 'Staff.new', row!.id);
    expectOneLine(lines, member, ['name', 'email', 'passwordHash']);
    expect(lines[0].changes.passwordHash).to.deep.equal([null, '（已修改）']);
    expect(JSON.stringify(lines[0].changes)).to.not.include(row!.passwordHash);
  });

  it('客户接待员 may not create a staff account: no line', async () => {
    const { client } = await as('receptionist');
    const since = await lastId();
    await client.create('Staff', { name: '不许', email: `no${unique()}@test.local`, password: 'Abcdef-2026-xyz' });
    expect(await linesSince(since, 'Staff.new')).to.have.length(0);
  });

  it('系统管理员 editing a staff account leaves one Staff.edit line with the changed field', async () => {
    const { client, member } = await as('system_admin');
    const target = await staff('receptionist');
    const since = await lastId();
    const { body } = await client.edit('Staff', target.id, { name: '改了名字', phone: '13912345678' });
    expect(body.notice?.type, JSON.stringify(body).slice(0, 400)).to.equal('success');
    const lines = await linesSince(since, 'Staff.edit', target.id);
    expectOneLine(lines, member, ['name', 'phone']);
    expect(lines[0].changes.name).to.deep.equal([target.name, '改了名字']);
  });

  it('系统管理员 creating and editing a department leaves one line each', async () => {
    const { client, member } = await as('system_admin');
    let since = await lastId();
    const name = `审计部${unique()}`;
    const made = await client.create('Department', { name, description: '新部门' });
    expect(made.body.notice?.type, JSON.stringify(made.body).slice(0, 400)).to.equal('success');
    const row = await Department.findOne({ where: { name } });
    expectOneLine(await linesSince(since, 'Department.new', row!.id), member, ['name']);
    since = await lastId();
    const edited = await client.edit('Department', row!.id, { description: '改过的说明' });
    expect(edited.body.notice?.type).to.equal('success');
    expectOneLine(await linesSince(since, 'Department.edit', row!.id), member, ['description']);
  });

  it('客户服务助理 may not edit a department: no line', async () => {
    const { client } = await as('assistant');
    const dept = await department('保洁部');
    const since = await lastId();
    await client.edit('Department', dept.id, { description: '不许改' });
    expect(await linesSince(since, 'Department.edit')).to.have.length(0);
  });

  it('系统管理员 editing a position and a clause leaves one line each with the changed field', async () => {
    const { client, member } = await as('system_admin');
    const pos = await Position.create({ name: `审计岗位${unique()}`, code: `audit_${unique()}`, source: 'test' });
    let since = await lastId();
    const edited = await client.edit('Position', pos.id, { grade: '三级', supervisorText: '管理处主任' });
    expect(edited.body.notice?.type, JSON.stringify(edited.body).slice(0, 400)).to.equal('success');
    expectOneLine(await linesSince(since, 'Position.edit', pos.id), member, ['grade', 'supervisorText']);
    const clause = await PositionClause.create({ positionId: pos.id, kind: 'duty', number: 1, text: '原文' });
    since = await lastId();
    const changed = await client.edit('PositionClause', clause.id, { text: '改过的条款原文' });
    expect(changed.body.notice?.type, JSON.stringify(changed.body).slice(0, 400)).to.equal('success');
    expectOneLine(await linesSince(since, 'PositionClause.edit', clause.id), member, ['text']);
  });

  it('客户接待员 may not edit a position: no line', async () => {
    const { client } = await as('receptionist');
    const pos = await Position.create({ name: `审计岗位${unique()}`, code: `audit_${unique()}`, source: 'test' });
    const since = await lastId();
    await client.edit('Position', pos.id, { grade: '不许' });
    expect(await linesSince(since, 'Position.edit')).to.have.length(0);
  });

  it('客户接待员 registering a ticket leaves one Ticket.new line with its fields', async () => {
    const { client, member } = await as('receptionist');
    const { units } = await smallEstate(1);
    const engineering = await department('工程部');
    const since = await lastId();
    const title = `审计报事${unique()}`;
    const form: Form = {
      channel: 'phone',
      category: 'repair',
      title,
      reporterName: '李四',
      reporterPhone: '13700137000',
      unitId: units[0].id,
      departmentId: engineering.id,
    };
    const { body } = await client.create('Ticket', form);
    expect(body.notice?.type, JSON.stringify(body).slice(0, 400)).to.equal('success');
    const row = await Ticket.findOne({ where: { title } });
    expectOneLine(await linesSince(since, 'Ticket.new', row!.id), member, ['title', 'reporterName', 'status']);
  });

  it('车库管理员 may not register a ticket: no line', async () => {
    const { client } = await as('garage_keeper');
    const since = await lastId();
    await client.create('Ticket', {
      channel: 'phone',
      category: 'repair',
      title: `不许${unique()}`,
      reporterName: '李四',
    });
    expect(await linesSince(since, 'Ticket.new')).to.have.length(0);
  });
});

describe('决策日志 and 操作日志 screens in words', () => {
  it('an audit line shows its action, resource and record by name and its changes as field → before → after in words', async () => {
    const it = await as('system_admin');
    const director = await as('director');
    const target = await staff('receptionist');
    const engineering = await department('工程部');
    await it.client.edit('Staff', target.id, {
      name: '改名的接待员',
      departmentId: engineering.id,
      password: 'Newpass-2026-abc',
    });
    const line = (await AuditLog.findOne({
      where: { action: 'Staff.edit', recordId: String(target.id) },
      order: [['id', 'DESC']],
    }))!;
    const { body } = await director.client.show('AuditLog', line.id);
    const params = body.record.params;
    expect(params.action).to.equal('编辑员工');
    expect(params.resource).to.equal('员工');
    expect(params.record).to.include('改名的接待员');
    expect(params.recordLink).to.equal(`/admin/resources/Staff/records/${target.id}/show`);
    const rows = JSON.parse(params.changes) as { field: string; before: string; after: string }[];
    const byField = Object.fromEntries(rows.map((row) => [row.field, row]));
    expect(byField['姓名']).to.include({ before: target.name, after: '改名的接待员' });
    expect(byField['密码']).to.include({ after: '（已修改）' });
    expect(byField['所属部门'] ?? byField['部门']).to.include({ after: '工程部' });
    // Codes only in 技术信息.
    const technical = JSON.parse(params.technical);
    expect(technical).to.include({ 操作代码: 'Staff.edit', 资源代码: 'Staff', 记录编号: String(target.id) });
    const words = JSON.stringify({ ...params, technical: undefined });
    expect(words).to.not.match(/Staff\.edit|passwordHash|departmentId/);
  });

  it('a workflow step reads its states in Chinese and its times in Shanghai', async () => {
    const { client: reception } = await as('receptionist');
    const director = await as('director');
    const { units } = await smallEstate(1);
    const engineering = await department('工程部');
    const made = await reception.create('Ticket', {
      channel: 'phone',
      category: 'repair',
      title: `状态词${unique()}`,
      reporterName: '王五',
      unitId: units[0].id,
      departmentId: engineering.id,
    });
    const id = made.body.record.id;
    const cancelled = await reception.act('Ticket', id, 'cancel', { cancelReason: '业主已自行处理' });
    expect(cancelled.body.notice?.type, JSON.stringify(cancelled.body).slice(0, 300)).to.equal('success');
    const line = (await AuditLog.findOne({ where: { action: 'Ticket.cancel', recordId: String(id) } }))!;
    const { body } = await director.client.show('AuditLog', line.id);
    const rows = JSON.parse(body.record.params.changes) as { field: string; before: string; after: string }[];
    const status = rows.find((row) => row.before === '已登记');
    expect(status, JSON.stringify(rows)).to.include({ after: '已取消' });
    const when = rows.find((row) => row.after.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/));
    expect(when, JSON.stringify(rows)).to.not.equal(undefined);
    expect(body.record.params.action).to.equal('取消（报事单）');
  });

  it('the 操作 and 资源 filters offer Chinese choices and match the chosen code exactly', async () => {
    const director = await as('director');
    const shown = await director.client.json('GET', '/admin/api/resources/AuditLog/actions/list');
    expect(shown.status).to.equal(200);
    const list = await director.client.list('AuditLog', { action: 'Staff.edit' });
    expect(list.records.length).to.be.greaterThan(0);
    for (const record of list.records) expect(record.params.action).to.equal('编辑员工');
    const bills = await director.client.list('AuditLog', { resource: 'Bill' });
    for (const record of bills.records) expect(record.params.resource).to.equal('账单');
    const decisions = await director.client.list('DecisionLog', { action: 'AuditLog.list' });
    expect(decisions.records.length).to.be.greaterThan(0);
    for (const record of decisions.records) {
      expect(record.params.action).to.equal('查看操作日志列表');
      expect(record.params.resource).to.equal('操作日志');
    }
  });

  it('客户接待员 may not read the 操作日志', async () => {
    const { client } = await as('receptionist');
    const list = await client.list('AuditLog');
    expect(list.records ?? []).to.have.length(0);
  });
});

/**
 * Every workflow step through its form (the admin API): the position that may leaves exactly one line — who, the
 * action, the record, the fields it changed; another position is refused and leaves none.
 */
interface StepCase {
  action: string;
  make: () => Promise<{ id: number }>;
  /** The one who may: a position code, or a member made for the case (a department's supervisor). */
  may: string | (() => Promise<Staff>);
  mayNot: string;
  form?: Form;
  fields: string[];
  /** What the line's note says, for a step that changes no field of the record (督促). */
  note?: string;
}

const engineeringSupervisor = async () => staff('engineering_supervisor', { supervises: await department('工程部') });
const draftNotice = async () =>
  Notice.create({
    title: `停水通知${unique()}`,
    content: '3栋停水检修',
    authorId: (await staff('receptionist')).id,
    status: 'draft',
  } as never);

const STEPS: StepCase[] = [
  {
    action: 'Ticket.dispatch',
    make: () => ticket('reported'),
    may: 'receptionist',
    mayNot: 'garage_keeper',
    form: { dueAt: '2099-01-05 17:00' },
    fields: ['status', 'dispatchedAt'],
  },
  {
    action: 'Ticket.urge',
    make: () => ticket('dispatched'),
    may: 'coordinator',
    mayNot: 'cashier',
    form: { note: '请今天上门' },
    fields: [],
    note: '请今天上门',
  },
  {
    action: 'Ticket.complete',
    make: () => ticket('dispatched'),
    may: 'technician',
    mayNot: 'receptionist',
    form: { result: '已更换角阀' },
    fields: ['status', 'completedAt', 'result'],
  },
  {
    action: 'Ticket.returnVisit',
    make: () => ticket('completed'),
    may: 'receptionist',
    mayNot: 'cashier',
    form: { method: 'phone', satisfaction: '5' },
    fields: ['status', 'visitedAt', 'satisfaction'],
  },
  {
    action: 'Ticket.supervisorApprove',
    make: () => ticket('visited'),
    may: engineeringSupervisor,
    mayNot: 'receptionist',
    fields: ['status', 'approvedAt'],
  },
  {
    action: 'Ticket.archive',
    make: () => ticket('approved'),
    may: 'assistant',
    mayNot: 'cashier',
    fields: ['status', 'archivedAt'],
  },
  {
    action: 'Ticket.cancel',
    make: () => ticket('reported'),
    may: 'receptionist',
    mayNot: 'cashier',
    form: { cancelReason: '业主已自行处理' },
    fields: ['status', 'cancelReason'],
  },
  {
    action: 'Notice.publish',
    make: draftNotice,
    may: 'receptionist',
    mayNot: 'cashier',
    fields: ['status', 'publishedAt'],
  },
  {
    action: 'Owner.review',
    make: () => Owner.create({ name: `业主${unique()}`.slice(0, 40), phone: '13900139001' } as never),
    may: 'coordinator',
    mayNot: 'cashier',
    form: { note: '电话核对无误' },
    fields: ['lastReviewedOn'],
  },
  {
    action: 'RenovationApplication.review',
    make: () => renovationApplication('submitted'),
    may: engineeringSupervisor,
    mayNot: 'receptionist',
    form: { reviewOpinion: '同意施工' },
    fields: ['status', 'reviewOpinion'],
  },
  {
    action: 'RenovationApplication.approve',
    make: () => renovationApplication('reviewed'),
    may: 'assistant',
    mayNot: 'receptionist',
    form: { decisionNote: '同意' },
    fields: ['status', 'decidedAt'],
  },
  {
    action: 'RenovationDeposit.refund',
    make: () => heldDeposit({ inspection: 'passed' }),
    may: 'cashier',
    mayNot: 'receptionist',
    form: { method: 'cash' },
    fields: ['status'],
  },
  {
    action: 'Staff.lock',
    make: () => staff('receptionist'),
    may: 'system_admin',
    mayNot: 'director',
    form: { lockReason: '离职交接' },
    fields: ['lockedAt', 'lockReason'],
  },
];

describe('操作日志: every workflow step leaves one line, a refused step none', () => {
  for (const step of STEPS) {
    const [resource, name] = step.action.split('.');
    const who = typeof step.may === 'string' ? step.may : 'the supervisor';

    it(`${step.action}: ${who} leaves one line with who, the record and ${step.fields.join(', ') || 'its note'}`, async () => {
      const row = await step.make();
      const member = typeof step.may === 'string' ? await staff(step.may) : await step.may();
      const client = await signedInClient(member.email, TEST_PASSWORD);
      const since = await lastId();
      const { body } = await client.act(resource, row.id, name, step.form ?? {});
      expect(body.notice?.type, JSON.stringify(body).slice(0, 400)).to.equal('success');
      const lines = await linesSince(since, step.action, row.id);
      expectOneLine(lines, member, step.fields);
      if (step.note) expect(lines[0].note).to.include(step.note);
    });

    it(`${step.action}: ${step.mayNot} is refused and leaves no line`, async () => {
      const row = await step.make();
      const { client } = await as(step.mayNot);
      const since = await lastId();
      const { body } = await client.act(resource, row.id, name, step.form ?? {});
      expect(body.record?.baseError?.type, JSON.stringify(body).slice(0, 300)).to.equal('ForbiddenError');
      expect(await linesSince(since, step.action, row.id)).to.have.length(0);
    });
  }
});
