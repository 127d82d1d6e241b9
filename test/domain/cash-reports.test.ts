import { expect } from 'chai';
import { CashReport, Payment } from '../../src/models/index.js';
import { recordPayment } from '../../src/domain/payments.js';
import { loadActor } from '../../src/auth/actor.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';
import { bill } from '../support/records.js';

let day = 0;
/** A cashier's open report of a past day with two receipts of that day not yet on it. */
async function openDay() {
  const cashier = await staff('cashier');
  day += 1;
  const date = `2026-10-${String(day).padStart(2, '0')}`;
  const report = await CashReport.create({ cashierId: cashier.id, reportDate: date } as never);
  for (const [method, amount] of [
    ['cash', 12_000],
    ['wechat', 8_050],
  ] as const) {
    await Payment.create({
      kind: 'other',
      method,
      amount,
      payerName: '李秀英',
      cashierId: cashier.id,
      paidAt: new Date(`${date}T10:00:00+08:00`),
      status: 'valid',
    } as never);
  }
  return { cashier, report };
}

const post = (
  client: Awaited<ReturnType<typeof signedInClient>>,
  resource: string,
  id: number,
  action: string,
  fields: Record<string, string> = {},
) => client.act(resource, id, action, fields);

describe('现金日报表: submit and reconcile', () => {
  it("收费员 may submit their own day: the day's receipts join the report and its totals equal them", async () => {
    const { cashier, report } = await openDay();
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    const { body } = await post(client, 'CashReport', report.id, 'submit');
    expect(body.notice.type).to.equal('success');
    await report.reload();
    expect(report).to.include({
      status: 'submitted',
      receiptCount: 2,
      totalAmount: 20_050,
      cashAmount: 12_000,
      wechatAmount: 8_050,
    });
  });

  it("another cashier may not submit someone else's day", async () => {
    const { report } = await openDay();
    const other = await staff('cashier');
    const client = await signedInClient(other.email, TEST_PASSWORD);
    const { body } = await post(client, 'CashReport', report.id, 'submit');
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    await report.reload();
    expect(report.status).to.equal('open');
  });

  it('the second collector may reconcile a submitted day; its own cashier may not', async () => {
    const { cashier, report } = await openDay();
    await post(await signedInClient(cashier.email, TEST_PASSWORD), 'CashReport', report.id, 'submit');
    const own = await post(await signedInClient(cashier.email, TEST_PASSWORD), 'CashReport', report.id, 'reconcile');
    expect(own.body.record.baseError.type).to.equal('ForbiddenError');
    const second = await staff('cashier');
    const { body } = await post(
      await signedInClient(second.email, TEST_PASSWORD),
      'CashReport',
      report.id,
      'reconcile',
    );
    expect(body.notice.type).to.equal('success');
    await report.reload();
    expect(report).to.include({ status: 'reconciled', reconciledById: second.id });
  });

  it('a report that does not match its receipts is refused with the difference, and stays submitted', async () => {
    const { cashier, report } = await openDay();
    await post(await signedInClient(cashier.email, TEST_PASSWORD), 'CashReport', report.id, 'submit');
    // Figures changed behind the system's back (the model itself would refuse them).
    await CashReport.sequelize!.query(
      'UPDATE "CashReport" SET "totalAmount" = 19050, "cashAmount" = 11000 WHERE "id" = :id',
      { replacements: { id: report.id } },
    );
    const second = await staff('cashier');
    const { body } = await post(
      await signedInClient(second.email, TEST_PASSWORD),
      'CashReport',
      report.id,
      'reconcile',
    );
    expect(body.notice.message).to.equal(
      '日报表与收据不符：收据合计 ¥200.50（2 张），日报表 ¥190.50（2 张），相差 ¥10.00',
    );
    await report.reload();
    expect(report.status).to.equal('submitted');
  });
});

describe('作废收据 (Payment.void)', () => {
  async function paidToday() {
    const { units } = await smallEstate(1);
    const july = await bill(units[0], { period: '2026-07', amount: 30_000 });
    const cashier = await staff('cashier');
    const payment = await recordPayment(await loadActor(cashier.id), {
      billId: july.id,
      method: 'cash',
      amount: 30_000,
    });
    return { cashier, bill: july, payment };
  }

  it('收费员 may void their own receipt with a reason: it is kept as voided and the bill owes again', async () => {
    const { cashier, bill, payment } = await paidToday();
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    const noReason = await post(client, 'Payment', payment.id, 'void');
    expect(noReason.body.record.errors.voidReason.message).to.equal('请写明作废原因');
    const { body } = await post(client, 'Payment', payment.id, 'void', { voidReason: '金额录入错误，作废重开' });
    expect(body.notice.type).to.equal('success');
    await payment.reload();
    await bill.reload();
    expect(payment).to.include({ status: 'voided', voidedById: cashier.id });
    expect(bill).to.include({ paidAmount: 0, status: 'unpaid' });
  });

  it('another cashier may not void it', async () => {
    const { payment } = await paidToday();
    const other = await staff('cashier');
    const { body } = await post(await signedInClient(other.email, TEST_PASSWORD), 'Payment', payment.id, 'void', {
      voidReason: '试图作废',
    });
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    await payment.reload();
    expect(payment.status).to.equal('valid');
  });

  it('a receipt of a submitted day cannot be voided', async () => {
    const { cashier, report } = await openDay();
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    await post(client, 'CashReport', report.id, 'submit');
    const receipt = (await Payment.findOne({ where: { cashReportId: report.id } }))!;
    const { body } = await post(client, 'Payment', receipt.id, 'void', { voidReason: '晚了' });
    expect(body.notice.message).to.equal(`${report.reportDate} 的现金日报表已提交，不能再作废当天的收据`);
    await receipt.reload();
    expect(receipt.status).to.equal('valid');
  });
});
