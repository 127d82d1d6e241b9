// 现金日报表: the cashier submits the day (its receipts are gathered and frozen); another collector reconciles it
// against the receipts, and a mismatch is refused with the difference. 作废收据 lives here too: it changes a day.
import { Op } from 'sequelize';
import { Bill, CashReport, Payment, billStatusFor } from '../models/index.js';
import { cashReportMatches, computeCashReportTotals } from './cash-report-totals.js';
import { formatFen } from '../lib/money.js';
import { addDays, shanghaiMoment } from '../lib/shanghai.js';
import { retotal } from './payments.js';
import { requiredText, transitionTo } from './transition.js';

const plain = (payments: Payment[]) => payments.map((p) => p.get({ plain: true }));

export const submitCashReport = transitionTo({
  action: 'CashReport.submit',
  model: CashReport,
  from: ['open'],
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

export const reconcileCashReport = transitionTo({
  action: 'CashReport.reconcile',
  model: CashReport,
  from: ['submitted'],
  check: async (report, transaction) => {
    const receipts = await Payment.findAll({ where: { cashReportId: report.id }, transaction });
    return difference(report, receipts);
  },
  changes: (_row, actor, _input, now) => ({ status: 'reconciled', reconciledById: actor.id, reconciledAt: now }),
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
      if (report && report.status !== 'open') return `${report.reportDate} 的现金日报表已提交，不能再作废当天的收据`;
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
    if (payment.billId) {
      const bill = await Bill.findByPk(payment.billId, { transaction, lock: transaction.LOCK.UPDATE });
      if (bill) {
        const paidAmount = Math.max(0, bill.paidAmount - payment.amount);
        await Bill.update(
          { paidAmount, status: billStatusFor(bill.amount, paidAmount) },
          { where: { id: bill.id }, transaction, hooks: false },
        );
      }
    }
    const report = payment.cashReportId ? await CashReport.findByPk(payment.cashReportId, { transaction }) : null;
    if (report) await retotal(report, transaction);
  },
});
