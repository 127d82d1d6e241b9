// 月度报事统计 against figures worked out by hand on a small known set across the October/November 2019 boundary in
// Shanghai time, against plain counts over every ticket of the run, and through GET /api/reports/monthlyTickets and
// the 简报 print page as the positions the rules name (and those they do not).
import { expect } from 'chai';
import { Op, type CreationAttributes } from 'sequelize';
import {
  AuditLog,
  Bill,
  ReturnVisit,
  Ticket,
  WorkOrder,
  type Department,
  type Staff,
  type Unit,
} from '../../../src/models/index.js';
import { monthlyTickets } from '../../../src/domain/reports/monthly-tickets.js';
import { periodBounds, currentPeriod } from '../../../src/domain/reports/period.js';
import type { ReportResult, ReportSection } from '../../../src/domain/reports/report.js';
import { smallEstate, type SmallEstate } from '../../support/estate.js';
import { department, staff, TEST_PASSWORD } from '../../support/factories.js';
import { send, signedInClient } from '../../support/http.js';

const section = (result: ReportResult, key: string): ReportSection => result.sections!.find((s) => s.key === key)!;
const headline = (result: ReportResult, key: string) => result.headlines!.find((h) => h.key === key)!;
const at = (iso: string) => new Date(iso);

describe('月度报事统计 (Report.monthlyTickets)', function () {
  this.timeout(60_000);
  // November 2019 in Shanghai is 2019-10-31T16:00Z to 2019-11-30T16:00Z; no other test reports tickets then.
  const P = '2019-11';
  let estate: SmallEstate;
  let d1: Department;
  let d2: Department;
  let clerk: Staff;
  let result: ReportResult;
  const tickets: Record<string, Ticket> = {};

  async function make(
    key: string,
    unit: Unit,
    fields: Partial<CreationAttributes<Ticket>> & Pick<CreationAttributes<Ticket>, 'reportedAt' | 'dueAt'>,
  ) {
    tickets[key] = await Ticket.create({
      channel: 'phone',
      category: 'repair',
      title: `测试报事${key}`,
      reporterName: '王建国',
      unitId: unit.id,
      ownerId: unit.ownerId,
      departmentId: d1.id,
      registeredById: clerk.id,
      ...fields,
    } as CreationAttributes<Ticket>);
  }

  async function order(t: Ticket, fields: Partial<CreationAttributes<WorkOrder>> & { dispatchedAt: Date }) {
    return WorkOrder.create({
      ticketId: t.id,
      departmentId: t.departmentId,
      dispatchedById: clerk.id,
      dueAt: t.dueAt,
      status: 'done',
      ...fields,
    } as CreationAttributes<WorkOrder>);
  }

  before(async () => {
    estate = await smallEstate(3);
    const [u0, u1, u2] = estate.units;
    const tag = Date.now().toString(36);
    d1 = await department(`报表一部${tag}`);
    d2 = await department(`报表二部${tag}`);
    clerk = await staff('receptionist');
    const visitor = await staff('coordinator');
    const checker = await staff('receptionist');

    // Reported 00:30 on 1 November in Shanghai: November's. Done in 12 h, before it was due.
    await make('T1', u0, {
      reportedAt: at('2019-10-31T16:30:00Z'),
      dueAt: at('2019-11-01T16:30:00Z'),
      dispatchedAt: at('2019-10-31T17:00:00Z'),
      completedAt: at('2019-11-01T04:30:00Z'),
      status: 'completed',
      result: '已修好',
    });
    // Reported 23:30 on 31 October in Shanghai: October's (last month's figures).
    await make('T2', u1, {
      reportedAt: at('2019-10-31T15:30:00Z'),
      dueAt: at('2019-11-01T15:30:00Z'),
      dispatchedAt: at('2019-10-31T16:00:00Z'),
      completedAt: at('2019-11-01T01:30:00Z'),
      status: 'completed',
      result: '已修好',
    });
    // A complaint by visit, done 48 h after it was reported, a day late.
    await make('T3', u2, {
      channel: 'visit',
      category: 'complaint',
      departmentId: d2.id,
      reportedAt: at('2019-11-10T02:00:00Z'),
      dueAt: at('2019-11-11T02:00:00Z'),
      dispatchedAt: at('2019-11-10T03:00:00Z'),
      completedAt: at('2019-11-12T02:00:00Z'),
      visitedAt: at('2019-11-13T02:00:00Z'),
      satisfaction: 2,
      status: 'visited',
      result: '已处理',
    });
    // Still open at the end of the month, due on the 21st: overdue, 9.6 days by 1 December 00:00 Shanghai.
    await make('T4', u0, {
      reportedAt: at('2019-11-20T02:00:00Z'),
      dueAt: at('2019-11-21T02:00:00Z'),
      dispatchedAt: at('2019-11-20T03:00:00Z'),
      status: 'dispatched',
    });
    // Cancelled before it was due: neither done nor overdue.
    await make('T5', u1, {
      category: 'inquiry',
      departmentId: d2.id,
      reportedAt: at('2019-11-25T02:00:00Z'),
      dueAt: at('2019-11-26T02:00:00Z'),
      cancelledAt: at('2019-11-25T05:00:00Z'),
      cancelReason: '业主撤回',
      status: 'cancelled',
    });
    // Done in December, due in December: in November neither done nor overdue.
    await make('T6', u2, {
      channel: 'letter',
      reportedAt: at('2019-11-28T02:00:00Z'),
      dueAt: at('2019-12-05T02:00:00Z'),
      dispatchedAt: at('2019-11-28T03:00:00Z'),
      completedAt: at('2019-12-01T02:00:00Z'),
      status: 'completed',
      result: '已修好',
    });
    // Due on 30 November, done in December: overdue at the end of November by 14 h (0.6 days).
    await make('T7', u0, {
      channel: 'online',
      category: 'suggestion',
      departmentId: d2.id,
      reportedAt: at('2019-11-29T02:00:00Z'),
      dueAt: at('2019-11-30T02:00:00Z'),
      dispatchedAt: at('2019-11-29T03:00:00Z'),
      completedAt: at('2019-12-02T02:00:00Z'),
      status: 'completed',
      result: '已答复',
    });

    // Dispatches made in November: T2's at 00:00 on 1 November Shanghai counts; T4's first went to 二部, was reassigned.
    const paidOrder = await order(tickets.T1, {
      dispatchedAt: at('2019-10-31T17:00:00Z'),
      completedAt: at('2019-11-01T04:30:00Z'),
      isPaidService: true,
      feeAmount: 5_000,
    });
    await order(tickets.T2, { dispatchedAt: at('2019-10-31T16:00:00Z'), completedAt: at('2019-11-01T01:30:00Z') });
    await order(tickets.T3, { dispatchedAt: at('2019-11-10T03:00:00Z'), completedAt: at('2019-11-12T02:00:00Z') });
    await order(tickets.T4, { departmentId: d2.id, dispatchedAt: at('2019-11-20T03:00:00Z'), status: 'reassigned' });
    await order(tickets.T4, { dispatchedAt: at('2019-11-20T05:00:00Z'), status: 'open' });
    await order(tickets.T6, { dispatchedAt: at('2019-11-28T03:00:00Z'), completedAt: at('2019-12-01T02:00:00Z') });
    await order(tickets.T7, { dispatchedAt: at('2019-11-29T03:00:00Z'), completedAt: at('2019-12-02T02:00:00Z') });
    await Bill.create({
      unitId: u0.id,
      ownerId: u0.ownerId,
      period: P,
      feeKind: 'service',
      description: '有偿服务（测试）',
      amount: 5_000,
      paidAmount: 2_000,
      status: 'partial',
      dueDate: '2019-11-15',
      workOrderId: paidOrder.id,
    });
    // Two urgings of T4 in November, one in December.
    for (const when of ['2019-11-22T02:00:00Z', '2019-11-23T02:00:00Z', '2019-12-01T02:00:00Z'])
      await AuditLog.create({
        staffId: clerk.id,
        action: 'Ticket.urge',
        resource: 'Ticket',
        recordId: String(tickets.T4.id),
        note: '督促',
        createdAt: at(when),
      } as CreationAttributes<AuditLog>);

    // Return visits made in November (T2's at 23:59 on 30 November Shanghai counts), not the one at 00:00 on 1 December.
    const t3visit = await ReturnVisit.create({
      ticketId: tickets.T3.id,
      visitorId: visitor.id,
      visitedAt: at('2019-11-13T02:00:00Z'),
      method: 'phone',
      satisfaction: 2,
      feedback: '处理太慢',
    });
    await ReturnVisit.create({
      ticketId: tickets.T1.id,
      visitorId: visitor.id,
      visitedAt: at('2019-11-05T02:00:00Z'),
      method: 'phone',
      satisfaction: 5,
    });
    await ReturnVisit.create({
      ticketId: tickets.T2.id,
      visitorId: visitor.id,
      visitedAt: at('2019-11-30T15:59:00Z'),
      method: 'visit',
      satisfaction: 4,
    });
    await ReturnVisit.create({
      ticketId: tickets.T6.id,
      visitorId: visitor.id,
      visitedAt: at('2019-11-30T16:00:00Z'),
      method: 'phone',
      satisfaction: 1,
    });
    // A spot check is not a return visit of the month's satisfaction.
    await ReturnVisit.create({
      ticketId: tickets.T3.id,
      visitorId: checker.id,
      visitedAt: at('2019-11-14T02:00:00Z'),
      method: 'phone',
      satisfaction: 1,
      isSpotCheck: true,
      spotCheckOfId: t3visit.id,
      finding: '维修人员未回电',
    });

    result = await monthlyTickets({ period: P, communityId: estate.community.id });
  });

  it('counts the tickets reported in the Shanghai month, the one at 00:30 on 1 November in and 23:30 on 31 October out', () => {
    expect(result.totals.tickets).to.equal(6);
    expect(headline(result, 'tickets')).to.include({ value: 6, previous: 1 });
  });

  it('completed, on time, overdue and the average handling time as they stood at the end of the month', () => {
    expect(result.totals).to.include({ completed: 2, onTime: 1, overdue: 3, averageHours: 30, onTimeRate: 0.5 });
    // October's one ticket was done at 09:30 on 1 November: not done by the end of October, and not yet due then.
    expect(headline(result, 'completed')).to.include({ value: 2, previous: 0 });
    expect(headline(result, 'onTimeRate')).to.include({ value: 0.5, previous: 0 });
    expect(headline(result, 'overdue')).to.include({ value: 3, previous: 0 });
    expect(headline(result, 'averageHours')).to.include({ value: 30, previous: null });
  });

  it('the main table by category, with shares of the month', () => {
    expect(result.rows).to.deep.equal([
      { category: '维修', tickets: 3, completed: 1, onTime: 1, overdue: 1, averageHours: 12, share: 0.5 },
      { category: '投诉', tickets: 1, completed: 1, onTime: 0, overdue: 1, averageHours: 48, share: 1 / 6 },
      { category: '咨询', tickets: 1, completed: 0, onTime: 0, overdue: 0, averageHours: null, share: 1 / 6 },
      { category: '建议', tickets: 1, completed: 0, onTime: 0, overdue: 1, averageHours: null, share: 1 / 6 },
    ]);
  });

  it('by channel, by handling department and by current state', () => {
    const channels = Object.fromEntries(section(result, 'channels').rows.map((r) => [r.channel, r.tickets]));
    expect(channels).to.deep.equal({ 电话: 3, 来访: 1, 信函: 1, 网上: 1 });
    expect(section(result, 'departments').rows).to.have.deep.members([
      {
        department: d1.name,
        tickets: 3,
        dispatched: 3,
        completed: 1,
        onTimeRate: 1,
        overdue: 1,
        averageHours: 12,
      },
      {
        department: d2.name,
        tickets: 3,
        dispatched: 2,
        completed: 1,
        onTimeRate: 0,
        overdue: 2,
        averageHours: 48,
      },
    ]);
    const states = Object.fromEntries(section(result, 'statuses').rows.map((r) => [r.status, r.tickets]));
    expect(states).to.deep.equal({
      已登记: 0,
      已派工: 1,
      已完成: 3,
      已回访: 1,
      主管已审核: 0,
      已归档: 0,
      已取消: 1,
    });
  });

  it('dispatches of the month per department, with reassignments, urgings and paid services', () => {
    const rows = Object.fromEntries(section(result, 'dispatches').rows.map((r) => [r.department, r]));
    expect(rows[d1.name]).to.include({ orders: 4, reassigned: 0, urged: 2, paid: 1 });
    expect(rows[d2.name]).to.include({ orders: 3, reassigned: 1, urged: 0, paid: 0 });
    expect(section(result, 'dispatches').totals).to.include({ orders: 7, reassigned: 1, urged: 2, paid: 1 });
  });

  it('the return visits made in the month, without spot checks: distribution and satisfaction rate', () => {
    const visits = Object.fromEntries(section(result, 'returnVisits').rows.map((r) => [r.satisfaction, r.visits]));
    expect(visits).to.deep.equal({ '5 非常满意': 1, '4 满意': 1, '3 一般': 0, '2 不满意': 1, '1 非常不满意': 0 });
    expect(section(result, 'returnVisits').totals!.visits).to.equal(3);
    expect(headline(result, 'satisfactionRate')).to.include({ value: 2 / 3, previous: null });
  });

  it('有偿服务收费统计表: paid services completed in the month, their fees and what was collected', () => {
    expect(section(result, 'paidServices').rows).to.deep.equal([
      { department: d1.name, orders: 1, fees: 5_000, collected: 2_000, outstanding: 3_000 },
    ]);
  });

  it('lists the overdue tickets, the earliest due first, with days overdue', () => {
    expect(
      section(result, 'overdue').rows.map((r) => [r.number, r.department, r.due, r.daysOverdue, r.state]),
    ).to.deep.equal([
      [tickets.T3.number, d2.name, '2019-11-11', 1, '逾期完成'],
      [tickets.T4.number, d1.name, '2019-11-21', 9.6, '月末未完成'],
      [tickets.T7.number, d2.name, '2019-11-30', 0.6, '月末未完成'],
    ]);
    expect(section(result, 'overdue').note).to.equal('共 3 单逾期。');
  });

  it('charts: tickets per day of the month beside last month, by category and by department', () => {
    const [daily, byCategory, byDepartment] = result.charts!;
    expect(daily.labels).to.have.length(30);
    expect(daily.series[0].values[0]).to.equal(1); // T1 on 1 November
    expect(daily.series[0].values.reduce((a, b) => a! + b!, 0)).to.equal(6);
    expect(daily.series[1].values[30 - 1]).to.equal(0);
    expect(byCategory.labels).to.deep.equal(['维修', '投诉', '咨询', '建议']);
    expect(byDepartment.series[0].values).to.deep.equal([3, 3]);
  });

  it('a department filter keeps that department’s tickets', async () => {
    const d2only = await monthlyTickets({ period: P, communityId: estate.community.id, departmentId: d2.id });
    expect(d2only.totals).to.include({ tickets: 3, completed: 1, overdue: 2 });
  });

  it('over every ticket of the run, the month’s totals equal plain counts', async () => {
    for (const period of [P, currentPeriod()]) {
      const { start, end } = periodBounds(period);
      const whole = await monthlyTickets({ period });
      const reported = await Ticket.count({ where: { reportedAt: { [Op.gte]: start, [Op.lt]: end } } });
      const completed = await Ticket.count({
        where: { reportedAt: { [Op.gte]: start, [Op.lt]: end }, completedAt: { [Op.lt]: end } },
      });
      expect(whole.totals.tickets, period).to.equal(reported);
      expect(whole.totals.completed, period).to.equal(completed);
      const byState = section(whole, 'statuses').rows.reduce((a, r) => a + Number(r.tickets), 0);
      expect(byState, period).to.equal(reported);
    }
  });

  describe('GET /api/reports/monthlyTickets and the 简报', () => {
    const url = `/api/reports/monthlyTickets?period=${P}`;

    it('接待员 may read it: the totals carry the month’s tickets', async () => {
      const reception = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
      const { status, body } = await reception.json('GET', `${url}&communityId=${estate.community.id}`);
      expect(status).to.equal(200);
      expect(body.totals.tickets).to.equal(6);
      expect(body.rows).to.have.length(4);
      expect(body.links.map((l: { label: string }) => l.label)).to.include('简报');
    });

    it('收费员 may not read it (403, nothing answered), nor anyone without a session (401)', async () => {
      const cashier = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
      const refused = await cashier.json('GET', url);
      expect(refused.status).to.equal(403);
      expect(refused.body.totals).to.equal(undefined);
      expect((await send(null, 'GET', url)).status).to.equal(401);
    });

    const brief = `/admin/print/Report/monthlyTickets/brief?period=${P}`;

    it('助理 may print the 简报: one A4 page with this month’s and last month’s figures and the overdue tickets', async () => {
      const assistant = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
      const response = await assistant.get(`${brief}&communityId=${estate.community.id}`);
      const text = await response.text();
      expect(response.status).to.equal(200);
      expect(text).to.include('2019年11月报事简报').and.include(estate.community.name);
      expect(text).to.include('paper-a4-portrait');
      expect(text).to.match(/报事数\s*<\/td>\s*<td[^>]*>\s*6\s*<\/td>\s*<td[^>]*>\s*1\s*</);
      expect(text).to.include('50.0%'); // on-time completion rate
      expect(text).to.include(tickets.T4.number).and.include('逾期报事（共 3 单）');
    });

    it('车库管理员 may not print the 简报 (403 with the reason), nor anyone without a session (401)', async () => {
      const garage = await signedInClient((await staff('garage_keeper')).email, TEST_PASSWORD);
      const refused = await garage.get(brief);
      expect(refused.status).to.equal(403);
      expect(await refused.text())
        .to.include('没有权限')
        .and.not.include('报事简报</h1>');
      expect((await send(null, 'GET', brief)).status).to.equal(401);
    });

    it('a period that is not a month is refused in words', async () => {
      const reception = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
      const response = await reception.get('/admin/print/Report/monthlyTickets/brief?period=2019-13');
      expect(response.status).to.equal(400);
      expect(await response.text()).to.include('统计期间');
    });
  });
});
