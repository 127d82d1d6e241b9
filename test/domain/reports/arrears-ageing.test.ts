// 欠费账龄 against buckets worked out by hand, today and at the end of a past month, and against the dunning plans'
// own list of owners in arrears (ownersInArrears).
import { expect } from 'chai';
import type { CreationAttributes } from 'sequelize';
import { Bill, Payment, PaymentAllocation, type Unit } from '../../../src/models/index.js';
import { arrearsAgeing } from '../../../src/domain/reports/arrears-ageing.js';
import { ownersInArrears } from '../../../src/domain/dunning-arrears.js';
import type { ReportResult } from '../../../src/domain/reports/report.js';
import { smallEstate, type SmallEstate } from '../../support/estate.js';
import { staff } from '../../support/factories.js';

describe('欠费账龄 (Report.arrearsAgeing)', function () {
  this.timeout(60_000);
  // 12:00 on 15 June 2040 in Shanghai: no other test bills in 2039–2040.
  const now = new Date('2040-06-15T04:00:00Z');
  let estate: SmallEstate;
  let cashierId: number;

  async function billOf(unit: Unit, period: string, amount: number, paidAmount = 0) {
    return Bill.create({
      unitId: unit.id,
      ownerId: unit.ownerId,
      period,
      feeKind: 'management',
      description: `${period} 物业管理费 ${unit.label}`,
      amount,
      paidAmount,
      status: paidAmount === 0 ? 'unpaid' : paidAmount >= amount ? 'paid' : 'partial',
      dueDate: `${period}-20`,
    });
  }

  async function paid(bill: Bill, paidAt: Date, fields: Partial<CreationAttributes<Payment>> = {}) {
    const receipt = await Payment.create({
      kind: 'fee',
      method: 'cash',
      amount: bill.amount,
      payerName: '测试业主',
      cashierId,
      ownerId: bill.ownerId,
      unitId: bill.unitId,
      paidAt,
      ...fields,
    });
    await PaymentAllocation.create({ paymentId: receipt.id, billId: bill.id, amount: bill.amount });
  }

  before(async () => {
    estate = await smallEstate(5, { vacant: 1 });
    const [u0, u1, u2, u3, vacant] = estate.units;
    cashierId = (await staff('cashier')).id;
    await billOf(u0, '2040-05', 1_000);
    await billOf(u0, '2040-01', 2_000, 500);
    await billOf(u0, '2039-03', 3_000);
    const o1 = await billOf(u1, '2039-09', 4_000);
    // A voided receipt on it pays nothing, today or then.
    await paid(o1, new Date('2040-05-05T02:00:00Z'), {
      status: 'voided',
      voidedAt: new Date('2040-05-05T03:00:00Z'),
      voidReason: '重复收款',
    });
    await billOf(u1, '2040-06', 900); // due 20 June: not yet overdue on the 15th
    // Paid at 23:30 on 30 April in Shanghai: settled by the end of April.
    await paid(await billOf(u2, '2040-04', 6_000, 6_000), new Date('2040-04-30T15:30:00Z'));
    // Paid at 00:30 on 1 May in Shanghai: still owed at the end of April.
    await paid(await billOf(u3, '2040-03', 5_000, 5_000), new Date('2040-04-30T16:30:00Z'));
    await Bill.create({
      unitId: vacant.id,
      period: '2040-01',
      feeKind: 'management',
      description: '空置房物业管理费',
      amount: 7_000,
      dueDate: '2040-01-20',
    });
  });

  const run = (period: string): Promise<ReportResult> =>
    arrearsAgeing({ period, communityId: estate.community.id }, now);

  it('buckets today’s arrears by each bill’s age and lists owners largest first', async () => {
    const result = await run('2040-06');
    expect(result.rows.map((r) => [r.owner, r.m1to3, r.m4to6, r.m7to12, r.over12, r.total, r.months])).to.deep.equal([
      [estate.owners[0].name, 1_000, 1_500, 0, 3_000, 5_500, 3],
      [estate.owners[1].name, 0, 0, 4_000, 0, 4_000, 1],
    ]);
    expect(result.rows[0]).to.include({ unit: estate.units[0].label, oldest: '2039年3月' });
    expect(result.totals).to.include({ owners: 2, units: 2, m1to3: 1_000, m4to6: 1_500, m7to12: 4_000, over12: 3_000 });
    expect(result.totals.total).to.equal(9_500);
    const community = result.sections!.find((s) => s.key === 'communities')!;
    expect(community.rows[0]).to.include({ owners: 2, over12Owners: 1, m7to12Owners: 1, m1to3Owners: 0, total: 9_500 });
    expect(result.charts![0].series[0].values).to.deep.equal([1_000, 1_500, 4_000, 3_000]);
  });

  it('lists exactly the owners and amounts a dunning plan would draw today', async () => {
    const result = await run('2040-06');
    const plan = await ownersInArrears(
      '2040-06-15',
      undefined,
      1,
      estate.owners.map((o) => o.id),
    );
    expect(result.rows.map((r) => [r.total, r.months])).to.deep.equal(
      plan.map((p) => [p.arrearsAmount, p.monthsInArrears]),
    );
  });

  it('takes a past month at its last day: bills paid after it (Shanghai time) still owed then', async () => {
    const result = await run('2040-04');
    expect(result.totals).to.include({ owners: 3, m1to3: 5_000, m4to6: 1_500, m7to12: 4_000, over12: 3_000 });
    expect(result.totals.total).to.equal(13_500);
    expect(result.rows.map((r) => r.owner)).to.deep.equal([
      estate.owners[3].name,
      estate.owners[0].name,
      estate.owners[1].name,
    ]);
  });
});
