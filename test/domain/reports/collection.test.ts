// 收费统计 against figures worked out by hand on a small known set, and against plain sums over a demo-seeded estate.
import { expect } from 'chai';
import type { CreationAttributes } from 'sequelize';
import { Bill, Payment, PaymentAllocation, type Unit } from '../../../src/models/index.js';
import { collection } from '../../../src/domain/reports/collection.js';
import { select, num } from '../../../src/domain/reports/sql.js';
import type { ReportResult, ReportSection } from '../../../src/domain/reports/report.js';
import { seedCashReportsDemo, seedFeesDemo } from '../../../src/seed/demo/fees.js';
import { Rng } from '../../../src/seed/demo/fake.js';
import { smallEstate, type SmallEstate } from '../../support/estate.js';
import { staff } from '../../support/factories.js';
import { demoAccounts, demoContext, estateContext } from '../../support/demo.js';

const section = (result: ReportResult, key: string): ReportSection => result.sections!.find((s) => s.key === key)!;

describe('收费统计 (Report.collection)', function () {
  this.timeout(60_000);
  // September 2038 in Shanghai: no other test bills that year.
  const P = '2038-09';
  let estate: SmallEstate;
  let cashierId: number;
  let result: ReportResult;

  async function billOf(unit: Unit, period: string, feeKind: Bill['feeKind'], amount: number, paidAmount: number) {
    return Bill.create({
      unitId: unit.id,
      ownerId: unit.ownerId,
      period,
      feeKind,
      description: `${period} ${feeKind} ${unit.label}`,
      amount,
      paidAmount,
      status: paidAmount === 0 ? 'unpaid' : paidAmount >= amount ? 'paid' : 'partial',
      dueDate: `${period}-20`,
    });
  }

  async function receipt(fields: Partial<CreationAttributes<Payment>> & { amount: number; paidAt: Date; unit: Unit }) {
    const { unit, ...rest } = fields;
    return Payment.create({
      kind: 'fee',
      method: 'cash',
      payerName: '测试业主',
      cashierId,
      ownerId: unit.ownerId,
      unitId: unit.id,
      ...rest,
    });
  }

  before(async () => {
    estate = await smallEstate(4);
    const [u0, u1, u2, u3] = estate.units;
    cashierId = (await staff('cashier')).id;
    const b1 = await billOf(u0, P, 'management', 10_000, 10_000);
    const b2 = await billOf(u1, P, 'management', 20_000, 6_000);
    const b3 = await billOf(u0, P, 'parking', 5_000, 5_000);
    await billOf(u3, P, 'management', 7_000, 0);
    const b4 = await billOf(u2, '2038-08', 'management', 8_000, 8_000);

    // One receipt settles two bills through 收据分摊.
    const r1 = await receipt({ amount: 15_000, paidAt: new Date('2038-09-10T03:00:00Z'), unit: u0 });
    await PaymentAllocation.bulkCreate([
      { paymentId: r1.id, billId: b1.id, amount: 10_000 },
      { paymentId: r1.id, billId: b3.id, amount: 5_000 },
    ]);
    // A voided receipt keeps its allocation but counts nothing.
    const r2 = await receipt({
      amount: 20_000,
      paidAt: new Date('2038-09-11T03:00:00Z'),
      unit: u1,
      status: 'voided',
      voidedAt: new Date('2038-09-11T04:00:00Z'),
      voidReason: '金额写错',
    });
    await PaymentAllocation.create({ paymentId: r2.id, billId: b2.id, amount: 20_000 });
    // An older receipt names its one bill and has no allocation; paid in October, it still counts as 当期实收.
    await receipt({ amount: 6_000, paidAt: new Date('2038-10-02T03:00:00Z'), unit: u1, billId: b2.id, method: 'card' });
    // August's bill paid at the month boundary: 00:10 on 1 September in Shanghai counts in September,
    // 00:30 on 1 October in Shanghai does not.
    const r5 = await receipt({ amount: 3_000, paidAt: new Date('2038-08-31T16:10:00Z'), unit: u2, method: 'wechat' });
    await PaymentAllocation.create({ paymentId: r5.id, billId: b4.id, amount: 3_000 });
    const r4 = await receipt({ amount: 5_000, paidAt: new Date('2038-09-30T16:30:00Z'), unit: u2 });
    await PaymentAllocation.create({ paymentId: r4.id, billId: b4.id, amount: 5_000 });
    // A deposit refund at 23:59 on 30 September in Shanghai: money out, in September.
    await receipt({ amount: 1_000, paidAt: new Date('2038-09-30T15:59:00Z'), unit: u1, kind: 'deposit_refund' });

    result = await collection({ period: P, communityId: estate.community.id });
  });

  it('counts 应收 as the period’s bills and 实收 as what valid receipts paid on them in any month', () => {
    expect(result.rows).to.have.length(1);
    expect(result.rows[0]).to.include({ place: estate.building.name, bills: 4, receivable: 42_000, received: 21_000 });
    expect(result.totals).to.include({ receivable: 42_000, received: 21_000, outstanding: 21_000, rate: 0.5 });
  });

  it('splits the same figures by fee kind', () => {
    const kinds = section(result, 'feeKinds');
    expect(kinds.rows).to.deep.equal([
      {
        feeKind: '物业管理费',
        bills: 3,
        receivable: 37_000,
        received: 16_000,
        outstanding: 21_000,
        rate: 16_000 / 37_000,
      },
      { feeKind: '车位费', bills: 1, receivable: 5_000, received: 5_000, outstanding: 0, rate: 1 },
    ]);
  });

  it('shows earlier periods’ arrears paid during the month (Shanghai days) separately', () => {
    expect(section(result, 'recovered').totals).to.deep.equal({ place: '合计', recovered: 3_000 });
    expect(section(result, 'recoveredPeriods').rows).to.deep.equal([{ billPeriod: '2038年8月', recovered: 3_000 }]);
    expect(result.headlines!.find((h) => h.key === 'recovered')!.value).to.equal(3_000);
  });

  it('sums the month’s receipts per cashier and method, refunds apart, and per Shanghai day', () => {
    const methods = section(result, 'methods');
    expect(methods.rows).to.have.length(1);
    expect(methods.rows[0]).to.include({
      cash: 15_000,
      wechat: 3_000,
      card: 0,
      inflow: 18_000,
      refunds: 1_000,
      total: 17_000,
      receipts: 3,
    });
    const days = section(result, 'days');
    expect(days.rows).to.have.length(30);
    const day = (d: string) => days.rows.find((r) => r.day === d)!;
    expect(day('2038-09-01')).to.include({ wechat: 3_000, total: 3_000 });
    expect(day('2038-09-10')).to.include({ cash: 15_000 });
    expect(day('2038-09-30')).to.include({ refunds: 1_000, total: -1_000 });
    expect(days.totals).to.include({ inflow: 18_000, refunds: 1_000, receipts: 3 });
  });

  it('draws the 12-month collection-rate trend, ending with the period', () => {
    const trend = result.charts!.find((c) => c.kind === 'line')!;
    expect(trend.valueKind).to.equal('rate');
    expect(trend.labels).to.have.length(12);
    expect(trend.labels.at(-1)).to.equal('9月');
    expect(trend.series[0].values.slice(-3)).to.deep.equal([null, 1, 0.5]);
  });

  it('rates a period with nothing receivable at 0, and narrows to a building', async () => {
    const empty = await collection({ period: '2038-07', communityId: estate.community.id });
    expect(empty.rows).to.deep.equal([]);
    expect(empty.totals).to.include({ receivable: 0, received: 0, rate: 0 });
    const building = await collection({ period: P, buildingId: estate.building.id });
    expect(building.totals).to.include({ receivable: 42_000, received: 21_000 });
  });

  describe('on a demo-seeded estate', () => {
    it('agrees with the bills’ own 应收金额 and 已收金额 summed in plain SQL, period by period', async function () {
      this.timeout(120_000);
      const demo = await smallEstate(10, { vacant: 1, areaStep: 5.1 });
      const now = new Date('2039-03-10T04:00:00Z');
      const ctx = demoContext({ rng: new Rng(1414), now, staff: await demoAccounts(), ...estateContext(demo) });
      await seedFeesDemo(ctx);
      await seedCashReportsDemo(ctx);
      const plain = await select<{ period: string; amount: unknown; paid: unknown }>(
        `SELECT "period", SUM("amount") AS "amount", SUM("paidAmount") AS "paid" FROM "Bill"
          WHERE "unitId" IN (:units) GROUP BY "period" ORDER BY "period"`,
        { units: demo.units.map((u) => u.id) },
      );
      expect(plain.length).to.be.at.least(3);
      for (const row of plain) {
        const report = await collection({ period: row.period, communityId: demo.community.id });
        expect(report.totals.receivable, row.period).to.equal(num(row.amount));
        expect(report.totals.received, row.period).to.equal(num(row.paid));
        expect(report.totals.rate, row.period).to.be.closeTo(num(row.paid) / num(row.amount), 1e-12);
      }
    });
  });
});
