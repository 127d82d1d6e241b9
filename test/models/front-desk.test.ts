import { expect } from 'chai';
import { Op, type CreationAttributes } from 'sequelize';
import {
  Correspondence,
  Department,
  Notice,
  ReturnVisit,
  Staff,
  Ticket,
  WorkOrder,
  CORRESPONDENCE_KINDS,
  NOTICE_STATUSES,
  TICKET_STATUSES,
  isTicketOverdue,
  overdueTicketWhere,
} from '../../src/models/index.js';
import type { DemoContext } from '../../src/seed/demo/context.js';
import { Rng } from '../../src/seed/demo/fake.js';
import { seedFrontDeskDemo, TICKETS_PER_SCALE } from '../../src/seed/demo/front-desk.js';
import { seedPropertyDemo } from '../../src/seed/demo/property.js';
import { demoAccounts, demoContext } from '../support/demo.js';
import { department, staff } from '../support/factories.js';
import { expectNothingWritten, expectRefused } from '../support/refusals.js';

const HOUR = 3_600_000;

describe('front-desk models', () => {
  let engineering: Department;
  let clerk: Staff;

  before(async () => {
    engineering = await department('工程部');
    clerk = await staff('receptionist');
  });

  const ticket = (over: Partial<CreationAttributes<Ticket>> = {}): CreationAttributes<Ticket> => ({
    channel: 'phone',
    category: 'repair',
    title: '卫生间天花板漏水',
    reporterName: '王建国',
    reporterPhone: '13800138000',
    departmentId: engineering.id,
    registeredById: clerk.id,
    ...over,
  });

  describe('Ticket', () => {
    it('fills in a daily ticket number and a due time from the category', async () => {
      const reportedAt = new Date('2025-03-04T02:30:00Z');
      const first = await Ticket.create(ticket({ reportedAt }));
      const second = await Ticket.create(
        ticket({ reportedAt: new Date('2025-03-04T09:00:00Z'), category: 'complaint' }),
      );
      expect(first.number).to.equal('BS20250304-0001');
      expect(second.number).to.equal('BS20250304-0002');
      expect(first.status).to.equal('reported');
      expect(new Date(first.dueAt).getTime() - reportedAt.getTime()).to.equal(24 * HOUR);
      expect(new Date(second.dueAt).getTime() - new Date('2025-03-04T09:00:00Z').getTime()).to.equal(48 * HOUR);
    });

    it('refuses an unknown status in Chinese and writes nothing', async () => {
      await expectNothingWritten(Ticket, '状态不正确', () => Ticket.create(ticket({ status: 'closed' as 'reported' })));
    });

    it('refuses a satisfaction of 6', async () => {
      await expectNothingWritten(Ticket, '满意度必须是 1 到 5 的整数', () =>
        Ticket.create(ticket({ satisfaction: 6 })),
      );
    });

    it('refuses a malformed reporter phone', async () => {
      await expectNothingWritten(Ticket, '联系电话格式不正确', () =>
        Ticket.create(ticket({ reporterPhone: '138-abc' })),
      );
    });

    it('refuses a ticket without a title, a department or a registrar', async () => {
      await expectNothingWritten(Ticket, '报事内容不能为空', () =>
        Ticket.create(ticket({ title: undefined as unknown as string })),
      );
      await expectNothingWritten(Ticket, '处理部门不能为空', () =>
        Ticket.create(ticket({ departmentId: undefined as unknown as number })),
      );
      await expectNothingWritten(Ticket, '登记人不能为空', () =>
        Ticket.create(ticket({ registeredById: undefined as unknown as number })),
      );
    });

    it('refuses dates out of order', async () => {
      const reportedAt = new Date('2025-05-01T02:00:00Z');
      await expectNothingWritten(Ticket, '要求完成时间不能早于报事时间', () =>
        Ticket.create(ticket({ reportedAt, dueAt: new Date(reportedAt.getTime() - HOUR) })),
      );
      await expectNothingWritten(Ticket, '完成时间不能早于派工时间', () =>
        Ticket.create(
          ticket({
            reportedAt,
            status: 'completed',
            dispatchedAt: new Date(reportedAt.getTime() + 2 * HOUR),
            completedAt: new Date(reportedAt.getTime() + HOUR),
          }),
        ),
      );
    });

    it('checks an edit of a few fields against the stored row, as the admin edit form saves it', async () => {
      const reportedAt = new Date('2025-06-01T02:00:00Z');
      const row = await Ticket.create(ticket({ reportedAt }));
      // Model.update validates a build of only the changed values; the stored reportedAt must be the one compared.
      await Ticket.update(
        { dueAt: new Date(reportedAt.getTime() + 3 * HOUR) },
        { where: { id: row.id }, individualHooks: true },
      );
      expect(new Date((await row.reload()).dueAt).getTime()).to.equal(reportedAt.getTime() + 3 * HOUR);
      await expectRefused(
        () =>
          Ticket.update(
            { dueAt: new Date(reportedAt.getTime() - HOUR) },
            { where: { id: row.id }, individualHooks: true },
          ),
        '要求完成时间不能早于报事时间',
      );
      expect(new Date((await row.reload()).dueAt).getTime()).to.equal(reportedAt.getTime() + 3 * HOUR);
    });

    it('is overdue only while open and past its due time', async () => {
      const now = new Date('2025-07-10T02:00:00Z');
      const dueAt = new Date('2025-07-09T02:00:00Z');
      expect(isTicketOverdue({ status: 'reported', dueAt }, now)).to.equal(true);
      expect(isTicketOverdue({ status: 'dispatched', dueAt }, now)).to.equal(true);
      expect(isTicketOverdue({ status: 'dispatched', dueAt: new Date('2025-07-11T02:00:00Z') }, now)).to.equal(false);
      for (const status of ['completed', 'visited', 'approved', 'archived', 'cancelled'] as const) {
        expect(isTicketOverdue({ status, dueAt }, now), status).to.equal(false);
      }

      const dept = await department('保洁部');
      const reportedAt = new Date('2025-07-08T02:00:00Z');
      const late = await Ticket.create(ticket({ departmentId: dept.id, reportedAt, dueAt }));
      await Ticket.create(
        ticket({ departmentId: dept.id, reportedAt, dueAt, status: 'cancelled', cancelledAt: reportedAt }),
      );
      await Ticket.create(ticket({ departmentId: dept.id, reportedAt, dueAt: new Date('2025-07-12T02:00:00Z') }));
      const found = await Ticket.findAll({ where: { [Op.and]: [overdueTicketWhere(now), { departmentId: dept.id }] } });
      expect(found.map((t) => t.id)).to.deep.equal([late.id]);
    });
  });

  describe('WorkOrder', () => {
    let parent: Ticket;
    before(async () => {
      parent = await Ticket.create(ticket({ reportedAt: new Date('2025-08-01T02:00:00Z') }));
    });
    const order = (over: Partial<CreationAttributes<WorkOrder>> = {}): CreationAttributes<WorkOrder> => ({
      ticketId: parent.id,
      departmentId: engineering.id,
      dispatchedById: clerk.id,
      dispatchedAt: new Date('2025-08-01T03:00:00Z'),
      dueAt: new Date('2025-08-02T02:00:00Z'),
      ...over,
    });

    it('fills in a work-order number and starts open', async () => {
      const row = await WorkOrder.create(order({ isPaidService: true, feeAmount: 5000 }));
      expect(row.number).to.match(/^PG20250801-\d{4}$/);
      expect(row.status).to.equal('open');
      expect(row.feeAmount).to.equal(5000);
    });

    it('refuses a negative fee', async () => {
      await expectNothingWritten(WorkOrder, '服务费不能为负数', () =>
        WorkOrder.create(order({ isPaidService: true, feeAmount: -100 })),
      );
    });

    it('refuses a fee on a service that is not paid', async () => {
      await expectNothingWritten(WorkOrder, '非有偿服务不能收取服务费', () =>
        WorkOrder.create(order({ isPaidService: false, feeAmount: 2000 })),
      );
    });

    it('refuses an unknown status and a due time before dispatch', async () => {
      await expectNothingWritten(WorkOrder, '状态不正确', () =>
        WorkOrder.create(order({ status: 'pending' as 'open' })),
      );
      await expectNothingWritten(WorkOrder, '要求完成时间不能早于派工时间', () =>
        WorkOrder.create(order({ dueAt: new Date('2025-08-01T01:00:00Z') })),
      );
    });
  });

  describe('ReturnVisit', () => {
    let visitedTicket: Ticket;
    before(async () => {
      visitedTicket = await Ticket.create(ticket({ reportedAt: new Date('2025-09-01T02:00:00Z') }));
    });
    const visit = (over: Partial<CreationAttributes<ReturnVisit>> = {}): CreationAttributes<ReturnVisit> => ({
      ticketId: visitedTicket.id,
      visitorId: clerk.id,
      visitedAt: new Date('2025-09-03T02:00:00Z'),
      method: 'phone',
      satisfaction: 5,
      ...over,
    });

    it('labels a visit with its ticket number', async () => {
      const row = await ReturnVisit.create(visit());
      expect(row.label).to.equal(`${visitedTicket.number} 回访 20250903`);
      const check = await ReturnVisit.create(visit({ isSpotCheck: true, spotCheckOfId: row.id, finding: '抽查属实' }));
      expect(check.label).to.equal(`${visitedTicket.number} 抽查 20250903`);
    });

    it('refuses a satisfaction of 6 and an unknown method', async () => {
      await expectNothingWritten(ReturnVisit, '满意度必须是 1 到 5 的整数', () =>
        ReturnVisit.create(visit({ satisfaction: 6 })),
      );
      await expectNothingWritten(ReturnVisit, '回访方式不正确', () =>
        ReturnVisit.create(visit({ method: 'email' as 'phone' })),
      );
    });

    it('refuses a spot check that names no visit', async () => {
      await expectNothingWritten(ReturnVisit, '抽查必须指明被抽查的回访', () =>
        ReturnVisit.create(visit({ isSpotCheck: true })),
      );
    });
  });

  describe('Correspondence and Notice', () => {
    it('refuses correspondence without a party or with an unknown kind', async () => {
      const base: CreationAttributes<Correspondence> = {
        kind: 'letter',
        direction: 'incoming',
        party: '王建国',
        subject: '业主来信',
        handlerId: clerk.id,
        occurredOn: '2025-10-01',
      };
      await expectNothingWritten(Correspondence, '对方不能为空', () =>
        Correspondence.create({ ...base, party: undefined as unknown as string }),
      );
      await expectNothingWritten(Correspondence, '类别不正确', () =>
        Correspondence.create({ ...base, kind: 'fax' as 'mail' }),
      );
      const saved = await Correspondence.create(base);
      expect(saved.occurredOn).to.equal('2025-10-01');
    });

    it('refuses a notice without content, with an unknown status, or withdrawn before it was published', async () => {
      const base: CreationAttributes<Notice> = { title: '停水通知', content: '周六停水', authorId: clerk.id };
      await expectNothingWritten(Notice, '正文不能为空', () =>
        Notice.create({ ...base, content: undefined as unknown as string }),
      );
      await expectNothingWritten(Notice, '状态不正确', () => Notice.create({ ...base, status: 'archived' as 'draft' }));
      await expectNothingWritten(Notice, '撤回时间不能早于发布时间', () =>
        Notice.create({
          ...base,
          status: 'withdrawn',
          publishedAt: new Date('2025-10-02T02:00:00Z'),
          withdrawnAt: new Date('2025-10-01T02:00:00Z'),
        }),
      );
      expect((await Notice.create(base)).status).to.equal('draft');
    });
  });
});

describe('front-desk demo data', () => {
  const now = new Date('2026-11-27T04:00:00Z');
  let ctx: DemoContext;
  let registrarIds: number[];

  before(async function () {
    this.timeout(60_000);
    const departments: Record<string, Department> = {};
    for (const name of ['客户中心', '工程部', '保安部', '保洁部', '财务部', '管理处'])
      departments[name] = await department(name);
    const accounts = await demoAccounts({
      engineer: await staff('engineering_supervisor', { supervises: departments['工程部'] }),
    });
    ctx = demoContext({
      rng: new Rng(4242),
      now,
      staff: accounts,
      otherStaff: [
        await staff('technician'),
        await staff('technician'),
        await staff('technician', { departmentName: '保安部' }),
      ],
      departments,
    });
    registrarIds = [
      accounts.reception,
      accounts.coordinator,
      accounts.cashier,
      accounts.cashier2,
      accounts.assistant,
    ].map((s) => s.id);
    await seedPropertyDemo(ctx);
    await seedFrontDeskDemo(ctx);
  });

  const demoTickets = () => Ticket.findAll({ where: { registeredById: registrarIds } });

  it('registers at least 50 tickets, by the customer-centre accounts, at least 4 in every status', async () => {
    const tickets = await demoTickets();
    expect(tickets.length).to.equal(TICKETS_PER_SCALE);
    for (const status of TICKET_STATUSES) {
      expect(tickets.filter((t) => t.status === status).length, status).to.be.at.least(4);
    }
    expect(new Set(tickets.map((t) => t.registeredById)).size).to.be.at.least(4);
    for (const t of tickets) expect(t.number).to.match(/^BS\d{8}-\d{4}$/);
  });

  it('puts every ticket, work order and visit event in the past, in workflow order', async () => {
    const tickets = await demoTickets();
    const ids = tickets.map((t) => t.id);
    const moments = [
      ...tickets.flatMap((t) => [
        t.reportedAt,
        t.dispatchedAt,
        t.completedAt,
        t.visitedAt,
        t.approvedAt,
        t.archivedAt,
        t.cancelledAt,
      ]),
      ...(await WorkOrder.findAll({ where: { ticketId: ids } })).flatMap((o) => [o.dispatchedAt, o.completedAt]),
      ...(await ReturnVisit.findAll({ where: { ticketId: ids } })).map((v) => v.visitedAt),
    ].filter((d): d is Date => !!d);
    expect(moments.every((d) => new Date(d).getTime() <= now.getTime())).to.equal(true);
    for (const t of tickets) {
      const chain = [t.reportedAt, t.dispatchedAt, t.completedAt, t.visitedAt, t.approvedAt, t.archivedAt]
        .filter(Boolean)
        .map((d) => new Date(d!).getTime());
      expect(chain, t.number).to.deep.equal([...chain].sort((a, b) => a - b));
    }
  });

  it('gives 工程部 (supervised by the engineer) tickets to complete and to approve, and some tickets are overdue', async () => {
    const tickets = await demoTickets();
    const engineering = ctx.departments['工程部'].id;
    expect(tickets.filter((t) => t.departmentId === engineering && t.status === 'dispatched').length).to.be.at.least(2);
    expect(tickets.filter((t) => t.departmentId === engineering && t.status === 'visited').length).to.be.at.least(2);
    expect(
      tickets
        .filter((t) => t.status === 'approved' && t.departmentId === engineering)
        .every((t) => t.approvedById === ctx.staff.engineer.id),
    ).to.equal(true);
    expect(tickets.filter((t) => isTicketOverdue(t, now)).length).to.be.at.least(4);
    expect(tickets.filter((t) => t.status === 'reported' && !isTicketOverdue(t, now)).length).to.be.at.least(2);
  });

  it('has work orders for every dispatched ticket, some of them paid services with a fee', async () => {
    const tickets = await demoTickets();
    const orders = await WorkOrder.findAll({ where: { ticketId: tickets.map((t) => t.id) } });
    for (const t of tickets.filter((x) => x.dispatchedAt)) {
      const own = orders.filter((o) => o.ticketId === t.id);
      expect(own.length, t.number).to.be.at.least(1);
      const current = own.find((o) => o.status !== 'reassigned')!;
      const expected = t.status === 'dispatched' ? 'open' : t.status === 'cancelled' ? 'cancelled' : 'done';
      expect(current.status, t.number).to.equal(expected);
    }
    expect(tickets.filter((t) => !t.dispatchedAt).every((t) => !orders.some((o) => o.ticketId === t.id))).to.equal(
      true,
    );
    const paid = orders.filter((o) => o.isPaidService);
    expect(paid.length).to.be.at.least(2);
    expect(paid.every((o) => o.feeAmount > 0 && Number.isInteger(o.feeAmount))).to.equal(true);
    expect(orders.filter((o) => !o.isPaidService).every((o) => o.feeAmount === 0)).to.equal(true);
  });

  it('has a return visit for every visited ticket and spot checks made by someone else', async () => {
    const tickets = await demoTickets();
    const visits = await ReturnVisit.findAll({ where: { ticketId: tickets.map((t) => t.id) } });
    for (const t of tickets.filter((x) => ['visited', 'approved', 'archived'].includes(x.status))) {
      const first = visits.find((v) => v.ticketId === t.id && !v.isSpotCheck);
      expect(first, t.number).to.exist;
      expect(first!.satisfaction).to.equal(t.satisfaction);
    }
    const checks = visits.filter((v) => v.isSpotCheck);
    expect(checks.length).to.be.at.least(2);
    for (const check of checks) {
      const original = visits.find((v) => v.id === check.spotCheckOfId)!;
      expect(check.visitorId).to.not.equal(original.visitorId);
    }
  });

  it('records at least two correspondence of each kind and two notices in each status', async () => {
    const handlers = [ctx.staff.reception.id, ctx.staff.coordinator.id];
    for (const kind of CORRESPONDENCE_KINDS) {
      expect(await Correspondence.count({ where: { kind, handlerId: handlers } }), kind).to.be.at.least(2);
    }
    const authors = [ctx.staff.reception.id, ctx.staff.assistant.id];
    for (const status of NOTICE_STATUSES) {
      expect(await Notice.count({ where: { status, authorId: authors } }), status).to.be.at.least(2);
    }
  });
});
