// 催缴结果 against a plan worked out by hand: which plans run in the month, where each target stands after its latest
// contact by the month's end, the plan screen's own 已收回, and the months across plans.
import { expect } from 'chai';
import {
  Bill,
  DunningPlan,
  DunningRecord,
  DunningTarget,
  Payment,
  PaymentAllocation,
} from '../../../src/models/index.js';
import { dunningResults } from '../../../src/domain/reports/dunning-results.js';
import { planCollections } from '../../../src/domain/dunning-collection.js';
import type { ReportResult } from '../../../src/domain/reports/report.js';
import { smallEstate, type SmallEstate } from '../../support/estate.js';
import { staff } from '../../support/factories.js';

describe('催缴结果 (Report.dunningResults)', function () {
  this.timeout(60_000);
  // March 2043 in Shanghai: no other test works in 2043.
  const P = '2043-03';
  let estate: SmallEstate;
  let plan: DunningPlan;
  let result: ReportResult;
  const at = (text: string) => new Date(text);

  before(async () => {
    estate = await smallEstate(3);
    const [o0, o1, o2] = estate.owners;
    const [u0, u1, u2] = estate.units;
    const cashier = await staff('cashier');
    const suffix = estate.community.name;
    // Started 10:00 on 5 March in Shanghai.
    plan = await DunningPlan.create({
      title: `三月催缴 ${suffix}`,
      status: 'started',
      startedAt: at('2043-03-05T02:00:00Z'),
    });
    await DunningPlan.create({ title: `草稿 ${suffix}`, status: 'draft' });
    await DunningPlan.create({
      title: `二月已结束 ${suffix}`,
      status: 'closed',
      startedAt: at('2043-01-10T02:00:00Z'),
      closedAt: at('2043-02-28T15:00:00Z'), // 23:00 on 28 February in Shanghai
    });
    await DunningPlan.create({ title: `四月启动 ${suffix}`, status: 'started', startedAt: at('2043-03-31T16:30:00Z') });

    const bill = (unitIndex: number, period: string, amount: number, paidAmount: number) =>
      Bill.create({
        unitId: estate.units[unitIndex].id,
        ownerId: estate.units[unitIndex].ownerId,
        period,
        feeKind: 'management',
        description: `${period} 物业管理费`,
        amount,
        paidAmount,
        status: paidAmount === 0 ? 'unpaid' : paidAmount >= amount ? 'paid' : 'partial',
        dueDate: `${period}-20`,
      });
    const pay = async (b: Bill, amount: number, paidAt: Date) => {
      const p = await Payment.create({
        kind: 'fee',
        method: 'transfer',
        amount,
        payerName: '业主',
        cashierId: cashier.id,
        ownerId: b.ownerId,
        unitId: b.unitId,
        paidAt,
      });
      await PaymentAllocation.create({ paymentId: p.id, billId: b.id, amount });
    };
    await pay(await bill(0, '2043-01', 10_000, 10_000), 10_000, at('2043-03-20T02:00:00Z'));
    await bill(1, '2043-02', 5_000, 0);
    await pay(await bill(2, '2042-12', 2_000, 500), 500, at('2043-04-10T02:00:00Z'));

    const target = (ownerId: number, unitId: number, arrearsAmount: number) =>
      DunningTarget.create({ planId: plan.id, ownerId, unitId, arrearsAmount, monthsInArrears: 1 });
    const t0 = await target(o0.id, u0.id, 10_000);
    const t1 = await target(o1.id, u1.id, 5_000);
    await target(o2.id, u2.id, 2_000);
    const record = (t: DunningTarget, contactedAt: string, result: DunningRecord['result']) =>
      DunningRecord.create({
        targetId: t.id,
        staffId: cashier.id,
        contactedAt: at(contactedAt),
        method: 'phone',
        result,
        ...(result === 'promised' ? { promisedDate: '2043-03-20' } : {}),
      });
    await record(t0, '2043-03-06T02:00:00Z', 'unreachable');
    await record(t0, '2043-03-08T02:00:00Z', 'promised');
    await record(t1, '2043-03-07T02:00:00Z', 'refused');
    await record(t1, '2043-03-31T16:10:00Z', 'paid'); // 00:10 on 1 April in Shanghai

    result = await dunningResults({ period: P });
  });

  const mine = () => result.rows.filter((r) => String(r.plan).endsWith(estate.community.name));

  it('lists the plans running in the month: started before its end, not closed before its start, no drafts', () => {
    expect(mine().map((r) => r.plan)).to.deep.equal([plan.title]);
  });

  it('counts each target once, by its latest contact before the month’s end (Shanghai time)', () => {
    expect(mine()[0]).to.include({
      targets: 3,
      contacted: 2,
      promised: 1,
      refused: 1,
      paid: 0,
      unreachable: 0,
      notContacted: 1,
      contactsInPeriod: 3,
      startedOn: '2043-03-05',
    });
  });

  it('takes 催缴总额 and 已收回 from the plan screen’s own definition', async () => {
    const expected = (await planCollections([plan.id])).get(plan.id)!;
    expect(expected).to.include({ arrearsTotal: 17_000, recovered: 10_500 });
    expect(mine()[0]).to.include({ arrears: 17_000, recovered: 10_500, rate: 10_500 / 17_000 });
  });

  it('counts the months across plans: records by result and payments on the targets’ old bills', () => {
    const months = result.sections!.find((s) => s.key === 'months')!;
    expect(months.rows).to.have.length(12);
    expect(months.rows.at(-1)).to.include({
      month: '2043年3月',
      records: 3,
      promised: 1,
      refused: 1,
      unreachable: 1,
      paid: 0,
      recovered: 10_000,
    });
    expect(months.rows.at(-2)).to.include({ month: '2043年2月', records: 0, recovered: 0 });
    const april = dunningResults({ period: '2043-04' });
    return april.then((next) => {
      const row = next.sections!.find((s) => s.key === 'months')!.rows.at(-1)!;
      expect(row).to.include({ records: 1, paid: 1, recovered: 500 });
      expect(next.rows.filter((r) => String(r.plan).endsWith(estate.community.name)).map((r) => r.plan)).to.have.length(
        2,
      );
    });
  });
});
