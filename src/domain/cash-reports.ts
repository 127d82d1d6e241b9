// 现金日报表: the cashier submits the day (its receipts are gathered and frozen); another collector checks it against
// the money: 核对无误 reconciles it (a report that does not equal its receipts is refused with the difference), 有差异
// sends it back with the difference and a note, and the cashier corrects it (voids and reissues) and submits again.
// A submitted day not yet checked may be reopened by its cashier for the day's later receipts. Every check is kept
// (CashReportReview). 作废收据 lives here too: it changes a day.
import { Op, type Transaction } from 'sequelize';
import { CashReport, CashReportReview, Payment } from '../models/index.js';
import { cashReportMatches, computeCashReportTotals } from './cash-report-totals.js';
import { formatFen } from '../lib/money.js';
import { addDays, shanghaiMoment } from '../lib/shanghai.js';
import { isBlank, refuse } from './input.js';
import { retotal, reverseAllocations } from './payments.js';
import { requiredText, transitionTo, type Step } from './transition.js';

const plain = (payments: Payment[]) => payments.map((p) => p.get({ plain: true }));

/** The states in which the cashier still works on the day: receipts may be voided (and, for today, issued). */
export const CASH_REPORT_WORKING_STATES: readonly string[] = ['open', 'returned'];

export const submitCashReport = transitionTo({
  action: 'CashReport.submit',
  model: CashReport,
  // A report sent back (有差异) is submitted again once corrected.
  from: CASH_REPORT_WORKING_STATES,
  changes: (_row, _actor, _input, now) => ({ status: 'submitted', submittedAt: now }),
  // The day's receipts not yet on the report join it, so the submitted totals are the whole day.
  after: async (report, transaction) => {
    const dayStart = shanghaiMoment(report.reportDate, 0);
    const dayEnd = shanghaiMoment(addDays(report.reportDate, 1), 0);
    await Payment.update(
      { cashReportId: report.id },
      {
        where: { cashierId: report.cashierId, cashReportId: null, paidAt: { [Op.gte]: dayStart, [Op.lt]: dayEnd } },
        transaction,
        hooks: false,
      },
    );
    await retotal(report, transaction);
  },
});

function difference(report: CashReport, receipts: Payment[]): string | null {
  if (cashReportMatches(report, plain(receipts))) return null;
  const expected = computeCashReportTotals(plain(receipts));
  const total = expected.totalAmount - Number(report.totalAmount);
  return `日报表与收据不符：收据合计 ${formatFen(expected.totalAmount)}（${expected.receiptCount} 张），日报表 ${formatFen(Number(report.totalAmount))}（${report.receiptCount} 张），相差 ${formatFen(total)}`;
}

/** The rules decide who checks; whatever they say, a cashier never checks their own day. */
function notOwnDay(report: CashReport, step: { actor: { id: number } }): string | null {
  return Number(report.cashierId) === Number(step.actor.id) ? '不能核对本人的日报表，须由另一名收费员核对' : null;
}

/** A check's optional or required note: trimmed, blank as null. */
function noteOf(input: Record<string, unknown>): string | null {
  const text = isBlank(input.note) ? '' : String(input.note).trim();
  return text === '' ? null : text;
}

/**
 * 差异金额 as the reviewer counts it, in signed fen: money on hand minus the report — positive 长款 (more money than
 * receipts), negative 短款 (money missing). 0 says the net agrees and a detail does not (the note says which).
 */
export function parseDifference(value: unknown): number {
  const text = String(value ?? '').trim();
  if (text === '') refuse('differenceAmount', '请填写差异金额：长款填正数，短款填负数，以分为单位');
  if (!/^-?\d+$/.test(text)) refuse('differenceAmount', '差异金额必须是以分为单位的整数（长款为正，短款为负）');
  const fen = Number(text);
  if (!Number.isSafeInteger(fen) || Math.abs(fen) > 2_147_483_647) refuse('differenceAmount', '差异金额超出范围');
  return fen === 0 ? 0 : fen;
}

/** 长款 ¥5.00 / 短款 ¥12.00 / 金额无差异. */
export function describeDifference(fen: number): string {
  if (fen > 0) return `长款 ${formatFen(fen)}`;
  if (fen < 0) return `短款 ${formatFen(-fen)}`;
  return '金额无差异';
}

async function recordReview(
  report: CashReport,
  review: { outcome: 'matched' | 'different'; differenceAmount: number; note: string | null },
  step: Step,
  transaction: Transaction,
): Promise<void> {
  await CashReportReview.create(
    { cashReportId: report.id, reviewerId: step.actor.id, reviewedAt: step.now, ...review },
    { transaction },
  );
}

/** 核对无误: the day equals its receipts and the money; another collector says so, and the day is closed for good. */
export const reconcileCashReport = transitionTo({
  action: 'CashReport.reconcile',
  model: CashReport,
  from: ['submitted'],
  check: async (report, transaction) => {
    const receipts = await Payment.findAll({ where: { cashReportId: report.id }, transaction });
    return difference(report, receipts);
  },
  changes: (row, actor, _input, now) => {
    const own = notOwnDay(row, { actor });
    if (own) refuse('reconciledById', own);
    return { status: 'reconciled', reconciledById: actor.id, reconciledAt: now };
  },
  after: async (report, transaction, step) => {
    await recordReview(
      report,
      { outcome: 'matched', differenceAmount: 0, note: noteOf(step.input) },
      step,
      transaction,
    );
  },
  note: (input) => noteOf(input),
});

/**
 * 退回 (有差异): the money does not agree with the day; another collector records the difference and what differs,
 * and the day goes back to its cashier to correct (void and reissue receipts) and submit again.
 */
export const sendBackCashReport = transitionTo({
  action: 'CashReport.sendBack',
  model: CashReport,
  from: ['submitted'],
  changes: (row, actor, input) => {
    const own = notOwnDay(row, { actor });
    if (own) refuse('reconciledById', own);
    // Read here, before anything is written; the check itself is recorded by `after`.
    parseDifference(input.differenceAmount);
    if (!noteOf(input)) refuse('note', '请写明差异所在，以便收款人更正');
    return { status: 'returned' };
  },
  after: async (report, transaction, step) => {
    const differenceAmount = parseDifference(step.input.differenceAmount);
    await recordReview(report, { outcome: 'different', differenceAmount, note: noteOf(step.input) }, step, transaction);
    return `${describeDifference(differenceAmount)}，${noteOf(step.input)}`;
  },
});

/**
 * 重新打开: the cashier takes back a submitted day nobody has checked yet, so that the day's later receipts go on it;
 * it is submitted again at the end of the day.
 */
export const reopenCashReport = transitionTo({
  action: 'CashReport.reopen',
  model: CashReport,
  from: ['submitted'],
  changes: () => ({ status: 'open', submittedAt: null }),
  note: (input) => noteOf(input) ?? '当天继续收款',
});

/** 作废收据: a wrong receipt is voided (never deleted), its bill owes the amount again, its open day follows. */
export const voidPayment = transitionTo({
  action: 'Payment.void',
  model: Payment,
  from: ['valid'],
  check: async (payment, transaction) => {
    if (payment.kind === 'deposit' || payment.kind === 'deposit_refund') return '押金收据随装修押金办理，不能单独作废';
    if (payment.cashReportId) {
      const report = await CashReport.findByPk(payment.cashReportId, { transaction });
      if (report && !CASH_REPORT_WORKING_STATES.includes(report.status))
        return `${report.reportDate} 的现金日报表${report.status === 'reconciled' ? '已核对' : '已提交'}，不能再作废当天的收据`;
    }
    return null;
  },
  changes: (_row, actor, input, now) => ({
    status: 'voided',
    voidedAt: now,
    voidedById: actor.id,
    voidReason: requiredText(input, 'voidReason', '请写明作废原因'),
  }),
  after: async (payment, transaction) => {
    // Every bill the receipt settled owes its share again (收据分摊), in this transaction.
    await reverseAllocations(payment, transaction);
    const report = payment.cashReportId ? await CashReport.findByPk(payment.cashReportId, { transaction }) : null;
    if (report) await retotal(report, transaction);
  },
});
