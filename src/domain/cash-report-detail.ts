// What a 现金日报表's page shows beneath its figures: its receipts as a table, the totals per method (which are the
// report's own figures: computeCashReportTotals of these receipts), and every check of it (日报核对记录) — in words,
// money in fen for the page to show in yuan, moments in Asia/Shanghai.
import { Op } from 'sequelize';
import { CashReport, CashReportReview, Payment, Staff } from '../models/index.js';
import { PAYMENT_METHODS } from '../models/payment.js';
import { NotFound } from '../errors.js';
import { feesZh } from '../vocabulary/fees.js';
import { addDays, shanghaiMoment } from '../lib/shanghai.js';
import { computeCashReportTotals } from './cash-report-totals.js';
import { describeDifference } from './cash-reports.js';

export interface ReceiptRow {
  id: number;
  receiptNumber: string;
  /** 'YYYY-MM-DD HH:mm', Asia/Shanghai. */
  paidAt: string;
  payerName: string;
  kind: string;
  method: string;
  /** Fen, positive; a refund pays it out. */
  amount: number;
  isRefund: boolean;
  status: string;
  valid: boolean;
  voidReason: string | null;
}

export interface MethodTotal {
  method: string;
  label: string;
  count: number;
  /** Fen. */
  amount: number;
}

export interface ReviewRow {
  id: number;
  outcome: 'matched' | 'different';
  outcomeLabel: string;
  /** Signed fen: + 长款, − 短款. */
  differenceAmount: number;
  differenceText: string;
  note: string | null;
  reviewer: string;
  /** 'YYYY-MM-DD HH:mm', Asia/Shanghai. */
  reviewedAt: string;
}

export interface CashReportDetail {
  receipts: ReceiptRow[];
  methods: MethodTotal[];
  refund: { count: number; amount: number };
  /** Valid receipts and the net, in fen: what the report's own figures are. */
  receiptCount: number;
  totalAmount: number;
  /** The day's receipts of this cashier not yet on the report: they join it when it is submitted. */
  pendingCount: number;
  reviews: ReviewRow[];
}

const paymentWords = feesZh.Payment.properties as Record<string, string>;
const reviewWords = feesZh.CashReportReview.properties as Record<string, string>;
const word = (words: Record<string, string>, key: string) => words[key] ?? key;

/** 'YYYY-MM-DD HH:mm' of a moment in Asia/Shanghai (UTC+8 all year). */
function shanghaiMinute(at: Date): string {
  return new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export async function cashReportDetail(reportId: number): Promise<CashReportDetail> {
  const report = await CashReport.findByPk(reportId);
  if (!report) throw new NotFound('现金日报表不存在');
  const payments = await Payment.findAll({
    where: { cashReportId: report.id },
    order: [
      ['paidAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const pendingCount =
    report.status === 'open' || report.status === 'returned'
      ? await Payment.count({
          where: {
            cashierId: report.cashierId,
            cashReportId: null,
            paidAt: {
              [Op.gte]: shanghaiMoment(report.reportDate, 0),
              [Op.lt]: shanghaiMoment(addDays(report.reportDate, 1), 0),
            },
          },
        })
      : 0;

  const receipts: ReceiptRow[] = payments.map((p) => ({
    id: p.id,
    receiptNumber: p.receiptNumber,
    paidAt: shanghaiMinute(p.paidAt),
    payerName: p.payerName,
    kind: word(paymentWords, `kind.${p.kind}`),
    method: word(paymentWords, `method.${p.method}`),
    amount: Number(p.amount),
    isRefund: p.kind === 'deposit_refund',
    status: word(paymentWords, `status.${p.status}`),
    valid: p.status === 'valid',
    voidReason: p.voidReason ?? null,
  }));

  const valid = payments.filter((p) => p.status === 'valid');
  const totals = computeCashReportTotals(valid.map((p) => p.get({ plain: true })));
  const inflows = valid.filter((p) => p.kind !== 'deposit_refund');
  const methods: MethodTotal[] = PAYMENT_METHODS.map((method) => {
    const mine = inflows.filter((p) => p.method === method);
    return {
      method,
      label: word(paymentWords, `method.${method}`),
      count: mine.length,
      amount: mine.reduce((sum, p) => sum + Number(p.amount), 0),
    };
  });
  const refunds = valid.filter((p) => p.kind === 'deposit_refund');

  const reviewRows = await CashReportReview.findAll({
    where: { cashReportId: report.id },
    include: [{ model: Staff, as: 'reviewer', attributes: ['id', 'name'] }],
    order: [
      ['reviewedAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const reviews: ReviewRow[] = reviewRows.map((review) => {
    const reviewer = (review as CashReportReview & { reviewer?: Staff | null }).reviewer;
    return {
      id: review.id,
      outcome: review.outcome,
      outcomeLabel: word(reviewWords, `outcome.${review.outcome}`),
      differenceAmount: Number(review.differenceAmount),
      differenceText: review.outcome === 'matched' ? '—' : describeDifference(Number(review.differenceAmount)),
      note: review.note ?? null,
      reviewer: reviewer?.name ?? '',
      reviewedAt: shanghaiMinute(review.reviewedAt),
    };
  });

  return {
    receipts,
    methods,
    refund: { count: refunds.length, amount: totals.refundAmount },
    receiptCount: totals.receiptCount,
    totalAmount: totals.totalAmount,
    pendingCount,
    reviews,
  };
}
