import { expect } from 'chai';
import { UniqueConstraintError } from 'sequelize';
import { Payment, type Staff } from '../../src/models/index.js';
import { formatReceiptNumber, nextReceipt, nextReceiptSequence, parseReceiptNumber } from '../../src/models/index.js';
import { shanghaiYear } from '../../src/lib/shanghai.js';
import {
  cashReportMatches,
  computeCashReportTotals,
  type TotalledPayment,
} from '../../src/domain/cash-report-totals.js';
import { staff } from '../support/factories.js';
import { expectRefused } from '../support/refusals.js';

// Years far from the present so other test files' receipts never share them.
const YEAR_A = 2091;
const YEAR_B = 2092;

describe('receipt numbering', () => {
  let cashier: Staff;
  before(async () => {
    cashier = await staff('cashier');
  });

  const receipt = (year: number, sequence: number, extra: Partial<Parameters<typeof Payment.create>[0]> = {}) =>
    Payment.create({
      receiptYear: year,
      receiptSequence: sequence,
      receiptNumber: formatReceiptNumber(year, sequence),
      kind: 'fee',
      method: 'cash',
      amount: 10000,
      payerName: '王建国',
      cashierId: cashier.id,
      paidAt: new Date(`${year}-03-01T02:00:00Z`),
      ...extra,
    });

  it('formats a receipt number as SK, the year and a six-digit sequence', () => {
    expect(formatReceiptNumber(2026, 123)).to.equal('SK2026-000123');
    expect(formatReceiptNumber(2026, 1)).to.equal('SK2026-000001');
    expect(formatReceiptNumber(2026, 1234567)).to.equal('SK2026-1234567');
    expect(parseReceiptNumber('SK2026-000123')).to.deep.equal({ year: 2026, sequence: 123 });
    expect(parseReceiptNumber('BS20261127-0001')).to.equal(null);
    expect(() => formatReceiptNumber(2026, 0)).to.throw(RangeError);
  });

  it('takes the receipt year in Asia/Shanghai', () => {
    expect(shanghaiYear(new Date('2025-12-31T15:59:59Z'))).to.equal(2025);
    expect(shanghaiYear(new Date('2025-12-31T16:30:00Z'))).to.equal(2026);
  });

  it('starts a year at 1 and continues after the highest number, voided receipts included', async () => {
    expect(await nextReceiptSequence(YEAR_A)).to.equal(1);
    await receipt(YEAR_A, 1);
    await receipt(YEAR_A, 2, {
      status: 'voided',
      voidReason: '金额录入错误',
      voidedAt: new Date(`${YEAR_A}-03-01T02:05:00Z`),
      voidedById: cashier.id,
    });
    expect(await nextReceiptSequence(YEAR_A)).to.equal(3);
    // Another year has its own sequence.
    expect(await nextReceiptSequence(YEAR_B)).to.equal(1);
  });

  it('numbers a new receipt itself when the caller leaves the number out', async () => {
    const paidAt = new Date(`${YEAR_B}-12-31T16:30:00Z`); // already the next year in Shanghai
    const first = await Payment.create({
      kind: 'other',
      method: 'wechat',
      amount: 2000,
      payerName: '李秀英',
      cashierId: cashier.id,
      paidAt,
    });
    const second = await Payment.create({
      kind: 'other',
      method: 'alipay',
      amount: 3000,
      payerName: '张伟',
      cashierId: cashier.id,
      paidAt,
    });
    expect(first.receiptYear).to.equal(YEAR_B + 1);
    expect(first.receiptNumber).to.equal(formatReceiptNumber(YEAR_B + 1, 1));
    expect(second.receiptNumber).to.equal(formatReceiptNumber(YEAR_B + 1, 2));
    expect(await nextReceipt(paidAt)).to.deep.equal({
      receiptYear: YEAR_B + 1,
      receiptSequence: 3,
      receiptNumber: formatReceiptNumber(YEAR_B + 1, 3),
    });
  });

  it('never hands out the same number twice: a second receipt with a used sequence is refused', async () => {
    await receipt(YEAR_B, 7);
    await expectRefused(
      () => receipt(YEAR_B, 7, { receiptNumber: formatReceiptNumber(YEAR_B, 7) }),
      UniqueConstraintError,
    );
    expect(await Payment.count({ where: { receiptYear: YEAR_B, receiptSequence: 7 } })).to.equal(1);
  });
});

describe('cash report totals', () => {
  const p = (kind: string, method: string, amount: number, status = 'valid'): TotalledPayment => ({
    kind,
    method,
    amount,
    status,
  });

  it('adds valid inflows per method and nets deposit refunds out of the total', () => {
    const totals = computeCashReportTotals([
      p('fee', 'cash', 25046),
      p('fee', 'wechat', 30000),
      p('parking', 'alipay', 40000),
      p('deposit', 'card', 300000),
      p('other', 'transfer', 2000),
      p('clubhouse', 'cash', 6000),
      p('deposit_refund', 'transfer', 250000),
      p('fee', 'cash', 999999, 'voided'),
    ]);
    expect(totals).to.deep.equal({
      receiptCount: 7,
      cashAmount: 31046,
      cardAmount: 300000,
      wechatAmount: 30000,
      alipayAmount: 40000,
      transferAmount: 2000,
      refundAmount: 250000,
      totalAmount: 31046 + 300000 + 30000 + 40000 + 2000 - 250000,
    });
  });

  it('gives zeros for a day without receipts and a negative net for a day of refunds only', () => {
    expect(computeCashReportTotals([]).totalAmount).to.equal(0);
    expect(computeCashReportTotals([]).receiptCount).to.equal(0);
    const refunds = computeCashReportTotals([
      p('deposit_refund', 'cash', 150000),
      p('deposit_refund', 'transfer', 50000),
    ]);
    expect(refunds.totalAmount).to.equal(-200000);
    expect(refunds.refundAmount).to.equal(200000);
    expect(refunds.cashAmount).to.equal(0);
  });

  it('reads amounts stored as text and refuses a non-integer amount or an unknown method', () => {
    expect(computeCashReportTotals([p('fee', 'cash', '1500' as unknown as number)]).cashAmount).to.equal(1500);
    expect(() => computeCashReportTotals([p('fee', 'cash', 12.5)])).to.throw(TypeError);
    expect(() => computeCashReportTotals([p('fee', 'cheque', 100)])).to.throw(TypeError);
  });

  it('tells whether a stored report matches its receipts', () => {
    const receipts = [p('fee', 'cash', 100), p('fee', 'card', 200)];
    const report = computeCashReportTotals(receipts);
    expect(cashReportMatches(report, receipts)).to.equal(true);
    expect(cashReportMatches({ ...report, cashAmount: 101, totalAmount: 301 }, receipts)).to.equal(false);
  });
});
