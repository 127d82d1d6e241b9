import { expect } from 'chai';
import { Op } from 'sequelize';
import { Payment, RenovationApplication, RenovationDeposit } from '../../src/models/index.js';
import { shanghaiYear } from '../../src/lib/shanghai.js';
import type { DemoContext } from '../../src/seed/demo/context.js';
import { Rng } from '../../src/seed/demo/fake.js';
import { seedRenovationDemo } from '../../src/seed/demo/renovation.js';
import { demoAccounts, demoContext, estateContext } from '../support/demo.js';
import { smallEstate, type SmallEstate } from '../support/estate.js';
import { department, staff } from '../support/factories.js';
import { expectRefused } from '../support/refusals.js';

function applicationFor(estate: SmallEstate, i = 0) {
  return {
    unitId: estate.units[i].id,
    ownerId: estate.owners[i].id,
    contractor: '深圳市鑫华装饰工程有限公司',
    contractorPhone: '13800138000',
    scope: '厨房、卫生间翻新，重做防水',
    startDate: '2026-05-10',
    endDate: '2026-06-20',
  };
}

describe('renovation models', () => {
  let estate: SmallEstate;
  before(async () => {
    estate = await smallEstate(4);
  });

  it('numbers a new application ZX<year>-NNNN, one after the other', async () => {
    const first = await RenovationApplication.create(applicationFor(estate));
    const second = await RenovationApplication.create(applicationFor(estate, 1));
    expect(first.status).to.equal('submitted');
    expect(first.number).to.match(/^ZX\d{4}-\d{4,}$/);
    const seq = (n: string) => Number(n.split('-')[1]);
    expect(seq(second.number)).to.equal(seq(first.number) + 1);
  });

  it('refuses an end date before the start date and writes nothing', async () => {
    const before = await RenovationApplication.count();
    await expectRefused(
      () => RenovationApplication.create({ ...applicationFor(estate), startDate: '2026-06-01', endDate: '2026-05-31' }),
      '完工日期不能早于开工日期',
    );
    expect(await RenovationApplication.count()).to.equal(before);
  });

  it('refuses an unknown status and writes nothing', async () => {
    const before = await RenovationApplication.count();
    await expectRefused(
      () => RenovationApplication.create({ ...applicationFor(estate), status: 'finished' as 'submitted' }),
      '状态不正确',
    );
    expect(await RenovationApplication.count()).to.equal(before);
  });

  it('refuses an inspected application without an inspection result, and a result before inspection', async () => {
    const before = await RenovationApplication.count();
    await expectRefused(
      () => RenovationApplication.create({ ...applicationFor(estate), status: 'inspected' }),
      '验收后必须填写验收结果',
    );
    await expectRefused(
      () => RenovationApplication.create({ ...applicationFor(estate), status: 'approved', inspectionResult: 'passed' }),
      '尚未验收的申请不能有验收结果',
    );
    expect(await RenovationApplication.count()).to.equal(before);
    const inspected = await RenovationApplication.create({
      ...applicationFor(estate),
      status: 'inspected',
      inspectionResult: 'failed',
    });
    expect(inspected.inspectionResult).to.equal('failed');
  });

  it('refuses a malformed contractor phone', async () => {
    await expectRefused(
      () => RenovationApplication.create({ ...applicationFor(estate), contractorPhone: '12345' }),
      '施工单位电话格式不正确',
    );
  });

  describe('deposits', () => {
    let application: RenovationApplication;
    before(async () => {
      application = await RenovationApplication.create({ ...applicationFor(estate, 2), status: 'approved' });
    });

    it('take number, unit and owner from their application', async () => {
      const other = await RenovationApplication.create({ ...applicationFor(estate, 3), status: 'approved' });
      const deposit = await RenovationDeposit.create({ applicationId: other.id, amount: 300_000 });
      expect(deposit.number).to.equal(other.number.replace(/^ZX/, 'YJ'));
      expect(deposit.unitId).to.equal(other.unitId);
      expect(deposit.ownerId).to.equal(other.ownerId);
      expect(deposit.status).to.equal('held');
    });

    it('refuses a negative or zero deposit and writes nothing', async () => {
      await expectRefused(
        () => RenovationDeposit.create({ applicationId: application.id, amount: -200_000 }),
        '押金金额必须大于零',
      );
      await expectRefused(
        () => RenovationDeposit.create({ applicationId: application.id, amount: 0 }),
        '押金金额必须大于零',
      );
      await expectRefused(
        () => RenovationDeposit.create({ applicationId: application.id, amount: 100.5 }),
        '押金金额必须是以分为单位的整数',
      );
      expect(await RenovationDeposit.count({ where: { applicationId: application.id } })).to.equal(0);
    });

    it('refuses a refund whose refunded amount and deduction do not add up to the deposit, and writes nothing', async () => {
      await expectRefused(
        () =>
          RenovationDeposit.create({
            applicationId: application.id,
            amount: 300_000,
            status: 'refunded',
            refundedAmount: 250_000,
            deduction: 30_000,
          }),
        '退还金额与扣款金额之和必须等于押金金额',
      );
      await expectRefused(
        () =>
          RenovationDeposit.create({
            applicationId: application.id,
            amount: 300_000,
            status: 'refunded',
            refundedAmount: 300_000,
            deduction: -1,
          }),
        '扣款金额不能为负数',
      );
      expect(await RenovationDeposit.count({ where: { applicationId: application.id } })).to.equal(0);
    });

    it('refuses a refund on an existing deposit that does not add up, leaving the row as it was', async () => {
      const deposit = await RenovationDeposit.create({ applicationId: application.id, amount: 300_000 });
      await expectRefused(
        () =>
          deposit.update({ status: 'refunded', refundedAmount: 300_000, deduction: 50_000, refundedAt: new Date() }),
        '退还金额与扣款金额之和必须等于押金金额',
      );
      await deposit.reload();
      expect(deposit.status).to.equal('held');
      expect(deposit.refundedAmount).to.equal(0);
      expect(deposit.deduction).to.equal(0);
      await deposit.destroy();
    });

    it('refuses a refund without its refund receipt, and a forfeit or a held deposit carrying a refund', async () => {
      await expectRefused(
        () =>
          RenovationDeposit.create({
            applicationId: application.id,
            amount: 300_000,
            status: 'refunded',
            refundedAmount: 270_000,
            deduction: 30_000,
          }),
        '退还押金必须有退款收据',
      );
      await expectRefused(
        () =>
          RenovationDeposit.create({
            applicationId: application.id,
            amount: 300_000,
            status: 'forfeited',
            refundedAmount: 300_000,
          }),
        '已没收的押金不能有退款',
      );
      await expectRefused(
        () => RenovationDeposit.create({ applicationId: application.id, amount: 300_000, deduction: 10_000 }),
        '押金尚未退还，不能有退款或扣款',
      );
      await expectRefused(
        () => RenovationDeposit.create({ applicationId: application.id, amount: 300_000, status: 'lost' as 'held' }),
        '状态不正确',
      );
      expect(await RenovationDeposit.count({ where: { applicationId: application.id } })).to.equal(0);
    });
  });
});

describe('renovation demo data', function () {
  this.timeout(60_000);
  let estate: SmallEstate;
  let ctx: DemoContext;
  let applications: RenovationApplication[];
  let deposits: RenovationDeposit[];

  before(async () => {
    estate = await smallEstate(12);
    const accounts = await demoAccounts({
      engineer: await staff('engineering_supervisor', { supervises: await department('工程部') }),
    });
    ctx = demoContext({
      rng: new Rng(7),
      now: new Date(),
      staff: accounts,
      departments: { 客户中心: await department('客户中心'), 工程部: await department('工程部') },
      ...estateContext(estate),
    });
    await seedRenovationDemo(ctx);
    const unitIds = estate.units.map((u) => u.id);
    applications = await RenovationApplication.findAll({ where: { unitId: unitIds } });
    deposits = await RenovationDeposit.findAll({ where: { unitId: unitIds } });
  });

  const count = <T>(rows: T[], test: (row: T) => boolean) => rows.filter(test).length;

  it('holds at least two applications in every state, inspections both passed and failed', () => {
    for (const status of ['submitted', 'reviewed', 'approved', 'rejected', 'inspected']) {
      expect(
        count(applications, (a) => a.status === status),
        status,
      ).to.be.at.least(2);
    }
    expect(count(applications, (a) => a.inspectionResult === 'passed')).to.be.at.least(2);
    expect(count(applications, (a) => a.inspectionResult === 'failed')).to.be.at.least(2);
  });

  it('has the front desk register, the engineering supervisor review and inspect, the assistant decide', () => {
    const frontDesk = [ctx.staff.reception.id, ctx.staff.coordinator.id, ctx.staff.assistant.id];
    for (const a of applications) {
      expect(frontDesk).to.include(a.registeredById);
      if (a.status !== 'submitted') expect(a.reviewedById).to.equal(ctx.staff.engineer.id);
      if (['approved', 'rejected', 'inspected'].includes(a.status))
        expect(a.decidedById).to.equal(ctx.staff.assistant.id);
      if (a.status === 'inspected') expect(a.inspectedById).to.equal(ctx.staff.engineer.id);
      expect(new Date(a.endDate).getTime()).to.be.at.least(new Date(a.startDate).getTime());
    }
  });

  it('collects deposits only for approved or inspected applications, leaving some approved ones to collect', () => {
    const byId = new Map(applications.map((a) => [a.id, a]));
    for (const d of deposits) {
      const application = byId.get(d.applicationId)!;
      expect(['approved', 'inspected']).to.include(application.status);
      expect(d.inspectionResult).to.equal(application.inspectionResult);
      expect(d.unitId).to.equal(application.unitId);
    }
    const collected = new Set(deposits.map((d) => d.applicationId));
    expect(count(applications, (a) => a.status === 'approved' && !collected.has(a.id))).to.be.at.least(2);
  });

  it('holds deposits in every state: refundable, not yet refundable, refunded (one with a deduction) and forfeited', () => {
    expect(count(deposits, (d) => d.status === 'held' && d.inspectionResult === 'passed')).to.be.at.least(2);
    expect(count(deposits, (d) => d.status === 'held' && d.inspectionResult !== 'passed')).to.be.at.least(1);
    expect(count(deposits, (d) => d.status === 'held' && d.inspectionResult === 'failed')).to.be.at.least(2);
    expect(count(deposits, (d) => d.status === 'refunded')).to.be.at.least(2);
    expect(count(deposits, (d) => d.status === 'refunded' && d.deduction > 0)).to.be.at.least(1);
    expect(count(deposits, (d) => d.status === 'forfeited')).to.be.at.least(2);
    for (const d of deposits.filter((x) => x.status !== 'held'))
      expect(d.inspectionResult, d.number).to.not.equal(null);
    for (const d of deposits.filter((x) => x.status === 'refunded'))
      expect(d.inspectionResult, d.number).to.equal('passed');
    for (const d of deposits.filter((x) => x.status === 'forfeited'))
      expect(d.inspectionResult, d.number).to.equal('failed');
  });

  it('gives each deposit one collection receipt by the cashier and each refunded deposit exactly one refund receipt', async () => {
    const payments = await Payment.findAll({ where: { depositId: deposits.map((d) => d.id) } });
    for (const d of deposits) {
      const mine = payments.filter((p) => p.depositId === d.id);
      const collections = mine.filter((p) => p.kind === 'deposit');
      const refunds = mine.filter((p) => p.kind === 'deposit_refund');
      expect(collections, d.number).to.have.length(1);
      expect(collections[0].id).to.equal(d.receiptPaymentId);
      expect(collections[0].amount).to.equal(d.amount);
      expect(collections[0].cashierId).to.equal(ctx.staff.cashier.id);
      expect(collections[0].cashReportId).to.equal(null);
      if (d.status === 'refunded') {
        expect(refunds, d.number).to.have.length(1);
        expect(refunds[0].id).to.equal(d.refundPaymentId);
        expect(refunds[0].amount).to.equal(d.refundedAmount);
        expect(d.refundedAmount + d.deduction).to.equal(d.amount);
        expect(refunds[0].paidAt.getTime()).to.be.at.least(collections[0].paidAt.getTime());
      } else {
        expect(refunds, d.number).to.have.length(0);
        expect(d.refundPaymentId).to.equal(null);
      }
    }
  });

  it("numbers its receipts in time order, consecutively after the year's earlier receipts", async () => {
    const payments = await Payment.findAll({
      where: { depositId: deposits.map((d) => d.id) },
      order: [
        ['paidAt', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    const years = new Set(payments.map((p) => p.receiptYear));
    for (const year of years) {
      const ofYear = payments.filter((p) => p.receiptYear === year);
      ofYear.forEach((p, i) => {
        expect(p.receiptYear).to.equal(shanghaiYear(p.paidAt));
        if (i > 0) expect(p.receiptSequence, p.receiptNumber).to.equal(ofYear[i - 1].receiptSequence + 1);
      });
      const firstId = Math.min(...ofYear.map((p) => p.id));
      const before =
        (await Payment.max<number, Payment>('receiptSequence', {
          where: { receiptYear: year, id: { [Op.lt]: firstId } },
        })) ?? 0;
      expect(ofYear[0].receiptSequence, `first receipt of ${year}`).to.equal(Number(before) + 1);
    }
  });

  it('a second batch continues the application numbers instead of reusing them', async () => {
    const again: DemoContext = { ...ctx, rng: new Rng(8) };
    await seedRenovationDemo(again);
    const all = await RenovationApplication.findAll({
      where: { unitId: estate.units.map((u) => u.id) },
      attributes: ['number'],
    });
    expect(new Set(all.map((a) => a.number)).size).to.equal(all.length);
    expect(all.length).to.be.greaterThan(applications.length);
  });
});
