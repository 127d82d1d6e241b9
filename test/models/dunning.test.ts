import { expect } from 'chai';
import { UniqueConstraintError } from 'sequelize';
import { Bill, DunningPlan, DunningRecord, DunningTarget } from '../../src/models/index.js';
import { addMonths, shanghaiDay, shanghaiMonth } from '../../src/lib/shanghai.js';
import type { DemoContext } from '../../src/seed/demo/context.js';
import { seedDunningDemo } from '../../src/seed/demo/dunning.js';
import { ownersInArrears } from '../../src/domain/dunning-arrears.js';
import { Rng } from '../../src/seed/demo/fake.js';
import { demoAccounts, demoContext, estateContext } from '../support/demo.js';
import { smallEstate, type SmallEstate } from '../support/estate.js';
import { department, staff } from '../support/factories.js';
import { expectRefused } from '../support/refusals.js';

describe('dunning models', () => {
  it('a plan starts as a draft and lists each owner once', async () => {
    const coordinator = await staff('coordinator');
    const { owners, units } = await smallEstate(2);
    const plan = await DunningPlan.create({ title: '2026年5月 欠费催缴', createdById: coordinator.id });
    expect(plan.status).to.equal('draft');
    expect(plan.minMonthsInArrears).to.equal(1);
    const target = await DunningTarget.create({
      planId: plan.id,
      ownerId: owners[0].id,
      unitId: units[0].id,
      arrearsAmount: 75_050,
      monthsInArrears: 3,
    });
    expect(target.label).to.equal(`${owners[0].name} · ${units[0].label}`);
    await expectRefused(
      () => DunningTarget.create({ planId: plan.id, ownerId: owners[0].id, arrearsAmount: 100, monthsInArrears: 1 }),
      UniqueConstraintError,
    );
    expect(await DunningTarget.count({ where: { planId: plan.id } })).to.equal(1);
  });

  it('refuses an unknown plan status with a Chinese message and writes nothing', async () => {
    const before = await DunningPlan.count();
    await expectRefused(
      () => DunningPlan.create({ title: '状态不对的计划', status: 'paused' as 'draft' }),
      '状态不正确',
    );
    expect(await DunningPlan.count()).to.equal(before);
  });

  it('refuses negative arrears on a target and writes nothing', async () => {
    const { owners } = await smallEstate(1);
    const plan = await DunningPlan.create({ title: '负数欠费测试' });
    await expectRefused(
      () => DunningTarget.create({ planId: plan.id, ownerId: owners[0].id, arrearsAmount: -1, monthsInArrears: 1 }),
      '欠费金额不能为负数',
    );
    expect(await DunningTarget.count({ where: { planId: plan.id } })).to.equal(0);
  });

  it('refuses a promised payment without a promised date and writes nothing', async () => {
    const cashier = await staff('cashier');
    const { owners } = await smallEstate(1);
    const plan = await DunningPlan.create({
      title: '承诺日期测试',
      status: 'started',
      startedById: cashier.id,
      startedAt: new Date(),
    });
    const target = await DunningTarget.create({
      planId: plan.id,
      ownerId: owners[0].id,
      arrearsAmount: 50_000,
      monthsInArrears: 2,
    });
    await expectRefused(
      () =>
        DunningRecord.create({
          planId: plan.id,
          targetId: target.id,
          ownerId: owners[0].id,
          staffId: cashier.id,
          contactedAt: new Date(),
          method: 'phone',
          result: 'promised',
        }),
      '承诺缴费时必须填写承诺缴费日期',
    );
    expect(await DunningRecord.count({ where: { planId: plan.id } })).to.equal(0);

    const record = await DunningRecord.create({
      targetId: target.id,
      staffId: cashier.id,
      contactedAt: new Date(),
      method: 'phone',
      result: 'promised',
      promisedDate: '2026-06-30',
    });
    expect(record.planId, 'plan follows the target').to.equal(plan.id);
    expect(record.ownerId, 'owner follows the target').to.equal(owners[0].id);
  });

  it('refuses an unknown contact method or result', async () => {
    const cashier = await staff('cashier');
    const { owners } = await smallEstate(1);
    const plan = await DunningPlan.create({ title: '方式结果测试', status: 'started' });
    const base = { planId: plan.id, ownerId: owners[0].id, staffId: cashier.id, contactedAt: new Date() };
    await expectRefused(
      () => DunningRecord.create({ ...base, method: 'fax' as 'phone', result: 'paid' }),
      '催缴方式不正确',
    );
    await expectRefused(
      () => DunningRecord.create({ ...base, method: 'phone', result: 'maybe' as 'paid' }),
      '催缴结果不正确',
    );
    expect(await DunningRecord.count({ where: { planId: plan.id } })).to.equal(0);
  });

  it('refuses a plan closed before it was started', async () => {
    await expectRefused(
      () =>
        DunningPlan.create({
          title: '时间倒置',
          status: 'closed',
          startedAt: new Date('2026-05-10T02:00:00Z'),
          closedAt: new Date('2026-05-01T02:00:00Z'),
        }),
      '结束时间不能早于启动时间',
    );
    expect(await DunningPlan.count({ where: { title: '时间倒置' } })).to.equal(0);
  });
});

/** 'YYYY-MM' of the month `back` months before now (Asia/Shanghai). */
function periodBack(now: Date, back: number): string {
  return addMonths(shanghaiMonth(now), -back);
}

describe('dunning demo data', function () {
  this.timeout(60_000);
  const now = new Date();
  let estate: SmallEstate;
  let ctx: DemoContext;

  before(async () => {
    estate = await smallEstate(6);
    // Owners 0–3 are 4, 3, 2 and 1 months behind (owner 1 paid part of one bill); owner 4 paid up; owner 5 is not yet due.
    const bill = async (i: number, back: number, paidAmount = 0, dueInDays = -20) => {
      const period = periodBack(now, back);
      const dueDate =
        back > 0 ? `${periodBack(now, back - 1)}-10` : shanghaiDay(new Date(now.getTime() + dueInDays * 86_400_000));
      const amount = 25_046;
      await Bill.create({
        unitId: estate.units[i].id,
        ownerId: estate.owners[i].id,
        period,
        feeKind: 'management',
        description: `${period} 物业管理费`,
        amount,
        paidAmount,
        status: paidAmount === 0 ? 'unpaid' : paidAmount >= amount ? 'paid' : 'partial',
        dueDate,
      });
    };
    for (let back = 2; back <= 5; back++) await bill(0, back);
    for (let back = 2; back <= 4; back++) await bill(1, back, back === 3 ? 10_000 : 0);
    for (let back = 2; back <= 3; back++) await bill(2, back);
    await bill(3, 2);
    for (let back = 2; back <= 4; back++) await bill(4, back, 25_046);
    await bill(5, 0, 0, 10);

    const accounts = await demoAccounts();
    ctx = demoContext({
      rng: new Rng(11),
      now,
      staff: accounts,
      departments: { 客户中心: await department('客户中心') },
      ...estateContext(estate),
    });
  });

  it('finds the owners whose bills are overdue, with their unpaid total and months', async () => {
    const arrears = await ownersInArrears(shanghaiDay(now));
    const of = (i: number) => arrears.find((a) => a.ownerId === estate.owners[i].id);
    expect(of(0)).to.deep.include({ arrearsAmount: 4 * 25_046, monthsInArrears: 4, unitId: estate.units[0].id });
    expect(of(1)).to.deep.include({ arrearsAmount: 3 * 25_046 - 10_000, monthsInArrears: 3 });
    expect(of(2)?.monthsInArrears).to.equal(2);
    expect(of(3)?.monthsInArrears).to.equal(1);
    expect(of(4), 'paid up').to.equal(undefined);
    expect(of(5), 'not yet due').to.equal(undefined);
  });

  it('draws up plans in every state from those owners, with contacts of every result under started plans', async () => {
    await seedDunningDemo(ctx);
    const plans = await DunningPlan.findAll({
      where: { createdById: [ctx.staff.coordinator.id, ctx.staff.assistant.id] },
    });
    const planIds = plans.map((p) => p.id);
    const targets = await DunningTarget.findAll({ where: { planId: planIds } });
    const records = await DunningRecord.findAll({ where: { planId: planIds } });
    const inArrears = new Set(estate.owners.slice(0, 4).map((o) => o.id));

    for (const status of ['draft', 'started', 'closed'] as const) {
      const ofStatus = plans.filter((p) => p.status === status);
      expect(ofStatus.length, status).to.be.at.least(2);
      for (const plan of ofStatus) {
        const mine = targets.filter((t) => t.planId === plan.id);
        expect(mine.length, `${plan.title} has targets`).to.be.at.least(1);
        for (const t of mine) {
          expect(inArrears.has(t.ownerId), t.label).to.equal(true);
          expect(t.monthsInArrears).to.be.at.least(plan.minMonthsInArrears);
          expect(t.arrearsAmount).to.be.greaterThan(0);
        }
        const contacts = records.filter((r) => r.planId === plan.id);
        if (status === 'draft') {
          expect(contacts, 'no contacts on a draft').to.have.length(0);
          expect(plan.startedAt).to.equal(null);
        } else {
          expect(new Set(contacts.map((r) => r.result)), plan.title).to.deep.equal(
            new Set(['promised', 'paid', 'refused', 'unreachable']),
          );
          expect([ctx.staff.cashier.id, ctx.staff.cashier2.id]).to.include(plan.startedById);
        }
        if (status === 'closed') expect(plan.closedAt!.getTime()).to.be.greaterThan(plan.startedAt!.getTime());
      }
    }
    const four = [ctx.staff.reception.id, ctx.staff.coordinator.id, ctx.staff.cashier.id, ctx.staff.assistant.id];
    for (const r of records) {
      expect(four).to.include(r.staffId);
      const target = targets.find((t) => t.id === r.targetId)!;
      expect(r.ownerId).to.equal(target.ownerId);
      const plan = plans.find((p) => p.id === r.planId)!;
      expect(r.contactedAt.getTime()).to.be.at.least(plan.startedAt!.getTime());
      if (r.result === 'promised') expect(r.promisedDate).to.be.a('string');
    }
  });
});
