import { expect } from 'chai';
import { AuditLog, Bill, ReturnVisit, WorkOrder } from '../../src/models/index.js';
import { department, staff, TEST_PASSWORD } from '../support/factories.js';
import { signedInClient } from '../support/http.js';
import { smallEstate } from '../support/estate.js';
import { ticket } from '../support/records.js';

type Stage = 'reported' | 'dispatched' | 'completed' | 'visited';

/** A 工程部 ticket about a resident's flat at the given stage, with its dispatch once dispatched (a paid one when asked). */
async function flatTicket(stage: Stage, options: { paidFee?: number } = {}) {
  const { units } = await smallEstate(1);
  return ticket(stage, { unit: units[0], ...options });
}

async function post(
  code: string,
  id: number,
  action: string,
  fields: Record<string, string | number | boolean> = {},
  resource = 'Ticket',
  member?: { email: string },
) {
  const client = await signedInClient((member ?? (await staff(code))).email, TEST_PASSWORD);
  return (await client.act(resource, id, action, fields)).body;
}

describe('ticket work: dispatch, urge, reassign, complete, return visit, send back, spot check', () => {
  describe('Ticket.dispatch 派工', () => {
    it('客户服务收费员 may dispatch a reported ticket: a work order goes to the department, the ticket is dispatched', async () => {
      const row = await flatTicket('reported');
      const cashier = await staff('cashier');
      const client = await signedInClient(cashier.email, TEST_PASSWORD);
      const shown = await client.show('Ticket', row.id);
      expect(shown.body.record.recordActions.map((a: { name: string }) => a.name)).to.include('dispatch');
      const { body } = await client.act('Ticket', row.id, 'dispatch', { dueAt: '2099-01-05 17:00', note: '请带角阀' });
      expect(body.notice, JSON.stringify(body.notice)).to.include({ type: 'success' });
      await row.reload();
      expect(row.status).to.equal('dispatched');
      expect(row.dueAt.toISOString()).to.equal('2099-01-05T09:00:00.000Z');
      const orders = await WorkOrder.findAll({ where: { ticketId: row.id } });
      expect(orders).to.have.length(1);
      expect(orders[0]).to.include({
        status: 'open',
        departmentId: row.departmentId,
        dispatchedById: cashier.id,
        note: '请带角阀',
        isPaidService: false,
      });
      expect(
        await AuditLog.count({ where: { action: 'Ticket.dispatch', recordId: String(row.id), staffId: cashier.id } }),
      ).to.equal(1);
    });

    it('工程部主管 may not dispatch: refused with the reason, no work order', async () => {
      const row = await flatTicket('reported');
      const body = await post('engineering_supervisor', row.id, 'dispatch');
      expect(body.record.baseError.type).to.equal('ForbiddenError');
      expect(body.record.baseError.message).to.contain('派工');
      await row.reload();
      expect(row.status).to.equal('reported');
      expect(await WorkOrder.count({ where: { ticketId: row.id } })).to.equal(0);
    });

    it('bad dispatch input gets a Chinese field error and changes nothing', async () => {
      const row = await flatTicket('reported');
      const cases: Array<[Record<string, string | number>, string, string]> = [
        [{ departmentId: 999_999 }, 'departmentId', '处理部门不存在'],
        [{ departmentId: 'abc' }, 'departmentId', '处理部门不正确'],
        [{ dueAt: '明天下午' }, 'dueAt', '要求完成时间格式应为 YYYY-MM-DD HH:mm，例如 2026-11-28 17:00'],
        [{ dueAt: '2020-01-01 10:00' }, 'dueAt', '要求完成时间必须晚于现在'],
        [{ isPaidService: 'true', feeAmount: -500 }, 'feeAmount', '服务费不能为负数'],
        [{ isPaidService: 'false', feeAmount: 5000 }, 'feeAmount', '非有偿服务不能收取服务费'],
        [{ assigneeId: (await staff('cashier')).id }, 'assigneeId', '处理人不属于所选的处理部门'],
      ];
      for (const [fields, field, message] of cases) {
        const body = await post('receptionist', row.id, 'dispatch', fields);
        expect(body.record.errors?.[field]?.message, JSON.stringify(fields)).to.equal(message);
      }
      await row.reload();
      expect(row.status).to.equal('reported');
      expect(await WorkOrder.count({ where: { ticketId: row.id } })).to.equal(0);
    });

    it('GET on the action only shows the ticket', async () => {
      const row = await flatTicket('reported');
      const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
      const { body } = await client.open('Ticket', row.id, 'dispatch');
      expect(body.record.params.status).to.equal('reported');
      await row.reload();
      expect(row.status).to.equal('reported');
    });
  });

  describe('Ticket.urge 督促', () => {
    it('客户服务协调员 may urge a dispatched ticket: recorded with what was said, nothing else changes', async () => {
      const row = await flatTicket('dispatched');
      const coordinator = await staff('coordinator');
      const body = await post(
        'coordinator',
        row.id,
        'urge',
        { note: '业主再次来电，请今天下午处理' },
        'Ticket',
        coordinator,
      );
      expect(body.notice.type).to.equal('success');
      const audit = await AuditLog.findOne({ where: { action: 'Ticket.urge', recordId: String(row.id) } });
      expect(audit?.staffId).to.equal(coordinator.id);
      expect(audit?.note).to.equal('督促（报事单）：业主再次来电，请今天下午处理');
      await row.reload();
      expect(row.status).to.equal('dispatched');
    });

    it('客户服务收费员 may not urge', async () => {
      const row = await flatTicket('dispatched');
      const body = await post('cashier', row.id, 'urge', { note: '请尽快' });
      expect(body.record.baseError.type).to.equal('ForbiddenError');
      expect(await AuditLog.count({ where: { action: 'Ticket.urge', recordId: String(row.id) } })).to.equal(0);
    });

    it('urging needs words', async () => {
      const row = await flatTicket('dispatched');
      const body = await post('receptionist', row.id, 'urge', { note: '  ' });
      expect(body.record.errors.note.message).to.equal('请写明督促内容');
    });
  });

  describe('Ticket.reassign 改派', () => {
    it('客户服务助理 may reassign: the open work order is closed as reassigned, a new one goes to the new department', async () => {
      const row = await flatTicket('dispatched');
      const security = await department('保安部');
      const body = await post('assistant', row.id, 'reassign', {
        departmentId: security.id,
        reason: '属于公共区域，由保安部处理',
      });
      expect(body.notice.type, JSON.stringify(body)).to.equal('success');
      await row.reload();
      expect(row).to.include({ status: 'dispatched', departmentId: security.id });
      const orders = await WorkOrder.findAll({ where: { ticketId: row.id }, order: [['id', 'ASC']] });
      expect(orders.map((o) => o.status)).to.deep.equal(['reassigned', 'open']);
      expect(orders[1].departmentId).to.equal(security.id);
    });

    it('客户服务收费员 may not reassign', async () => {
      const row = await flatTicket('dispatched');
      const security = await department('保安部');
      const body = await post('cashier', row.id, 'reassign', { departmentId: security.id, reason: '改派' });
      expect(body.record.baseError.type).to.equal('ForbiddenError');
      await row.reload();
      expect(row.departmentId).to.not.equal(security.id);
      expect(await WorkOrder.count({ where: { ticketId: row.id, status: 'open' } })).to.equal(1);
    });

    it('reassigning to the same department and person is refused', async () => {
      const row = await flatTicket('dispatched');
      const body = await post('receptionist', row.id, 'reassign', { departmentId: row.departmentId, reason: '换人' });
      expect(body.record.errors.departmentId.message).to.equal('改派要换一个处理部门或处理人');
    });
  });

  describe('Ticket.complete 完成处理', () => {
    it('a member of the handling department may complete it: the work order is done, a paid service is billed once', async () => {
      const row = await flatTicket('dispatched', { paidFee: 8_000 });
      const body = await post('technician', row.id, 'complete', { result: '更换厨房角阀一个', feeAmount: 12_000 });
      expect(body.notice.type, JSON.stringify(body)).to.equal('success');
      await row.reload();
      expect(row).to.include({ status: 'completed', result: '更换厨房角阀一个' });
      const order = await WorkOrder.findOne({ where: { ticketId: row.id } });
      expect(order).to.include({ status: 'done', feeAmount: 12_000 });
      const bills = await Bill.findAll({ where: { workOrderId: order!.id } });
      expect(bills).to.have.length(1);
      expect(bills[0]).to.include({
        feeKind: 'service',
        amount: 12_000,
        unitId: row.unitId,
        ownerId: row.ownerId,
        status: 'unpaid',
      });
      // Completed now: a second completion is refused by the state, and bills nothing more.
      const again = await post('technician', row.id, 'complete', { result: '再次完成' });
      expect(again.notice.type).to.equal('error');
      expect(await Bill.count({ where: { workOrderId: order!.id } })).to.equal(1);
    });

    it('客户接待员, outside the handling department, may not complete it', async () => {
      const row = await flatTicket('dispatched');
      const body = await post('receptionist', row.id, 'complete', { result: '已处理' });
      expect(body.record.baseError.type).to.equal('ForbiddenError');
      await row.reload();
      expect(row.status).to.equal('dispatched');
    });

    it('an unpaid work order takes no fee', async () => {
      const row = await flatTicket('dispatched');
      const body = await post('technician', row.id, 'complete', { result: '已处理', feeAmount: 3_000 });
      expect(body.record.errors?.feeAmount?.message, JSON.stringify(body)).to.equal('非有偿服务不能收取服务费');
      await row.reload();
      expect(row.status).to.equal('dispatched');
      expect(await WorkOrder.count({ where: { ticketId: row.id, status: 'open' } })).to.equal(1);
    });
  });

  describe('Ticket.returnVisit 回访', () => {
    it('客户接待员 may visit a completed ticket: the visit is recorded and the ticket carries its score', async () => {
      const row = await flatTicket('completed');
      const reception = await staff('receptionist');
      const body = await post(
        'receptionist',
        row.id,
        'returnVisit',
        { method: 'phone', satisfaction: '5', feedback: '师傅很专业' },
        'Ticket',
        reception,
      );
      expect(body.notice.type, JSON.stringify(body)).to.equal('success');
      await row.reload();
      expect(row).to.include({ status: 'visited', satisfaction: 5 });
      const visit = await ReturnVisit.findOne({ where: { ticketId: row.id } });
      expect(visit).to.include({
        visitorId: reception.id,
        satisfaction: 5,
        feedback: '师傅很专业',
        isSpotCheck: false,
      });
    });

    it('客户服务收费员 may not make the return visit', async () => {
      const row = await flatTicket('completed');
      const body = await post('cashier', row.id, 'returnVisit', { satisfaction: '5' });
      expect(body.record.baseError.type).to.equal('ForbiddenError');
      expect(await ReturnVisit.count({ where: { ticketId: row.id } })).to.equal(0);
    });

    it('a satisfaction outside 1–5 is refused and nothing is recorded', async () => {
      const row = await flatTicket('completed');
      for (const satisfaction of ['7', '0', '4.5', 'abc', '']) {
        const body = await post('receptionist', row.id, 'returnVisit', { satisfaction });
        expect(body.record.errors.satisfaction.message).to.equal('请选择满意度（1 到 5）');
      }
      await row.reload();
      expect(row.status).to.equal('completed');
      expect(await ReturnVisit.count({ where: { ticketId: row.id } })).to.equal(0);
    });
  });

  describe('Ticket.sendBack 退回重办', () => {
    it('the supervisor of the handling department may send a visited ticket back: dispatched again with a new work order', async () => {
      const engineering = await department('工程部');
      const supervisor = await staff('engineering_supervisor', { supervises: engineering });
      const row = await flatTicket('visited');
      const body = await post(
        'engineering_supervisor',
        row.id,
        'sendBack',
        { reason: '业主反映仍有渗水' },
        'Ticket',
        supervisor,
      );
      expect(body.notice.type, JSON.stringify(body)).to.equal('success');
      await row.reload();
      expect(row).to.include({ status: 'dispatched', completedAt: null, visitedAt: null, satisfaction: null });
      expect(row.dueAt.getTime()).to.be.greaterThan(Date.now());
      const open = await WorkOrder.findAll({ where: { ticketId: row.id, status: 'open' } });
      expect(open).to.have.length(1);
      expect(open[0].note).to.equal('退回重办：业主反映仍有渗水');
    });

    it('客户接待员 may not send it back', async () => {
      const row = await flatTicket('visited');
      const body = await post('receptionist', row.id, 'sendBack', { reason: '不满意' });
      expect(body.record.baseError.type).to.equal('ForbiddenError');
      await row.reload();
      expect(row.status).to.equal('visited');
    });
  });

  describe('ReturnVisit.spotCheck 抽查', () => {
    async function visitBy(code: string) {
      const row = await flatTicket('visited');
      const visitor = await staff(code);
      const visit = await ReturnVisit.create({
        ticketId: row.id,
        visitorId: visitor.id,
        method: 'phone',
        satisfaction: 4,
      } as never);
      return { visit, visitor };
    }

    it('客户服务协调员 may spot-check a visit made by someone else: a spot check linked to it is recorded', async () => {
      const { visit } = await visitBy('receptionist');
      const coordinator = await staff('coordinator');
      const body = await post(
        'coordinator',
        visit.id,
        'spotCheck',
        { satisfaction: '4', finding: '业主确认已回访，情况属实' },
        'ReturnVisit',
        coordinator,
      );
      expect(body.notice.type, JSON.stringify(body)).to.equal('success');
      const check = await ReturnVisit.findOne({ where: { spotCheckOfId: visit.id } });
      expect(check).to.include({
        isSpotCheck: true,
        visitorId: coordinator.id,
        ticketId: visit.ticketId,
        finding: '业主确认已回访，情况属实',
      });
    });

    it('the visitor may not spot-check their own visit, and 客户服务收费员 may not spot-check at all', async () => {
      const { visit, visitor } = await visitBy('receptionist');
      const own = await post(
        'receptionist',
        visit.id,
        'spotCheck',
        { satisfaction: '5', finding: '自查' },
        'ReturnVisit',
        visitor,
      );
      expect(own.record.baseError.type).to.equal('ForbiddenError');
      const cashier = await post(
        'cashier',
        visit.id,
        'spotCheck',
        { satisfaction: '5', finding: '抽查' },
        'ReturnVisit',
      );
      expect(cashier.record.baseError.type).to.equal('ForbiddenError');
      expect(await ReturnVisit.count({ where: { spotCheckOfId: visit.id } })).to.equal(0);
    });
  });
});
