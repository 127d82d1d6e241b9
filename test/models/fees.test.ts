import { expect } from 'chai';
import { Op, UniqueConstraintError } from 'sequelize';
import {
  Bill,
  BillingRun,
  CashReport,
  CashReportReview,
  ClubhouseCharge,
  ParkingRental,
  ParkingSpace,
  Payment,
  Ticket,
  Unit,
  WorkOrder,
  PaymentAllocation,
  sequelize,
  billStatusFor,
  managementFeeFen,
  type Staff,
} from '../../src/models/index.js';
import { computeCashReportTotals } from '../../src/domain/cash-report-totals.js';
import { formatReceiptNumber } from '../../src/models/index.js';
import { shanghaiDay } from '../../src/lib/shanghai.js';
import type { DemoContext } from '../../src/seed/demo/context.js';
import { seedCashReportsDemo, seedFeesDemo } from '../../src/seed/demo/fees.js';
import { undoBillingRun } from '../../src/domain/billing-run.js';
import { loadActor } from '../../src/auth/actor.js';
import { Rng } from '../../src/seed/demo/fake.js';
import { demoAccounts, demoContext, estateContext } from '../support/demo.js';
import { smallEstate } from '../support/estate.js';
import { department, staff } from '../support/factories.js';
import { expectRefused } from '../support/refusals.js';
import { moneyInvariantViolations } from '../support/money-invariants.js';
import { parkingSpace } from '../support/parking.js';

describe('fees models', () => {
  let cashier: Staff;
  let cashier2: Staff;
  let unit: Unit;

  before(async () => {
    cashier = await staff('cashier');
    cashier2 = await staff('cashier');
    ({
      units: [unit],
    } = await smallEstate(1));
  });

  // A receipt of a year no other test uses, numbered by the caller.
  let sequence = 0;
  const receiptFields = (extra: Record<string, unknown> = {}) => {
    sequence += 1;
    return {
      receiptYear: 2081,
      receiptSequence: sequence,
      receiptNumber: formatReceiptNumber(2081, sequence),
      kind: 'fee' as const,
      method: 'cash' as const,
      amount: 25046,
      payerName: `测试交款人${sequence}`,
      cashierId: cashier.id,
      paidAt: new Date('2081-05-06T02:00:00Z'),
      ...extra,
    };
  };

  describe('Payment', () => {
    it('refuses a negative or zero amount with a Chinese message and writes nothing', async () => {
      const before = await Payment.count();
      await expectRefused(() => Payment.create(receiptFields({ amount: -100 })), '金额必须大于零');
      await expectRefused(() => Payment.create(receiptFields({ amount: 0 })), '金额必须大于零');
      expect(await Payment.count()).to.equal(before);
    });

    it('refuses an amount that is not a number of fen ("abc", 12.5) and writes nothing', async () => {
      const before = await Payment.count();
      await expectRefused(() => Payment.create(receiptFields({ amount: 'abc' })), '金额必须是以分为单位的整数');
      await expectRefused(() => Payment.create(receiptFields({ amount: 12.5 })), '金额必须是以分为单位的整数');
      expect(await Payment.count()).to.equal(before);
    });

    it('refuses an unknown payment method or kind and writes nothing', async () => {
      const before = await Payment.count();
      await expectRefused(() => Payment.create(receiptFields({ method: 'cheque' })), '收款方式不正确');
      await expectRefused(() => Payment.create(receiptFields({ kind: 'tip' })), '收款类别不正确');
      expect(await Payment.count()).to.equal(before);
    });

    it('refuses a voided receipt without a reason, on create and on update, and writes nothing', async () => {
      const before = await Payment.count();
      await expectRefused(
        () =>
          Payment.create(
            receiptFields({ status: 'voided', voidedAt: new Date('2081-05-06T03:00:00Z'), voidedById: cashier.id }),
          ),
        '作废收据必须填写作废原因',
      );
      await expectRefused(
        () => Payment.create(receiptFields({ status: 'voided', voidReason: '   ' })),
        '作废收据必须填写作废原因',
      );
      expect(await Payment.count()).to.equal(before);
      const payment = await Payment.create(receiptFields());
      await expectRefused(() => payment.update({ status: 'voided' }), '作废收据必须填写作废原因');
      await payment.reload();
      expect(payment.status).to.equal('valid');
    });

    it('refuses a receipt number that is already used, in Chinese, and writes nothing', async () => {
      const first = await Payment.create(receiptFields());
      const before = await Payment.count();
      // Number and (year, sequence) are both unique; whichever the database checks first answers in Chinese.
      await expectRefused(
        () =>
          Payment.create(receiptFields({ receiptNumber: first.receiptNumber, receiptSequence: first.receiptSequence })),
        UniqueConstraintError,
        /^(收据号已被使用|该年度的收据序号已被使用)，收据号不能重复$/,
      );
      // Same year and sequence under another number is refused as well (the number must match them anyway).
      await expectRefused(
        () => Payment.create(receiptFields({ receiptSequence: first.receiptSequence })),
        '收据号与收据年度、收据序号不一致',
      );
      expect(await Payment.count()).to.equal(before);
    });

    it('keeps its receipt number when updated through Model.update, as the admin edit does', async () => {
      const payment = await Payment.create(receiptFields());
      await Payment.update({ payerName: '改过的交款人' }, { where: { id: payment.id } });
      const stored = await Payment.findByPk(payment.id);
      expect(stored?.payerName).to.equal('改过的交款人');
      expect(stored?.receiptNumber).to.equal(payment.receiptNumber);
      expect(stored?.receiptSequence).to.equal(payment.receiptSequence);
    });
  });

  describe('Bill', () => {
    const billFields = (extra: Record<string, unknown> = {}) => ({
      unitId: unit.id,
      ownerId: unit.ownerId,
      period: '2081-05',
      feeKind: 'management' as const,
      description: '2081年5月物业管理费',
      amount: 25046,
      dueDate: '2081-05-20',
      ...extra,
    });

    it('refuses a paid amount above the amount due and writes nothing', async () => {
      const before = await Bill.count();
      await expectRefused(
        () => Bill.create(billFields({ paidAmount: 25047, status: 'paid' })),
        '已收金额不能超过应收金额',
      );
      expect(await Bill.count()).to.equal(before);
    });

    it('refuses a status that does not match the paid amount, also on a partial update', async () => {
      const before = await Bill.count();
      await expectRefused(
        () => Bill.create(billFields({ paidAmount: 10000, status: 'paid' })),
        '账单状态与已收金额不一致',
      );
      await expectRefused(
        () => Bill.create(billFields({ paidAmount: 0, status: 'partial' })),
        '账单状态与已收金额不一致',
      );
      expect(await Bill.count()).to.equal(before);
      const bill = await Bill.create(billFields({ period: '2081-06', description: '2081年6月物业管理费' }));
      expect(bill.status).to.equal('unpaid');
      await expectRefused(
        () => Bill.update({ paidAmount: 25046 }, { where: { id: bill.id } }),
        '账单状态与已收金额不一致',
      );
      await Bill.update({ paidAmount: 10000, status: billStatusFor(25046, 10000) }, { where: { id: bill.id } });
      expect((await Bill.findByPk(bill.id))?.status).to.equal('partial');
    });

    it('refuses a malformed period, a zero amount and an unknown fee kind', async () => {
      const before = await Bill.count();
      await expectRefused(() => Bill.create(billFields({ period: '2081-13' })), '账期格式应为 YYYY-MM');
      await expectRefused(() => Bill.create(billFields({ amount: 0 })), '应收金额必须大于零');
      await expectRefused(() => Bill.create(billFields({ feeKind: 'water' })), '收费项目不正确');
      expect(await Bill.count()).to.equal(before);
    });

    it('refuses a second bill with the same billing key (the monthly run is idempotent)', async () => {
      await Bill.create(billFields({ period: '2081-07', billingKey: `management:${unit.id}:2081-07` }));
      const before = await Bill.count();
      await expectRefused(
        () => Bill.create(billFields({ period: '2081-07', billingKey: `management:${unit.id}:2081-07` })),
        '该账单已生成，不能重复生成',
      );
      expect(await Bill.count()).to.equal(before);
    });

    it('computes the management fee as area × 2.80 元, rounded to the fen', () => {
      expect(managementFeeFen(89.45)).to.equal(25046);
      expect(managementFeeFen(100)).to.equal(28000);
      expect(managementFeeFen(120.33, 350)).to.equal(42116);
    });
  });

  describe('CashReport', () => {
    it("refuses a reconciler who is the report's own cashier and writes nothing", async () => {
      const before = await CashReport.count();
      await expectRefused(
        () =>
          CashReport.create({
            cashierId: cashier.id,
            reportDate: '2081-05-06',
            status: 'reconciled',
            reconciledById: cashier.id,
            submittedAt: new Date('2081-05-06T10:00:00Z'),
            reconciledAt: new Date('2081-05-07T02:00:00Z'),
          }),
        '核对人不能是本人，须由另一名收费员核对',
      );
      expect(await CashReport.count()).to.equal(before);
      const report = await CashReport.create({
        cashierId: cashier.id,
        reportDate: '2081-05-08',
        status: 'submitted',
        submittedAt: new Date('2081-05-08T10:00:00Z'),
      });
      expect(report.title).to.equal(`2081-05-08 ${cashier.name} 现金日报`);
      await expectRefused(
        () => CashReport.update({ reconciledById: cashier.id }, { where: { id: report.id } }),
        '核对人不能是本人，须由另一名收费员核对',
      );
      await report.update({
        status: 'reconciled',
        reconciledById: cashier2.id,
        reconciledAt: new Date('2081-05-09T02:00:00Z'),
      });
      expect(report.reconciledById).to.equal(cashier2.id);
    });

    it('refuses totals that are not the methods minus refunds, and a second report for the same cashier and day', async () => {
      const before = await CashReport.count();
      await expectRefused(
        () =>
          CashReport.create({
            cashierId: cashier2.id,
            reportDate: '2081-05-10',
            cashAmount: 100,
            wechatAmount: 200,
            refundAmount: 50,
            totalAmount: 300,
          }),
        '合计金额应等于各收款方式金额之和减去退款金额',
      );
      await CashReport.create({
        cashierId: cashier2.id,
        reportDate: '2081-05-10',
        cashAmount: 100,
        wechatAmount: 200,
        refundAmount: 50,
        totalAmount: 250,
      });
      await expectRefused(
        () => CashReport.create({ cashierId: cashier2.id, reportDate: '2081-05-10' }),
        '该收费员当天已有现金日报表',
      );
      expect(await CashReport.count()).to.equal(before + 1);
    });
  });

  describe('ClubhouseCharge', () => {
    const chargeFields = (extra: Record<string, unknown> = {}) => ({
      item: '游泳',
      customerName: '刘洋',
      chargeDate: '2081-05-06',
      quantity: 3,
      unitPrice: 3000,
      recordedById: cashier.id,
      ...extra,
    });

    it('refuses an amount other than quantity × unit price and writes nothing', async () => {
      const before = await ClubhouseCharge.count();
      await expectRefused(() => ClubhouseCharge.create(chargeFields({ amount: 10000 })), '金额必须等于数量乘以单价');
      await expectRefused(() => ClubhouseCharge.create(chargeFields({ quantity: 0, amount: 0 })), '数量至少为 1');
      expect(await ClubhouseCharge.count()).to.equal(before);
    });

    it('computes the amount when left out and follows a changed quantity on instance.update', async () => {
      const charge = await ClubhouseCharge.create(chargeFields());
      expect(charge.amount).to.equal(9000);
      await charge.update({ quantity: 4 });
      expect((await ClubhouseCharge.findByPk(charge.id))?.amount).to.equal(12000);
    });

    it('refuses a partial update (Model.update) that changes the quantity without the matching amount', async () => {
      const charge = await ClubhouseCharge.create(chargeFields());
      await expectRefused(
        () => ClubhouseCharge.update({ quantity: 2 }, { where: { id: charge.id } }),
        '金额必须等于数量乘以单价',
      );
      expect((await ClubhouseCharge.findByPk(charge.id))?.quantity).to.equal(3);
      await ClubhouseCharge.update({ quantity: 2, amount: 6000 }, { where: { id: charge.id } });
      const stored = await ClubhouseCharge.findByPk(charge.id);
      expect([stored?.quantity, stored?.amount]).to.deep.equal([2, 6000]);
    });
  });

  describe('ParkingRental', () => {
    let space: ParkingSpace;
    before(async () => {
      space = await parkingSpace();
    });
    const rentalFields = (extra: Record<string, unknown> = {}) => ({
      registeredById: cashier.id,
      renterName: '赵强',
      renterPhone: '13800138000',
      plateNumber: '粤B12345',
      spaceId: space.id,
      startDate: '2081-05-01',
      endDate: '2082-04-30',
      monthlyRent: 40000,
      ...extra,
    });

    it('refuses a malformed plate, a bad phone, an end before the start and a zero rent, and writes nothing', async () => {
      const before = await ParkingRental.count();
      await expectRefused(() => ParkingRental.create(rentalFields({ plateNumber: 'AB12345' })), '车牌号格式不正确');
      await expectRefused(() => ParkingRental.create(rentalFields({ plateNumber: '粤BI2345' })), '车牌号格式不正确');
      await expectRefused(() => ParkingRental.create(rentalFields({ renterPhone: '12345' })), '联系电话格式不正确');
      await expectRefused(
        () => ParkingRental.create(rentalFields({ endDate: '2081-04-30' })),
        '到期日期不能早于起租日期',
      );
      await expectRefused(() => ParkingRental.create(rentalFields({ monthlyRent: 0 })), '月租金必须大于零');
      expect(await ParkingRental.count()).to.equal(before);
    });

    it('accepts ordinary and new-energy plates, written in capitals without spaces', async () => {
      const a = await ParkingRental.create(rentalFields({ plateNumber: '粤b 1234学' }));
      const b = await ParkingRental.create(rentalFields({ plateNumber: '粤BD12345' }));
      const c = await ParkingRental.create(rentalFields({ plateNumber: '京A12345F' }));
      expect([a.plateNumber, b.plateNumber, c.plateNumber]).to.deep.equal(['粤B1234学', '粤BD12345', '京A12345F']);
      expect(a.status).to.equal('pending');
    });
  });
});

describe('fees demo data', function () {
  this.timeout(120_000);
  // A fixed "today" in a year no other test uses: 2035-01-10 12:00 in Shanghai. Billing spans 2034-10 … 2035-01.
  const now = new Date('2035-01-10T04:00:00Z');
  const today = shanghaiDay(now);
  let ctx: DemoContext;
  let unitIds: number[];
  let cashierIds: number[];
  let serviceOrder: WorkOrder;

  before(async () => {
    // The last unit is vacant (no owner): its bills are paid by the developer.
    const estate = await smallEstate(12, { vacant: 1, areaStep: 7.3 });
    const { units, owners } = estate;
    const accounts = await demoAccounts();
    const { reception, cashier, cashier2 } = accounts;
    // A paid service completed for the first unit: the demo bills it, linked to its work order.
    const engineering = await department('工程部');
    const ticket = await Ticket.create({
      channel: 'phone',
      category: 'repair',
      title: '厨房水龙头漏水',
      reporterName: owners[0].name,
      unitId: units[0].id,
      ownerId: owners[0].id,
      departmentId: engineering.id,
      registeredById: reception.id,
      reportedAt: new Date('2034-12-20T02:00:00Z'),
      dueAt: new Date('2034-12-21T02:00:00Z'),
    });
    serviceOrder = await WorkOrder.create({
      ticketId: ticket.id,
      departmentId: engineering.id,
      dispatchedById: reception.id,
      dispatchedAt: new Date('2034-12-20T02:10:00Z'),
      dueAt: new Date('2034-12-21T02:00:00Z'),
      status: 'done',
      isPaidService: true,
      feeAmount: 8000,
      completedAt: new Date('2034-12-20T06:00:00Z'),
    });
    ctx = demoContext({ rng: new Rng(424242), now, staff: accounts, ...estateContext(estate) });
    unitIds = units.map((u) => u.id);
    cashierIds = [cashier.id, cashier2.id];
    await seedFeesDemo(ctx);
    await seedCashReportsDemo(ctx);
  });

  it('bills every unit for four months at area × 2.80 元, with unpaid, partial and paid bills', async () => {
    const management = await Bill.findAll({
      where: { unitId: unitIds, feeKind: 'management', period: { [Op.lte]: '2035-01' } },
    });
    expect(management).to.have.length(unitIds.length * 4);
    expect(new Set(management.map((b) => b.period))).to.deep.equal(
      new Set(['2034-10', '2034-11', '2034-12', '2035-01']),
    );
    for (const bill of management) {
      const unit = ctx.units.find((u) => u.id === bill.unitId)!;
      expect(bill.amount).to.equal(managementFeeFen(unit.area));
      expect(bill.billingKey).to.equal(`management:${unit.id}:${bill.period}`);
    }
    const all = await Bill.findAll({ where: { unitId: unitIds } });
    for (const status of ['unpaid', 'partial', 'paid'])
      expect(all.filter((b) => b.status === status).length, status).to.be.at.least(2);
    expect(new Set(all.map((b) => b.feeKind))).to.include.members([
      'management',
      'service',
      'parking',
      'clubhouse',
      'other',
    ]);
    const serviceBill = all.find((b) => b.workOrderId === serviceOrder.id);
    expect(serviceBill?.amount).to.equal(8000);
  });

  it("records the billing run behind each month's management and parking bills, and next month's run ahead of time", async () => {
    const runs = await BillingRun.findAll({ where: { staffId: cashierIds }, order: [['ranAt', 'ASC']] });
    const done = runs.filter((r) => r.status === 'done');
    expect(done.map((r) => r.period)).to.deep.equal(['2034-10', '2034-11', '2034-12', '2035-01', '2035-02']);
    for (const status of ['done', 'undone'])
      expect(runs.filter((r) => r.status === status).length, status).to.be.at.least(2);
    for (const run of runs) {
      expect(run.ranAt.getTime(), run.title).to.be.at.most(now.getTime());
      const bills = await Bill.findAll({ where: { billingRunId: run.id } });
      if (run.status === 'undone') {
        expect(bills, run.title).to.have.length(0);
        expect(run.undoneAt!.getTime()).to.be.above(run.ranAt.getTime());
        continue;
      }
      expect(
        bills.every((b) => b.period === run.period && b.billingKey !== null),
        run.title,
      ).to.equal(true);
      expect(bills.filter((b) => b.feeKind === 'management')).to.have.length(run.managementCount);
      expect(bills.filter((b) => b.feeKind === 'parking')).to.have.length(run.parkingCount);
    }
    // Next month's run: one bill per owned unit, nothing paid — the one a cashier can still undo.
    const ahead = done[done.length - 1];
    const owned = ctx.units.filter((u) => u.ownerId != null);
    expect(ahead.managementCount).to.equal(owned.length);
    expect(await Bill.count({ where: { billingRunId: ahead.id, paidAmount: { [Op.gt]: 0 } } })).to.equal(0);
    // The month runs before it had bills paid: they cannot be undone.
    const paid = await Bill.count({ where: { billingRunId: done[done.length - 2].id, paidAmount: { [Op.gt]: 0 } } });
    expect(paid).to.be.greaterThan(0);
  });

  it("lets the cashier undo next month's run but not this month's, which has receipts", async () => {
    const done = await BillingRun.findAll({
      where: { staffId: cashierIds, status: 'done' },
      order: [['ranAt', 'ASC']],
    });
    const cashier = await loadActor(ctx.staff.cashier.id);
    // This month's run has receipts.
    await expectRefused(
      () => undoBillingRun(cashier, done[done.length - 2].id, {}),
      Error,
      /^本次生成的账单已开出收据 \d+ 张/,
    );
    const ahead = done[done.length - 1];
    const unitsBilled = (await Bill.findAll({ where: { billingRunId: ahead.id } })).map((b) => b.unitId);
    await undoBillingRun(cashier, ahead.id, {});
    expect(await Bill.count({ where: { billingRunId: ahead.id } })).to.equal(0);
    expect(unitsBilled.length).to.be.greaterThan(0);
  });

  it('leaves several owners in arrears for two months or more, so dunning has targets', async () => {
    const overdue = await Bill.findAll({
      where: { unitId: unitIds, feeKind: 'management', status: ['unpaid', 'partial'], dueDate: { [Op.lt]: today } },
    });
    const monthsByOwner = new Map<number, number>();
    for (const bill of overdue)
      if (bill.ownerId) monthsByOwner.set(bill.ownerId, (monthsByOwner.get(bill.ownerId) ?? 0) + 1);
    expect([...monthsByOwner.values()].filter((months) => months >= 2).length).to.be.at.least(2);
  });

  it("keeps the money invariants: each bill's paid amount is its valid receipts' allocations, each receipt the sum of its allocations, each report its receipts, numbers without gaps", async () => {
    const problems = await moneyInvariantViolations(sequelize, { unitIds, cashierIds, years: [2034, 2035] });
    expect(problems).to.deep.equal([]);
    const bills = await Bill.findAll({ where: { unitId: unitIds } });
    const allocations = await PaymentAllocation.findAll({ where: { billId: bills.map((b) => b.id) } });
    expect(allocations.length).to.be.greaterThan(0);
    // Late payers catch up on several months with one receipt.
    const perReceipt = new Map<number, number>();
    for (const a of allocations) perReceipt.set(a.paymentId, (perReceipt.get(a.paymentId) ?? 0) + 1);
    expect([...perReceipt.values()].some((count) => count >= 2)).to.equal(true);
  });

  it('has receipts of both cashiers with every method, and at least two voided ones with a reason', async () => {
    const payments = await Payment.findAll({ where: { cashierId: cashierIds } });
    expect(new Set(payments.map((p) => p.method))).to.deep.equal(
      new Set(['cash', 'card', 'wechat', 'alipay', 'transfer']),
    );
    expect(new Set(payments.map((p) => p.cashierId))).to.deep.equal(new Set(cashierIds));
    const voided = payments.filter((p) => p.status === 'voided');
    expect(voided.length).to.be.at.least(2);
    for (const p of voided) {
      expect(p.voidReason).to.be.a('string').and.not.equal('');
      expect(p.voidedById).to.equal(p.cashierId);
    }
    for (const p of payments) expect(p.paidAt.getTime()).to.be.at.most(now.getTime());
  });

  it('numbers the receipts of each year 1 … N without gaps', async () => {
    for (const year of [2034, 2035]) {
      const sequences = (
        await Payment.findAll({
          attributes: ['receiptSequence', 'receiptNumber', 'receiptYear'],
          where: { receiptYear: year },
          order: [['receiptSequence', 'ASC']],
        })
      ).map((p) => {
        expect(p.receiptNumber).to.equal(formatReceiptNumber(year, p.receiptSequence));
        return p.receiptSequence;
      });
      expect(sequences.length, `${year}`).to.be.greaterThan(0);
      expect(sequences).to.deep.equal(Array.from({ length: sequences.length }, (_, i) => i + 1));
    }
  });

  it('registers parking rentals by the garage keeper in every state, and clubhouse charges pending and verified', async () => {
    const rentals = await ParkingRental.findAll({ where: { registeredById: ctx.staff.garage.id } });
    for (const status of ['pending', 'approved', 'rejected'])
      expect(rentals.filter((r) => r.status === status).length, status).to.be.at.least(2);
    for (const r of rentals.filter((x) => x.status !== 'pending')) expect(cashierIds).to.include(r.reviewedById);
    const charges = await ClubhouseCharge.findAll({ where: { recordedById: ctx.staff.reception.id } });
    for (const status of ['pending', 'verified'])
      expect(charges.filter((c) => c.status === status).length, status).to.be.at.least(2);
    for (const c of charges) expect(c.amount).to.equal(c.quantity * c.unitPrice);
  });

  it('builds one cash report per cashier and day whose totals equal its receipts', async () => {
    const reports = await CashReport.findAll({ where: { cashierId: cashierIds } });
    expect(reports.length).to.be.greaterThan(0);
    for (const report of reports) {
      const receipts = await Payment.findAll({ where: { cashReportId: report.id } });
      const totals = computeCashReportTotals(receipts);
      expect(totals.receiptCount, report.title).to.be.greaterThan(0);
      for (const [field, value] of Object.entries(totals))
        expect(report.get(field), `${report.title} ${field}`).to.equal(value);
      for (const p of receipts) {
        expect(p.cashierId).to.equal(report.cashierId);
        expect(shanghaiDay(p.paidAt)).to.equal(report.reportDate);
      }
    }
    expect(await Payment.count({ where: { cashierId: cashierIds, cashReportId: null } })).to.equal(0);
  });

  it("leaves today's reports open and older ones submitted, sent back or reconciled by the other cashier", async () => {
    const reports = await CashReport.findAll({ where: { cashierId: cashierIds } });
    for (const status of ['open', 'submitted', 'returned', 'reconciled'])
      expect(reports.filter((r) => r.status === status).length, status).to.be.at.least(2);
    // Each cashier has a day sent back to correct.
    expect(new Set(reports.filter((r) => r.status === 'returned').map((r) => r.cashierId))).to.deep.equal(
      new Set(cashierIds),
    );
    for (const r of reports) {
      expect(r.status === 'open', r.title).to.equal(r.reportDate === today);
      if (r.status === 'reconciled') {
        expect(cashierIds).to.include(r.reconciledById);
        expect(r.reconciledById).to.not.equal(r.cashierId);
        expect(r.reconciledAt!.getTime()).to.be.at.least(r.submittedAt!.getTime());
      }
      if (r.status !== 'open') expect(r.submittedAt).to.be.instanceOf(Date);
    }
  });

  it('keeps the checks of each report: 有差异 with a note on a day sent back, 核对无误 last on a reconciled one', async () => {
    const reports = await CashReport.findAll({ where: { cashierId: cashierIds } });
    const reviews = await CashReportReview.findAll({
      where: { cashReportId: reports.map((r) => r.id) },
      order: [
        ['reviewedAt', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    const differences = new Set<number>();
    for (const report of reports) {
      const mine = reviews.filter((r) => r.cashReportId === report.id);
      for (const review of mine) {
        expect(review.reviewerId, report.title).to.not.equal(report.cashierId);
        expect(review.reviewedAt.getTime(), report.title).to.be.at.most(now.getTime());
        if (review.outcome === 'different') {
          expect(review.note, report.title).to.be.a('string').and.not.equal('');
          differences.add(review.differenceAmount);
        } else expect(review.differenceAmount, report.title).to.equal(0);
      }
      const last = mine[mine.length - 1];
      if (report.status === 'returned') expect(last?.outcome, report.title).to.equal('different');
      else if (report.status === 'reconciled') {
        expect(last?.outcome, report.title).to.equal('matched');
        expect(last.reviewerId).to.equal(report.reconciledById);
      } else expect(mine, report.title).to.have.length(0);
    }
    // A 短款 and a 长款 among them, and a reconciled day that was sent back first.
    expect([...differences].some((d) => d < 0) && [...differences].some((d) => d > 0)).to.equal(true);
    const corrected = reports.filter(
      (r) => r.status === 'reconciled' && reviews.some((v) => v.cashReportId === r.id && v.outcome === 'different'),
    );
    expect(corrected.length).to.be.at.least(1);
  });

  it('lets every space of the car park once at a time: no two pending or approved rentals of a space overlap', async () => {
    const rentals = await ParkingRental.findAll({ where: { registeredById: ctx.staff.garage.id } });
    expect(rentals.length).to.be.at.least(8);
    const spaces = await ParkingSpace.findAll({ where: { communityId: ctx.communities.map((c) => c.id) } });
    expect(spaces.map((s) => s.id)).to.include.members(rentals.map((r) => r.spaceId));
    const holding = rentals.filter((r) => r.status === 'pending' || r.status === 'approved');
    for (const a of holding)
      for (const b of holding)
        if (a.id < b.id && a.spaceId === b.spaceId)
          expect(a.endDate < b.startDate || b.endDate < a.startDate, `${a.id} ${b.id}`).to.equal(true);
    // Some spaces are left free for the garage keeper's picker, of every kind.
    expect(spaces.length).to.be.greaterThan(new Set(rentals.map((r) => r.spaceId)).size);
    expect(new Set(spaces.map((s) => s.kind))).to.deep.equal(new Set(['underground', 'surface', 'mechanical']));
    const parkingBills = await Bill.findAll({ where: { unitId: unitIds, feeKind: 'parking' } });
    const codes = new Set(spaces.map((s) => s.code));
    for (const bill of parkingBills)
      expect(codes.has(/（(\S+) /.exec(bill.description)?.[1] ?? ''), bill.description).to.equal(true);
  });
});
