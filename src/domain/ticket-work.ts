// 报事单 from dispatch to return visit: the dispatch (派工单) to a department, urging and reassigning it, the
// department's completion (a paid service becomes a bill), the front desk's return visit, the supervisor sending
// it back, and the spot check (抽查) of another person's visit.
import type { Transaction } from 'sequelize';
import {
  Bill,
  Department,
  ReturnVisit,
  Staff,
  Ticket,
  Unit,
  WorkOrder,
  RETURN_VISIT_METHODS,
} from '../models/index.js';
import { defaultTicketDueAt } from '../models/ticket.js';
import { billingKeyFor } from '../models/bill.js';
import { isBlank, isRecordId, parseFen, refuse } from './input.js';
import { SERVICE_BILL_DUE_DAYS, serviceBillDescription } from './billing-run.js';
import { addDays, parseShanghaiMoment, shanghaiDay, shanghaiMonth } from '../lib/shanghai.js';
import { requiredText, transitionTo } from './transition.js';

/** The handling department chosen on the form, or the ticket's own when none is given. */
function departmentInput(input: Record<string, unknown>, fallback: number | null): number {
  const value = input.departmentId;
  if (isBlank(value)) {
    if (fallback) return fallback;
    refuse('departmentId', '请选择处理部门');
  }
  if (!isRecordId(value)) refuse('departmentId', '处理部门不正确');
  return Number(value);
}

function assigneeInput(input: Record<string, unknown>): number | null {
  if (isBlank(input.assigneeId)) return null;
  if (!isRecordId(input.assigneeId)) refuse('assigneeId', '处理人不正确');
  return Number(input.assigneeId);
}

/**
 * The time the work is due: the one typed on the form, else the ticket's own while it is still ahead, else the
 * category's usual time from now (a late dispatch does not start overdue).
 */
function dueInput(input: Record<string, unknown>, ticket: Ticket, now: Date): Date {
  if (!isBlank(input.dueAt)) {
    const due = parseShanghaiMoment(String(input.dueAt));
    if (!due) refuse('dueAt', '要求完成时间格式应为 YYYY-MM-DD HH:mm，例如 2026-11-28 17:00');
    if (due.getTime() <= now.getTime()) refuse('dueAt', '要求完成时间必须晚于现在');
    return due;
  }
  const own = new Date(ticket.dueAt);
  if (own.getTime() > now.getTime()) return own;
  return defaultTicketDueAt(ticket.category, now);
}

function yesNo(value: unknown): boolean {
  return (
    value === true ||
    ['true', '1', 'yes', '是'].includes(
      String(value ?? '')
        .trim()
        .toLowerCase(),
    )
  );
}

/** The department exists and the person, when one is named, is an enabled member of it. */
async function checkHandler(departmentId: number, assigneeId: number | null, transaction: Transaction): Promise<void> {
  if (!(await Department.findByPk(departmentId, { transaction }))) refuse('departmentId', '处理部门不存在');
  if (assigneeId === null) return;
  const person = await Staff.findByPk(assigneeId, { transaction });
  if (!person || !person.enabled) refuse('assigneeId', '处理人不存在或已停用');
  if (person.departmentId !== departmentId) refuse('assigneeId', '处理人不属于所选的处理部门');
}

const openOrders = (ticketId: number, transaction: Transaction) =>
  WorkOrder.findAll({
    where: { ticketId, status: 'open' },
    order: [['id', 'ASC']],
    transaction,
    lock: transaction.LOCK.UPDATE,
  });

export const dispatchTicket = transitionTo({
  action: 'Ticket.dispatch',
  model: Ticket,
  from: ['reported'],
  check: async (row, transaction, input) => {
    await checkHandler(departmentInput(input, row.departmentId), assigneeInput(input), transaction);
    return null;
  },
  changes: (row, _actor, input, now) => {
    const paid = yesNo(input.isPaidService);
    if (paid && !row.unitId) refuse('isPaidService', '有偿服务要向房屋收费：请先在报事单上登记房屋');
    const fee = isBlank(input.feeAmount) ? { fen: 0 } : parseFen(input.feeAmount, '服务费', 0);
    if (fee.problem) refuse('feeAmount', fee.problem);
    if (!paid && fee.fen! > 0) refuse('feeAmount', '非有偿服务不能收取服务费');
    return {
      status: 'dispatched',
      dispatchedAt: now,
      departmentId: departmentInput(input, row.departmentId),
      assigneeId: assigneeInput(input),
      dueAt: dueInput(input, row, now),
    };
  },
  after: async (row, transaction, { actor, input, now }) => {
    const paid = yesNo(input.isPaidService);
    await WorkOrder.create(
      {
        ticketId: row.id,
        departmentId: row.departmentId,
        assigneeId: row.assigneeId ?? null,
        dispatchedById: actor.id,
        dispatchedAt: now,
        dueAt: row.dueAt,
        isPaidService: paid,
        feeAmount: paid && !isBlank(input.feeAmount) ? Number(input.feeAmount) : 0,
        note: String(input.note ?? '').trim() || null,
      },
      { transaction },
    );
  },
});

/** 督促: the front desk chases the handling department; the ticket stays as it is, the urging is on its record. */
export const urgeTicket = transitionTo({
  action: 'Ticket.urge',
  model: Ticket,
  from: ['dispatched'],
  changes: (_row, _actor, input) => {
    requiredText(input, 'note', '请写明督促内容');
    return {};
  },
  note: (input) => String(input.note).trim(),
});

/** 改派: the open dispatch is closed as reassigned and a new one goes to the department (and person) now chosen. */
export const reassignTicket = transitionTo({
  action: 'Ticket.reassign',
  model: Ticket,
  from: ['dispatched'],
  check: async (_row, transaction, input) => {
    await checkHandler(departmentInput(input, null), assigneeInput(input), transaction);
    return null;
  },
  changes: (row, _actor, input, now) => {
    requiredText(input, 'reason', '请写明改派原因');
    const departmentId = departmentInput(input, null);
    const assigneeId = assigneeInput(input);
    if (departmentId === row.departmentId && assigneeId === (row.assigneeId ?? null))
      refuse('departmentId', '改派要换一个处理部门或处理人');
    return { departmentId, assigneeId, dueAt: dueInput(input, row, now) };
  },
  note: (input) => String(input.reason).trim(),
  after: async (row, transaction, { actor, input, now }) => {
    const previous = await openOrders(row.id, transaction);
    for (const order of previous)
      await order.update({ status: 'reassigned', result: `改派：${String(input.reason).trim()}` }, { transaction });
    const last = previous.at(-1);
    await WorkOrder.create(
      {
        ticketId: row.id,
        departmentId: row.departmentId,
        assigneeId: row.assigneeId ?? null,
        dispatchedById: actor.id,
        dispatchedAt: now,
        dueAt: row.dueAt,
        isPaidService: last?.isPaidService ?? false,
        feeAmount: last?.feeAmount ?? 0,
        note: `改派：${String(input.reason).trim()}`,
      },
      { transaction },
    );
  },
});

/**
 * 完成处理 by the handling department: the ticket and its open dispatch are done with the result; a paid service
 * (有偿服务) is billed to the unit once — its fee as dispatched, or as the department states it now.
 */
export const completeTicket = transitionTo({
  action: 'Ticket.complete',
  model: Ticket,
  from: ['dispatched'],
  changes: (row, actor, input, now) => {
    const result = requiredText(input, 'result', '请填写处理结果');
    if (!isBlank(input.feeAmount)) {
      const fee = parseFen(input.feeAmount, '服务费', 0);
      if (fee.problem) refuse('feeAmount', fee.problem);
    }
    return { status: 'completed', completedAt: now, result, assigneeId: row.assigneeId ?? actor.id };
  },
  after: async (row, transaction, { input, now }) => {
    for (const order of await openOrders(row.id, transaction)) {
      const stated = isBlank(input.feeAmount) ? null : Number(input.feeAmount);
      if (!order.isPaidService && stated) refuse('feeAmount', '非有偿服务不能收取服务费');
      const feeAmount = stated ?? order.feeAmount;
      await order.update({ status: 'done', completedAt: now, result: row.result, feeAmount }, { transaction });
      if (order.isPaidService && feeAmount > 0) await billPaidService(row, order, now, transaction);
    }
  },
});

/** The paid service's bill goes to the room and its owner today — not to whoever the ticket named. */
async function billPaidService(ticket: Ticket, order: WorkOrder, now: Date, transaction: Transaction): Promise<void> {
  if (!ticket.unitId) refuse('feeAmount', '有偿服务要向房屋收费：报事单没有登记房屋');
  const unit = await Unit.findByPk(ticket.unitId, { transaction });
  if (!unit) refuse('feeAmount', '有偿服务要向房屋收费：报事单登记的房屋不存在');
  const period = shanghaiMonth(now);
  await Bill.create(
    {
      unitId: unit.id,
      ownerId: unit.ownerId ?? null,
      period,
      feeKind: 'service',
      description: serviceBillDescription(order.number),
      amount: order.feeAmount,
      dueDate: addDays(shanghaiDay(now), SERVICE_BILL_DUE_DAYS),
      workOrderId: order.id,
      billingKey: billingKeyFor('service', order.id, period),
    },
    { transaction },
  );
}

function satisfactionInput(input: Record<string, unknown>): number {
  const value = String(input.satisfaction ?? '').trim();
  if (!/^[1-5]$/.test(value)) refuse('satisfaction', '请选择满意度（1 到 5）');
  return Number(value);
}

function methodInput(input: Record<string, unknown>): (typeof RETURN_VISIT_METHODS)[number] {
  const method = isBlank(input.method) ? 'phone' : String(input.method);
  if (!(RETURN_VISIT_METHODS as readonly string[]).includes(method)) refuse('method', '回访方式只能是电话或上门');
  return method as (typeof RETURN_VISIT_METHODS)[number];
}

/** 回访: the front desk asks the resident after completion; the visit is recorded and the ticket carries its score. */
export const returnVisitTicket = transitionTo({
  action: 'Ticket.returnVisit',
  model: Ticket,
  from: ['completed'],
  changes: (_row, _actor, input, now) => {
    methodInput(input);
    return { status: 'visited', visitedAt: now, satisfaction: satisfactionInput(input) };
  },
  after: async (row, transaction, { actor, input, now }) => {
    await ReturnVisit.create(
      {
        ticketId: row.id,
        visitorId: actor.id,
        visitedAt: now,
        method: methodInput(input),
        satisfaction: row.satisfaction!,
        feedback: String(input.feedback ?? '').trim() || null,
      },
      { transaction },
    );
  },
});

/** 退回重办: the supervisor sends a visited ticket back; a new dispatch goes to the same department with a fresh due time. */
export const sendBackTicket = transitionTo({
  action: 'Ticket.sendBack',
  model: Ticket,
  from: ['visited'],
  changes: (row, _actor, input, now) => {
    requiredText(input, 'reason', '请写明退回原因');
    return {
      status: 'dispatched',
      completedAt: null,
      visitedAt: null,
      satisfaction: null,
      result: null,
      dueAt: defaultTicketDueAt(row.category, now),
    };
  },
  note: (input) => String(input.reason).trim(),
  after: async (row, transaction, { actor, input, now }) => {
    await WorkOrder.create(
      {
        ticketId: row.id,
        departmentId: row.departmentId,
        assigneeId: row.assigneeId ?? null,
        dispatchedById: actor.id,
        dispatchedAt: now,
        dueAt: row.dueAt,
        note: `退回重办：${String(input.reason).trim()}`,
      },
      { transaction },
    );
  },
});

/** 抽查: someone other than the visitor calls the resident again and records what they found. */
export const spotCheckVisit = transitionTo({
  action: 'ReturnVisit.spotCheck',
  model: ReturnVisit,
  check: async (row) => (row.isSpotCheck ? '抽查记录不能再被抽查，请抽查原回访' : null),
  changes: (_row, _actor, input) => {
    methodInput(input);
    satisfactionInput(input);
    requiredText(input, 'finding', '请填写抽查结果');
    return {};
  },
  note: (input) => String(input.finding).trim(),
  after: async (row, transaction, { actor, input, now }) => {
    await ReturnVisit.create(
      {
        ticketId: row.ticketId,
        visitorId: actor.id,
        visitedAt: now,
        method: methodInput(input),
        satisfaction: satisfactionInput(input),
        feedback: String(input.feedback ?? '').trim() || null,
        isSpotCheck: true,
        spotCheckOfId: row.id,
        finding: String(input.finding).trim(),
      },
      { transaction },
    );
  },
});
