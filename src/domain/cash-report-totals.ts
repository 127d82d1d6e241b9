// The totals of a 现金日报表 from its receipts. Pure: the reconcile use case and the demo data both use it, so a
// report "equals its receipts" exactly when its stored fields equal computeCashReportTotals(its payments).
import type { PaymentKind, PaymentMethod, PaymentStatus } from '../models/payment.js';

export interface CashReportTotals {
  /** Valid receipts (refunds included). */
  receiptCount: number;
  /** Net, in fen: inflows − refunds. */
  totalAmount: number;
  cashAmount: number;
  cardAmount: number;
  wechatAmount: number;
  alipayAmount: number;
  transferAmount: number;
  /** Deposit refunds paid out, in fen. */
  refundAmount: number;
}

export type TotalledPayment = {
  kind: PaymentKind | string;
  method: PaymentMethod | string;
  amount: number | string;
  status: PaymentStatus | string;
};

const METHOD_FIELD: Record<PaymentMethod, keyof CashReportTotals> = {
  cash: 'cashAmount',
  card: 'cardAmount',
  wechat: 'wechatAmount',
  alipay: 'alipayAmount',
  transfer: 'transferAmount',
};

export function emptyCashReportTotals(): CashReportTotals {
  return {
    receiptCount: 0,
    totalAmount: 0,
    cashAmount: 0,
    cardAmount: 0,
    wechatAmount: 0,
    alipayAmount: 0,
    transferAmount: 0,
    refundAmount: 0,
  };
}

/**
 * Voided receipts count nothing. A `deposit_refund` adds to refundAmount (whatever its method) and lowers the net
 * total; every other receipt adds to its method's inflow. So cash + card + wechat + alipay + transfer − refund = total.
 */
export function computeCashReportTotals(payments: Iterable<TotalledPayment>): CashReportTotals {
  const totals = emptyCashReportTotals();
  for (const payment of payments) {
    if (payment.status !== 'valid') continue;
    const amount = Number(payment.amount);
    if (!Number.isInteger(amount)) throw new TypeError(`收据金额不是以分为单位的整数: ${String(payment.amount)}`);
    totals.receiptCount += 1;
    if (payment.kind === 'deposit_refund') {
      totals.refundAmount += amount;
      totals.totalAmount -= amount;
      continue;
    }
    const field = METHOD_FIELD[payment.method as PaymentMethod];
    if (!field) throw new TypeError(`未知的收款方式: ${String(payment.method)}`);
    totals[field] += amount;
    totals.totalAmount += amount;
  }
  return totals;
}

/** True when a stored report's totals are exactly those of the given receipts. */
export function cashReportMatches(report: CashReportTotals, payments: Iterable<TotalledPayment>): boolean {
  const expected = computeCashReportTotals(payments);
  return (Object.keys(expected) as Array<keyof CashReportTotals>).every((key) => Number(report[key]) === expected[key]);
}
