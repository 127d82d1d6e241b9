// What the 收款 pages read: an owner's bills still owing (the collect form's choices, oldest period first, with what
// each still owes), the bills a receipt paid and the receipts that paid a bill (收据分摊, both ways).
import { Bill, Owner, Payment, PaymentAllocation, Unit } from '../models/index.js';
import { NotFound } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { authorize } from './authorize.js';
import { oldestFirst } from './payments.js';

export interface CollectableBill {
  id: number;
  description: string;
  period: string;
  feeKind: string;
  unitId: number;
  unitLabel: string;
  dueDate: string;
  status: string;
  /** 应收, 已收 and 未缴, in fen. */
  amount: number;
  paidAmount: number;
  due: number;
}

/** The owner's unpaid and partly paid bills, oldest period first, each with what it still owes: the collect form. */
export async function collectableBills(actor: Actor | null, ownerId: number): Promise<CollectableBill[]> {
  const owner = await Owner.findByPk(ownerId);
  if (!owner) throw new NotFound('业主不存在');
  authorize(actor, 'Owner.collect', owner);
  const bills = await Bill.findAll({ where: { ownerId, status: ['unpaid', 'partial'] } });
  const units = new Map(
    (await Unit.findAll({ attributes: ['id', 'label'], where: { id: [...new Set(bills.map((b) => b.unitId))] } })).map(
      (unit) => [unit.id, unit.label] as const,
    ),
  );
  return oldestFirst(bills).map((bill) => ({
    id: bill.id,
    description: bill.description,
    period: bill.period,
    feeKind: bill.feeKind,
    unitId: bill.unitId,
    unitLabel: units.get(bill.unitId) ?? '',
    dueDate: String(bill.dueDate).slice(0, 10),
    status: bill.status,
    amount: bill.amount,
    paidAmount: bill.paidAmount,
    due: bill.amount - bill.paidAmount,
  }));
}

/** One line of a receipt's or a bill's allocation table: the other side's id and title, the amount, and the state. */
export interface AllocationLine {
  id: number;
  title: string;
  amount: number;
  /** The receipt's state (有效 / 已作废): a voided receipt's lines count nothing. */
  valid: boolean;
  when?: string;
}

/** The bills a receipt paid, in the order it paid them (oldest period first). */
export async function billsPaidBy(paymentId: number): Promise<AllocationLine[]> {
  const payment = await Payment.findByPk(paymentId, { attributes: ['id', 'status'] });
  if (!payment) return [];
  const allocations = await PaymentAllocation.findAll({
    where: { paymentId },
    include: [
      { model: Bill, as: 'bill', attributes: ['id', 'description', 'period', 'dueDate', 'amount', 'paidAmount'] },
    ],
  });
  const shares = new Map(allocations.map((a) => [a.billId, a.amount] as const));
  const bills = oldestFirst(allocations.map((a) => (a as PaymentAllocation & { bill: Bill }).bill));
  return bills.map((bill) => ({
    id: bill.id,
    title: bill.description,
    amount: shares.get(bill.id)!,
    valid: payment.status === 'valid',
  }));
}

/** The receipts that paid a bill, oldest first, voided ones included (marked). */
export async function receiptsOf(billId: number): Promise<AllocationLine[]> {
  const allocations = await PaymentAllocation.findAll({
    where: { billId },
    include: [{ model: Payment, as: 'payment', attributes: ['id', 'receiptNumber', 'status', 'paidAt'] }],
    order: [['id', 'ASC']],
  });
  return allocations.map((a) => {
    const payment = (a as PaymentAllocation & { payment: Payment }).payment;
    return {
      id: payment.id,
      title: payment.receiptNumber,
      amount: a.amount,
      valid: payment.status === 'valid',
      when: new Date(payment.paidAt).toISOString(),
    };
  });
}
