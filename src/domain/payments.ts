// 收款: a cashier takes a payment against one or more bills of an owner (or a sundry charge) and issues the next
// receipt of the year. A receipt settles its bills through allocations (收据分摊), oldest period first.
import { Op, type CreationAttributes, type Transaction } from 'sequelize';
import {
  Bill,
  CashReport,
  Owner,
  Payment,
  PaymentAllocation,
  billStatusFor,
  type PaymentKind,
} from '../models/index.js';
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

/** A bill as a receipt settles it: enough to spread an amount oldest period first. */
export interface SettlableBill {
  id: number;
  period: string;
  dueDate?: string | null;
  amount: number;
  paidAmount: number;
}

/** Oldest period first (then the earlier due date, then the older bill): the order a receipt pays bills in. */
export function oldestFirst<T extends SettlableBill>(bills: readonly T[]): T[] {
  return [...bills].sort(
    (a, b) =>
      a.period.localeCompare(b.period) || String(a.dueDate ?? '').localeCompare(String(b.dueDate ?? '')) || a.id - b.id,
  );
}

const outstandingOf = (bill: SettlableBill) => bill.amount - bill.paidAmount;

/**
 * 分摊: spreads `amount` over the bills, oldest period first, each taking what it still owes; the last one may be
 * settled partly. Refused (in Chinese, on the field at fault) when the amount is above what the bills still owe, or too
 * small to reach every bill chosen.
 */
export function allocate<T extends SettlableBill & { description?: string }>(
  bills: readonly T[],
  amount: number,
): Array<{ bill: T; amount: number }> {
  const ordered = oldestFirst(bills);
  const owed = ordered.reduce((sum, bill) => sum + outstandingOf(bill), 0);
  if (amount > owed) {
    const what = ordered.length === 1 ? '未缴金额' : '所选账单的未缴合计';
    throw new ValidationFailed(`收款金额超过${what} ${formatFen(owed)}`, {
      amount: `不能超过${what} ${formatFen(owed)}`,
    });
  }
  let left = amount;
  return ordered.map((bill) => {
    const share = Math.min(left, outstandingOf(bill));
    if (share <= 0) {
      const name = bill.description ? `「${bill.description}」` : '后面的账单';
      throw new ValidationFailed(`收款金额按账期从早到晚分摊后，${name}分不到金额：请取消勾选该账单，或补足金额`, {
        billIds: `${name}分不到金额`,
      });
    }
    left -= share;
    return { bill, amount: share };
  });
}

/** The bills a receipt will settle, locked in id order (two receipts of overlapping bills never wait on each other). */
async function lockBills(ids: readonly number[], transaction: Transaction): Promise<Bill[]> {
  const bills = await Bill.findAll({
    where: { id: [...new Set(ids)] },
    order: [['id', 'ASC']],
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  const found = new Set(bills.map((b) => b.id));
  const missing = [...new Set(ids.filter((id) => !found.has(id)))];
  if (missing.length) {
    const message = `账单不存在：编号 ${missing.join('、')}`;
    throw new ValidationFailed(message, { billIds: message, billId: message });
  }
  return bills;
}

/** Refuses a bill already paid in full: a receipt settles each bill at most what it owes, and a paid bill nothing. */
function assertOutstanding(bills: readonly Bill[]): void {
  for (const bill of bills) {
    if (outstandingOf(bill) > 0) continue;
    const message =
      bills.length === 1 ? '该账单已缴清，不能重复收款' : `账单「${bill.description}」已缴清，不能重复收款`;
    throw new ValidationFailed(message, { billId: '该账单已缴清', billIds: message });
  }
}

export interface Settled {
  bill: Bill;
  amount: number;
  before: number;
}

/**
 * Settles each share on its locked bill, only if nobody paid on it since it was read (a conditional update): two
 * receipts at once can never both settle the same money.
 */
async function settle(shares: Array<{ bill: Bill; amount: number }>, transaction: Transaction): Promise<Settled[]> {
  const settled: Settled[] = [];
  for (const { bill, amount } of shares) {
    const before = bill.paidAmount;
    const paidAmount = before + amount;
    const [updated] = await Bill.update(
      { paidAmount, status: billStatusFor(bill.amount, paidAmount) },
      { where: { id: bill.id, paidAmount: before }, transaction, hooks: false },
    );
    if (updated !== 1) throw new ValidationFailed('账单刚被其他收款更新，请刷新后重试');
    bill.set({ paidAmount, status: billStatusFor(bill.amount, paidAmount) });
    settled.push({ bill, amount, before });
  }
  return settled;
}

/** What a receipt paid, in words for the audit note: 「2026年9月物业管理费（…）」¥250.46、…. */
const sharesText = (settled: readonly Settled[]) =>
  settled.map((s) => `「${s.bill.description}」${formatFen(s.amount)}`).join('、');

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

type ReceiptFields = Omit<
  CreationAttributes<Payment>,
  'cashierId' | 'cashReportId' | 'paidAt' | 'status' | 'amount' | 'billId'
> & { amount?: number; billId?: number | null };

/**
 * 开收据: a valid receipt by this cashier now, on their open report of the day, whose totals follow. With `shares` it
 * settles those bills (locked by the caller): its amount is their sum, each becomes an allocation (收据分摊), and a
 * receipt of exactly one bill names it in billId too.
 */
export async function issueReceipt(
  cashierId: number,
  fields: ReceiptFields,
  now: Date,
  transaction: Transaction,
  shares: Array<{ bill: Bill; amount: number }> = [],
): Promise<Payment & { settled: Settled[] }> {
  const report = await cashReportFor(cashierId, now, transaction);
  const settled = await settle(shares, transaction);
  const amount = shares.length ? shares.reduce((sum, s) => sum + s.amount, 0) : fields.amount;
  if (amount === undefined) throw new ValidationFailed('收款金额不能为空', { amount: '收款金额不能为空' });
  const receipt = await Payment.create(
    {
      ...fields,
      amount,
      billId: shares.length === 1 ? shares[0].bill.id : shares.length ? null : (fields.billId ?? null),
      cashierId,
      cashReportId: report?.id ?? null,
      paidAt: now,
      status: 'valid',
    },
    { transaction },
  );
  if (settled.length) {
    await PaymentAllocation.bulkCreate(
      settled.map((s) => ({ paymentId: receipt.id, billId: s.bill.id, amount: s.amount })),
      { transaction, validate: true },
    );
  }
  if (report) await retotal(report, transaction);
  return Object.assign(receipt, { settled });
}

/** What the audit line of a receipt says it changed: each bill's paid amount, before and after. */
const paidAmountChanges = (settled: readonly Settled[]): Record<string, readonly [unknown, unknown]> =>
  Object.fromEntries(settled.map((s) => [`bill#${s.bill.id}.paidAmount`, [s.before, s.bill.paidAmount] as const]));

/**
 * 收款 (Payment.new): one receipt for one bill, or for a sundry charge without a bill. A bill's receipt is the
 * one-bill case of 业主收款 (collectFromOwner): the same locking, settling, allocation and numbering underneath.
 */
export async function recordPayment(actor: Actor | null, input: PaymentInput, now = new Date()): Promise<Payment> {
  authorize(actor, 'Payment.new');
  const data = parseInput(input);
  return inTransaction(async (transaction) => {
    const cashier = authorize(actor, 'Payment.new');
    const bills = data.billId === null ? [] : await lockBills([data.billId], transaction);
    assertOutstanding(bills);
    const shares = bills.length ? allocate(bills, data.amount) : [];
    const bill = bills[0] ?? null;
    // A bill's receipt is the bill's owner's and room's, whatever the form sent.
    const ownerId = bill ? bill.ownerId : data.ownerId;
    const owner = ownerId === null ? null : await Owner.findByPk(ownerId, { transaction });
    const payment = await issueReceipt(
      cashier.id,
      {
        kind: data.kind,
        method: data.method,
        amount: data.amount,
        ownerId,
        unitId: bill ? bill.unitId : data.unitId,
        payerName: data.payerName ?? owner?.name ?? '散客',
      },
      now,
      transaction,
      shares,
    );
    await audit(
      {
        who: cashier,
        action: 'Payment.new',
        recordId: payment.id,
        changes: paidAmountChanges(payment.settled),
        note: `收款 ${formatFen(payment.amount)}，收据 ${payment.receiptNumber}${
          payment.settled.length ? `，缴付${sharesText(payment.settled)}` : ''
        }`,
      },
      transaction,
    );
    return payment;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 业主收款 (Owner.collect): one receipt for several bills of one owner

export interface CollectInput {
  /** The owner's bills to settle: ids separated by commas ("12,13,14"). */
  billIds?: unknown;
  /** 收款金额, in fen: spread over the bills oldest period first. */
  amount?: unknown;
  method?: unknown;
  /** 实收现金, in fen, for cash: at least the amount; the difference is the change (找零). */
  tendered?: unknown;
  /** 交款人, when not the owner. */
  payerName?: unknown;
}

export type CollectedReceipt = Payment & {
  settled: Settled[];
  /** 实收现金 and 找零, in fen, when cash was tendered. */
  tendered: number | null;
  change: number | null;
};

/** Bill ids as the form sends them: "12,13,14". */
function parseBillIds(value: unknown): { ids: number[]; problem?: undefined } | { ids?: undefined; problem: string } {
  const parts = String(value ?? '')
    .split(/[,，\s]+/)
    .filter((part) => part !== '');
  if (parts.length === 0) return { problem: '请选择要缴费的账单' };
  if (parts.length > 200) return { problem: '一次最多缴 200 张账单' };
  const bad = parts.find((part) => !isRecordId(part));
  if (bad !== undefined) return { problem: `账单编号不正确：${bad.slice(0, 20)}` };
  return { ids: [...new Set(parts.map(Number))] };
}

function parseCollectInput(input: CollectInput) {
  const errors: Record<string, string> = {};
  const billIds = parseBillIds(input.billIds);
  if (billIds.problem) errors.billIds = billIds.problem;
  const amount = parseFen(input.amount, '收款金额', 1);
  if (amount.problem) errors.amount = amount.problem;
  const method = parseMethod(input.method, '收款方式');
  if (method.problem) errors.method = method.problem;
  let tendered: number | null = null;
  if (method.method === 'cash' && !isBlank(input.tendered)) {
    const parsed = parseFen(input.tendered, '实收现金', 1);
    if (parsed.problem !== undefined) errors.tendered = parsed.problem;
    else if (amount.fen !== undefined && parsed.fen < amount.fen)
      errors.tendered = `实收现金不足：还差 ${formatFen(amount.fen - parsed.fen)}`;
    else tendered = parsed.fen;
  }
  const payerName = isBlank(input.payerName) ? null : String(input.payerName).trim() || null;
  if (Object.keys(errors).length) throw new ValidationFailed(Object.values(errors)[0], errors);
  return { billIds: billIds.ids!, amount: amount.fen!, method: method.method!, tendered, payerName };
}

/** The receipt's kind from what it pays: 车位费 or 会所费 when every bill is one, else 物业费等账单. */
function kindFor(bills: readonly Bill[]): PaymentKind {
  if (bills.every((b) => b.feeKind === 'parking')) return 'parking';
  if (bills.every((b) => b.feeKind === 'clubhouse')) return 'clubhouse';
  return 'fee';
}

/**
 * 收款 from an owner's page: the cashier ticks some of the owner's unpaid or partly paid bills and takes one amount for
 * them; one receipt, one number, each bill settled exactly once (locked, then a conditional update), all in one
 * transaction. A bill of another owner, a bill already paid or an amount above what they owe is refused and nothing
 * is written.
 */
export async function collectFromOwner(
  actor: Actor | null,
  ownerId: number,
  input: CollectInput,
  now = new Date(),
): Promise<CollectedReceipt> {
  const found = await Owner.findByPk(ownerId);
  if (!found) throw new NotFound('业主不存在');
  authorize(actor, 'Owner.collect', found);
  const data = parseCollectInput(input);
  return inTransaction(async (transaction) => {
    const owner = await Owner.findByPk(ownerId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!owner) throw new NotFound('业主不存在');
    const cashier = authorize(actor, 'Owner.collect', owner);
    const bills = await lockBills(data.billIds, transaction);
    const others = bills.filter((bill) => bill.ownerId !== owner.id);
    if (others.length) {
      const message = `账单「${others[0].description}」不是业主${owner.name}的账单，不能在此收款`;
      throw new ValidationFailed(message, { billIds: message });
    }
    assertOutstanding(bills);
    const shares = allocate(bills, data.amount);
    const units = new Set(bills.map((b) => b.unitId));
    const receipt = await issueReceipt(
      cashier.id,
      {
        kind: kindFor(bills),
        method: data.method,
        ownerId: owner.id,
        unitId: units.size === 1 ? bills[0].unitId : null,
        payerName: data.payerName ?? owner.name,
      },
      now,
      transaction,
      shares,
    );
    const change = data.tendered === null ? null : data.tendered - receipt.amount;
    const cash = data.tendered === null ? '' : `；实收现金 ${formatFen(data.tendered)}，找零 ${formatFen(change)}`;
    await audit(
      {
        who: cashier,
        action: 'Owner.collect',
        resource: 'Payment',
        recordId: receipt.id,
        changes: paidAmountChanges(receipt.settled),
        note: `业主${owner.name}缴费 ${formatFen(receipt.amount)}，收据 ${receipt.receiptNumber}，缴付${sharesText(receipt.settled)}${cash}`,
      },
      transaction,
    );
    return Object.assign(receipt, { tendered: data.tendered, change });
  });
}

/** What the cashier is told once the receipt is out: its number, and the change to hand back. */
export function collectedNotice(receipt: CollectedReceipt): string {
  const cash =
    receipt.tendered === null ? '' : `；实收 ${formatFen(receipt.tendered)}，找零 ${formatFen(receipt.change)}`;
  return `已收款 ${formatFen(receipt.amount)}，收据号 ${receipt.receiptNumber}（${receipt.settled.length} 张账单）${cash}`;
}

// ---------------------------------------------------------------------------------------------------------------
// 作废: a voided receipt gives back what it settled

/**
 * Each bill the receipt settled owes its allocation again (status recomputed with billStatusFor), in the voiding
 * transaction. The bills are locked in id order; a bill whose paid amount no longer covers the allocation stops the
 * void (the books would be wrong) rather than being clamped at zero.
 */
export async function reverseAllocations(payment: Payment, transaction: Transaction): Promise<Settled[]> {
  const allocations = await PaymentAllocation.findAll({
    where: { paymentId: payment.id },
    order: [['billId', 'ASC']],
    transaction,
  });
  if (allocations.length === 0) return [];
  const bills = new Map(
    (
      await lockBills(
        allocations.map((a) => a.billId),
        transaction,
      )
    ).map((bill) => [bill.id, bill] as const),
  );
  const reversed: Settled[] = [];
  for (const allocation of allocations) {
    const bill = bills.get(allocation.billId)!;
    const before = bill.paidAmount;
    const paidAmount = before - allocation.amount;
    if (paidAmount < 0)
      throw new ValidationFailed(
        `账单「${bill.description}」的已收金额少于本收据缴付的金额，不能作废，请联系管理员核查`,
      );
    const [updated] = await Bill.update(
      { paidAmount, status: billStatusFor(bill.amount, paidAmount) },
      { where: { id: bill.id, paidAmount: before }, transaction, hooks: false },
    );
    if (updated !== 1) throw new ValidationFailed('账单刚被其他收款更新，请刷新后重试');
    bill.set({ paidAmount, status: billStatusFor(bill.amount, paidAmount) });
    reversed.push({ bill, amount: allocation.amount, before });
  }
  return reversed;
}
