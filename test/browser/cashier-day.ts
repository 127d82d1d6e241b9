// The cashier's day walked in headless Chromium on a fresh demo office: from an owner's page one receipt for three
// months; the day's report submitted, reopened for a later receipt and submitted again; the second cashier records a
// difference and sends it back; the cashier corrects it (void and reissue) and submits; the second cashier
// reconciles. Then the garage keeper cannot let a taken space again for overlapping dates.
import type { Page } from 'playwright-core';
import { Op } from 'sequelize';
import { startDemoOffice } from './office.js';
import { assert, walk } from './walk.js';

const { server, browser, screenshots, password } = await startDemoOffice('cashier-day');
const { Bill, CashReport, Community, Owner, ParkingRental, ParkingSpace, Payment, PaymentAllocation, Staff } =
  await import('../../src/models/index.js');
const { shanghaiDay } = await import('../../src/lib/shanghai.js');

const { signIn, snap, choose, act } = walk({ server, browser, screenshots, password }, 'cashier-day');

/** 收款 on the owner's page: tick the first `count` bills (oldest first), pay by WeChat, 开收据. */
async function collect(page: Page, ownerId: number, count: number): Promise<number> {
  await page.goto(`${server.url}/admin/resources/Owner/records/${ownerId}/collect`);
  await page.waitForSelector('[data-testid="collect-form"] table', { timeout: 60_000 });
  const rows = page.locator('[data-testid^="collect-bill-"]');
  // Start from nothing ticked (a bill's 收款 would come with its bill ticked).
  if (await page.locator('#collect-all').isChecked()) await page.locator('label[for="collect-all"]').click();
  for (let i = 0; i < count; i += 1) await rows.nth(i).click();
  await choose(page, 'collect-method', '微信');
  await page.click('button:has-text("开收据")');
  await page.waitForURL(/\/resources\/Payment\/records\/\d+\/show/, { timeout: 30_000 });
  return Number(/records\/(\d+)\/show/.exec(page.url())![1]);
}

async function reportStatus(id: number) {
  return (await CashReport.findByPk(id))!.status;
}

let failed = false;
try {
  const cashierRow = (await Staff.findOne({ where: { email: 'cashier@demo.local' } }))!;
  const today = shanghaiDay(new Date());
  const report = await CashReport.findOne({ where: { cashierId: cashierRow.id, reportDate: today } });
  assert(report?.status === 'open', `the demo has cashier@'s open report for ${today}`);

  // Owners with at least three bills still owing: the first pays three months at once, the second pays later.
  const owing = await Bill.findAll({ where: { status: { [Op.in]: ['unpaid', 'partial'] } }, attributes: ['ownerId'] });
  const counts = new Map<number, number>();
  for (const bill of owing) if (bill.ownerId) counts.set(bill.ownerId, (counts.get(bill.ownerId) ?? 0) + 1);
  const [first, second, third] = [...counts.entries()].filter(([, n]) => n >= 3).map(([id]) => id);
  assert(first && second && third, 'the demo has three owners with three bills owing');
  const firstOwner = (await Owner.findByPk(first))!;

  const cashier = await signIn('cashier@demo.local');
  const checker = await signIn('cashier2@demo.local');

  // One receipt, three months
  const threeMonths = await collect(cashier, first, 3);
  const allocations = await PaymentAllocation.findAll({ where: { paymentId: threeMonths } });
  const receipt = (await Payment.findByPk(threeMonths))!;
  assert(allocations.length === 3, `one receipt settles three bills (${allocations.length})`);
  assert(
    allocations.reduce((sum, a) => sum + a.amount, 0) === receipt.amount,
    'the receipt is the sum of its allocations',
  );
  assert(receipt.cashReportId === report.id, "the receipt is on the cashier's report of the day");
  console.log(`  ${firstOwner.name}: receipt ${receipt.receiptNumber} settles 3 bills, ${receipt.amount} fen`);
  await snap(cashier, 'three-months-one-receipt');

  // Submit, reopen, a later receipt, submit again
  await act(cashier, 'CashReport', report.id, 'submit', '提交日报');
  assert((await reportStatus(report.id)) === 'submitted', 'submitted');
  await act(cashier, 'CashReport', report.id, 'reopen', '重新打开');
  assert((await reportStatus(report.id)) === 'open', 'reopened');
  const later = await collect(cashier, second, 1);
  assert((await Payment.findByPk(later))!.cashReportId === report.id, 'the later receipt goes on the reopened report');
  await act(cashier, 'CashReport', report.id, 'submit', '提交日报');
  await snap(cashier, 'report-submitted-again');

  // The second cashier finds a difference and sends it back
  await act(checker, 'CashReport', report.id, 'sendBack', '退回更正', async () => {
    await checker.fill('[data-testid="action-field-differenceAmount"] input', '-50');
    await checker.fill('[data-testid="action-field-note"] textarea', '微信收款少 50 元，请核对最后一张收据');
  });
  assert((await reportStatus(report.id)) === 'returned', 'sent back');
  await snap(checker, 'report-sent-back');

  // The cashier corrects: voids the later receipt, issues it again, submits
  await act(cashier, 'Payment', later, 'void', '确认作废', async () => {
    await cashier.fill('[data-testid="action-field-voidReason"] textarea', '金额有误，作废重开');
  });
  assert((await Payment.findByPk(later))!.status === 'voided', 'the later receipt is voided');
  const reissued = await collect(cashier, third, 1);
  assert((await Payment.findByPk(reissued))!.cashReportId === report.id, 'the reissued receipt is on the report');
  await act(cashier, 'CashReport', report.id, 'submit', '提交日报');
  assert((await reportStatus(report.id)) === 'submitted', 'submitted after the correction');

  // The second cashier reconciles
  await act(checker, 'CashReport', report.id, 'reconcile', '核对无误');
  assert((await reportStatus(report.id)) === 'reconciled', 'reconciled');
  await checker.waitForSelector('[data-testid="cash-report-receipts"]', { timeout: 30_000 });
  await snap(checker, 'report-reconciled');

  // The garage keeper cannot let a taken space again
  const taken = await ParkingRental.findOne({ where: { status: 'approved' }, order: [['id', 'ASC']] });
  assert(taken, 'the demo has an approved rental');
  const space = (await ParkingSpace.findByPk(taken.spaceId))!;
  const garage = await signIn('garage@demo.local');
  await garage.goto(`${server.url}/admin/resources/ParkingRental/actions/new`);
  await garage.waitForSelector('[data-testid="property-edit-spaceId"]', { timeout: 30_000 });
  const before = await ParkingRental.count();
  // The same code may stand in two communities: the option is picked by community and code.
  const community = (await Community.findByPk(space.communityId))!;
  const spaceInput = garage.locator('[data-testid="property-edit-spaceId"] input').first();
  await spaceInput.click();
  await spaceInput.fill(space.code);
  await garage.click(`[class*="option"]:has-text("${community.name} ${space.code}")`, { timeout: 15_000 });
  await garage.fill('[data-testid="property-edit-renterName"] input', '测试租户');
  await garage.fill('[data-testid="property-edit-renterPhone"] input', '13800138000');
  await garage.fill('[data-testid="property-edit-plateNumber"] input', '粤B12345');
  for (const [field, day] of [
    ['startDate', String(taken.startDate)],
    ['endDate', String(taken.endDate)],
  ]) {
    await garage.fill(`[data-testid="property-edit-${field}"] input`, day);
  }
  await garage.fill('[data-testid="property-edit-monthlyRent"] input', '300');
  await garage.click('button[type="submit"]');
  await garage.waitForSelector('text=/重叠/', { timeout: 30_000 });
  const answer = await garage.locator('body').textContent();
  const refusal = answer ?? '';
  assert((await ParkingRental.count()) === before, 'no second rental is stored');
  assert(
    refusal.includes(space.code) && refusal.includes('重叠'),
    `refused naming the space: ${refusal.slice(0, 300)}`,
  );
  // The dates arrive as typed (AdminJS's own picker would send the day before from a browser in Shanghai).
  assert(
    refusal.includes(`与 ${String(taken.startDate)} 至 ${String(taken.endDate)} 重叠`),
    `the typed dates reach the server: ${refusal.slice(0, 300)}`,
  );
  console.log(`  garage@: ${space.code} refused for ${String(taken.startDate)} – ${String(taken.endDate)}`);
  await snap(garage, 'taken-space-refused');
  await garage.goto(`${server.url}/admin/resources/ParkingSpace`);
  await garage.waitForSelector('table', { timeout: 30_000 });
  await snap(garage, 'parking-spaces');
  console.log('cashier day walk passed');
} catch (error) {
  failed = true;
  console.error('cashier day walk FAILED:', error);
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
