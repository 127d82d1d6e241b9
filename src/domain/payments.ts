// 收款: a cashier takes a payment against a bill (or a sundry charge) and issues the next receipt of the year.
import { Op, type CreationAttributes, type Transaction } from 'sequelize';
import { Bill, CashReport, Owner, Payment, billStatusFor } from '../models/index.js';
import { NotFound, ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { computeCashReportTotals } from './cash-report-totals.js';
import { inTransaction } from './transaction.js';
import { authorize } from './authorize.js';
import { audit } from './audit.js';
import { formatFen } from '../lib/money.js';
import { isBlank, isRecordId, parseFen, parseMethod } from './input.js';
import { shanghaiDay } from '../lib/shanghai.js';

/** Kinds a cashier records here; deposits are collected and refunded on the renovation deposit screen. */
export const RECORDABLE_KINDS = ['fee', 'parking', 'clubhouse', 'other'] as const;

export interface PaymentInput {
  kind?: unknown;
  method?: unknown;
  amount?: unknown;
  billId?: unknown;
  ownerId?: unknown;
  unitId?: unknown;
  payerName?: unknown;
}

function parseInput(input: PaymentInput) {
  const errors: Record<string, string> = {};
  const kind = isBlank(input.kind) ? (isBlank(input.billId) ? 'other' : 'fee') : String(input.kind);
  if (kind === 'deposit' || kind === 'deposit_refund') errors.kind = '装修押金的收取与退还请在“装修押金”中办理';
  else if (!(RECORDABLE_KINDS as readonly string[]).includes(kind)) errors.kind = `收款类别不正确：${kind}`;
  const method = parseMethod(input.method, '收款方式');
  if (method.problem) errors.method = method.problem;
  const amount = parseFen(input.amount, '收款金额', 1);
  if (amount.problem) errors.amount = amount.problem;
  for (const field of ['billId', 'ownerId', 'unitId'] as const) {
    if (!isBlank(input[field]) && !isRecordId(input[field])) errors[field] = '必须是记录编号';
  }
  if (kind !== 'fee' && kind !== 'other' && isBlank(input.payerName)) errors.payerName = '请填写交款人';
  if (kind === 'fee' && isBlank(input.billId)) errors.billId = '物业费等收费须选择账单';
  if (Object.keys(errors).length) throw new ValidationFailed(Object.values(errors)[0], errors);
  return {
    kind: kind as (typeof RECORDABLE_KINDS)[number],
    method: method.method!,
    amount: amount.fen!,
    billId: isBlank(input.billId) ? null : Number(input.billId),
    ownerId: isBlank(input.ownerId) ? null : Number(input.ownerId),
    unitId: isBlank(input.unitId) ? null : Number(input.unitId),
    payerName: isBlank(input.payerName) ? null : String(input.payerName).trim(),
  };
}

/** Settles `amount` on the bill, only if it is still outstanding: concurrent payments cannot overpay it. */
async function settleBill(
  billId: number,
  amount: number,
  transaction: Transaction,
): Promise<{ bill: Bill; before: number }> {
  const bill = await Bill.findByPk(billId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!bill) throw new NotFound('账单不存在');
  const outstanding = bill.amount - bill.paidAmount;
  if (outstanding <= 0) throw new ValidationFailed('该账单已缴清，不能重复收款', { billId: '该账单已缴清' });
  if (amount > outstanding)
    throw new ValidationFailed(`收款金额超过未缴金额 ${formatFen(outstanding)}`, {
      amount: `不能超过未缴金额 ${formatFen(outstanding)}`,
    });
  const paidAmount = bill.paidAmount + amount;
  const [updated] = await Bill.update(
    { paidAmount, status: billStatusFor(bill.amount, paidAmount) },
    { where: { id: bill.id, paidAmount: bill.paidAmount }, transaction, hooks: false },
  );
  if (updated !== 1) throw new ValidationFailed('账单刚被其他收款更新，请刷新后重试');
  const before = bill.paidAmount;
  bill.set({ paidAmount, status: billStatusFor(bill.amount, paidAmount) });
  return { bill, before };
}

/**
 * The cashier's report of the day must still be worked on — open, or sent back (有差异) to be corrected; it takes the
 * receipt and its totals follow. A submitted one is reopened first (重新打开); a reconciled one is closed for good.
 */
async function cashReportFor(cashierId: number, at: Date, transaction: Transaction): Promise<CashReport | null> {
  const report = await CashReport.findOne({
    where: { cashierId, reportDate: shanghaiDay(at) },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (report?.status === 'submitted')
    throw new ValidationFailed('今天的现金日报表已提交，不能再开收据；如需继续收款，请先在日报表上点“重新打开日报”');
  if (report && report.status !== 'open' && report.status !== 'returned')
    throw new ValidationFailed('今天的现金日报表已核对，不能再开收据');
  return report;
}

/** Brings an open cash report's totals back in line with its receipts. */
export async function retotal(report: CashReport, transaction: Transaction): Promise<void> {
  const receipts = await Payment.findAll({
    where: { cashReportId: report.id, status: { [Op.ne]: 'voided' } },
    transaction,
  });
  await report.update(computeCashReportTotals(receipts.map((p) => p.get({ plain: true }))), { transaction });
}

type ReceiptFields = Omit<CreationAttributes<Payment>, 'cashierId' | 'cashReportId' | 'paidAt' | 'status'>;

/** 开收据: a valid receipt by this cashier now, on their open report of the day, whose totals follow. */
export async function issueReceipt(
  cashierId: number,
  fields: ReceiptFields,
  now: Date,
  transaction: Transaction,
): Promise<Payment> {
  const report = await cashReportFor(cashierId, now, transaction);
  const receipt = await Payment.create(
    { ...fields, cashierId, cashReportId: report?.id ?? null, paidAt: now, status: 'valid' },
    { transaction },
  );
  if (report) await retotal(report, transaction);
  return receipt;
}

export async function recordPayment(actor: Actor | null, input: PaymentInput, now = new Date()): Promise<Payment> {
  const cashier = authorize(actor, 'Payment.new');
  const data = parseInput(input);
  return inTransaction(async (transaction) => {
    const settled = data.billId === null ? null : await settleBill(data.billId, data.amount, transaction);
    const bill = settled?.bill ?? null;
    const ownerId = data.ownerId ?? bill?.ownerId ?? null;
    const owner = ownerId === null ? null : await Owner.findByPk(ownerId, { transaction });
    const payment = await issueReceipt(
      cashier.id,
      {
        kind: data.kind,
        method: data.method,
        amount: data.amount,
        billId: bill?.id ?? null,
        ownerId,
        unitId: data.unitId ?? bill?.unitId ?? null,
        payerName: data.payerName ?? owner?.name ?? '散客',
      },
      now,
      transaction,
    );
    await audit(
      {
        who: cashier,
        action: 'Payment.new',
        recordId: payment.id,
        changes: settled ? { billPaidAmount: [settled.before, settled.bill.paidAmount] } : {},
        note: `收款 ${formatFen(data.amount)}，收据 ${payment.receiptNumber}`,
      },
      transaction,
    );
    return payment;
  });
}
