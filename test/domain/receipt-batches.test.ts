import { expect } from 'chai';
import { Payment, type Staff } from '../../src/models/index.js';
import { nextReceipt, numberReceipts, receiptNumbering } from '../../src/models/index.js';
import { managementBillRow, parkingBillRow } from '../../src/domain/billing-run.js';
import { staff } from '../support/factories.js';

// Years far from the present (and from test/models/receipt-numbers.test.ts's) so other files' receipts never share them.
const YEAR_C = 2081;
const YEAR_D = 2082;

describe('numbering many receipts at once (the demo data)', () => {
  let cashier: Staff;
  before(async () => {
    cashier = await staff('cashier');
  });

  it('gives each receipt, in the order given, the number nextReceipt would have given it', async () => {
    await Payment.create({
      kind: 'other',
      method: 'cash',
      amount: 1000,
      payerName: '王建国',
      cashierId: cashier.id,
      paidAt: new Date(`${YEAR_C}-03-01T02:00:00Z`),
    });
    const first = await nextReceipt(new Date(`${YEAR_C}-05-01T02:00:00Z`));
    const nextYear = await nextReceipt(new Date(`${YEAR_C}-12-31T16:30:00Z`)); // already YEAR_C + 1 in Shanghai
    const rows = [
      { paidAt: new Date(`${YEAR_C}-05-01T02:00:00Z`), payerName: '甲' },
      { paidAt: new Date(`${YEAR_C}-12-31T16:30:00Z`), payerName: '乙' },
      { paidAt: new Date(`${YEAR_C}-06-01T02:00:00Z`), payerName: '丙' },
    ];
    const numbered = await numberReceipts(rows);
    expect(numbered).to.equal(rows);
    expect(numbered[0]).to.include(first);
    expect(numbered[1])
      .to.include(nextYear)
      .and.to.include({ receiptYear: YEAR_C + 1 });
    expect(numbered[2]).to.include(receiptNumbering(YEAR_C, first.receiptSequence + 1));
  });

  it('continues after voided receipts too, so a number is never reused', async () => {
    const paidAt = new Date(`${YEAR_D}-03-01T02:00:00Z`);
    const voided = await Payment.create({
      kind: 'other',
      method: 'cash',
      amount: 1000,
      payerName: '李秀英',
      cashierId: cashier.id,
      paidAt,
      status: 'voided',
      voidReason: '金额录入错误',
      voidedAt: new Date(`${YEAR_D}-03-01T02:05:00Z`),
      voidedById: cashier.id,
    });
    const [row] = await numberReceipts([{ paidAt: new Date(`${YEAR_D}-04-01T02:00:00Z`) }]);
    expect(row).to.include(receiptNumbering(YEAR_D, voided.receiptSequence + 1));
  });
});

describe('the bills a billing run makes', () => {
  it('bills a unit area × 2.80 元 for the month, due on the 20th, under its billing key', () => {
    expect(
      managementBillRow({ id: 12, label: '翠湖花园 3栋 1203', area: '89.45', ownerId: 5 }, '2026-11'),
    ).to.deep.equal({
      unitId: 12,
      ownerId: 5,
      period: '2026-11',
      feeKind: 'management',
      description: '2026年11月物业管理费（翠湖花园 3栋 1203）',
      amount: 25046,
      dueDate: '2026-11-20',
      billingKey: 'management:12:2026-11',
    });
  });

  it("bills a parking rental's monthly rent to its unit under the rental's billing key", () => {
    const rental = {
      id: 7,
      unitId: 12,
      ownerId: 5,
      monthlyRent: 35000,
      spaceCode: 'B1-023',
      plateNumber: '粤B12345',
    };
    expect(parkingBillRow(rental, '翠湖花园 3栋 1203', '2026-11')).to.deep.equal({
      unitId: 12,
      ownerId: 5,
      period: '2026-11',
      feeKind: 'parking',
      description: '2026年11月车位租金（B1-023 粤B12345，翠湖花园 3栋 1203）',
      amount: 35000,
      dueDate: '2026-11-20',
      billingKey: 'parking:7:2026-11',
    });
  });
});
