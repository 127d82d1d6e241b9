// Printing in headless Chromium on a fresh demo office: the cashier opens a receipt, presses 打印 (the print page opens
// in a new tab), prints it to PDF on A5 landscape and finds its number and its amount in capitals in the PDF's text;
// then a voided receipt (作废), the day's cash report (A4) and, as the receptionist, a work order (A4).
// The PDFs and a screenshot of each page are kept under test-results/. Text is read with poppler's pdftotext.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startDemoOffice } from './office.js';
import { assert, walk } from './walk.js';

const { server, browser, screenshots, password } = await startDemoOffice('printing');
const { CashReport, Payment, Staff, WorkOrder, Department } = await import('../../src/models/index.js');
const { chineseAmount } = await import('../../src/lib/chinese-amount.js');
const { formatFen } = await import('../../src/lib/money.js');

const { signIn, snap } = walk({ server, browser, screenshots, password }, 'printing');

/** The page printed to PDF as the paper it is laid out for; the PDF's text (pdftotext keeps the reading order). */
async function printToPdf(page: Page, name: string, paper: 'A5' | 'A4', landscape: boolean): Promise<string> {
  const file = path.join(screenshots, `printing-${name}.pdf`);
  await page.screenshot({ path: path.join(screenshots, `printing-${name}.png`), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(screenshots, `printing-${name}-print.png`), fullPage: true });
  await page.pdf({ path: file, format: paper, landscape, printBackground: true });
  console.log(`  pdf ${path.relative(process.cwd(), file)}`);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  assert(/Pages:\s+1\b/.test(pages), `${name} prints on one sheet: ${pages}`);
  return text.replace(/[ \t]+/g, ' ');
}

let failed = false;
try {
  const cashierRow = (await Staff.findOne({ where: { email: 'cashier@demo.local' } }))!;
  const receipt = await Payment.findOne({
    where: { cashierId: cashierRow.id, status: 'valid', kind: 'fee' },
    order: [['id', 'DESC']],
  });
  assert(receipt, "the demo has a valid fee receipt of cashier@'s");
  const voided = await Payment.findOne({ where: { status: 'voided' }, order: [['id', 'DESC']] });
  assert(voided, 'the demo has a voided receipt');

  // The receipt's page, its 打印 button, the print page in a new tab.
  const cashier = await signIn('cashier@demo.local');
  await cashier.goto(`${server.url}/admin/resources/Payment/records/${receipt.id}/show`);
  await cashier.waitForSelector('[data-testid="action-print"]', { timeout: 30_000 });
  await snap(cashier, 'receipt-with-print-button');
  const [printed] = await Promise.all([
    cashier.context().waitForEvent('page', { timeout: 30_000 }),
    cashier.click('[data-testid="action-print"]'),
  ]);
  await printed.waitForLoadState('load');
  assert(printed.url().endsWith(`/admin/print/Payment/${receipt.id}`), `the print page opened: ${printed.url()}`);
  await cashier.waitForSelector('[data-testid="print-link"]', { timeout: 30_000 });
  await snap(cashier, 'print-action-page');
  const receiptText = await printToPdf(printed, 'receipt', 'A5', true);
  const capitals = chineseAmount(receipt.amount);
  assert(receiptText.includes(receipt.receiptNumber), `the PDF holds the receipt number ${receipt.receiptNumber}`);
  assert(receiptText.includes(capitals), `the PDF holds the amount in capitals ${capitals}:\n${receiptText}`);
  assert(receiptText.includes(formatFen(receipt.amount)), `the PDF holds the amount ${formatFen(receipt.amount)}`);
  console.log(`  receipt ${receipt.receiptNumber}: ${formatFen(receipt.amount)} = 人民币${capitals}`);

  // A voided receipt carries 作废.
  const voidPage = await cashier.context().newPage();
  await voidPage.goto(`${server.url}/admin/print/Payment/${voided.id}`);
  const voidText = await printToPdf(voidPage, 'voided-receipt', 'A5', true);
  assert(voidText.includes('作废') && voidText.includes(voided.receiptNumber), 'the voided receipt prints as 作废');

  // A deposit refund prints as a 退款收据.
  const refund = await Payment.findOne({ where: { kind: 'deposit_refund', status: 'valid' }, order: [['id', 'DESC']] });
  assert(refund, 'the demo has a deposit refund');
  const refundPage = await cashier.context().newPage();
  await refundPage.goto(`${server.url}/admin/print/Payment/${refund.id}`);
  const refundText = await printToPdf(refundPage, 'refund-receipt', 'A5', true);
  assert(
    refundText.includes('退款收据') && refundText.includes(chineseAmount(refund.amount)),
    `the refund prints as 退款收据 with its amount in capitals:\n${refundText}`,
  );

  // The day's cash report, on A4.
  const report = await CashReport.findOne({
    where: { cashierId: cashierRow.id, status: 'reconciled' },
    order: [['reportDate', 'DESC']],
  });
  assert(report, "the demo has a reconciled cash report of cashier@'s");
  const reportPage = await cashier.context().newPage();
  await reportPage.goto(`${server.url}/admin/print/CashReport/${report.id}`);
  const reportText = await printToPdf(reportPage, 'cash-report', 'A4', false);
  assert(reportText.includes('现金日报表') && reportText.includes(report.reportDate), 'the cash report prints its day');
  assert(
    reportText.includes(formatFen(report.totalAmount)),
    `the cash report prints its total ${formatFen(report.totalAmount)}`,
  );
  assert(reportText.includes('核对人'), 'the cash report names its checker');

  // A work order, as the receptionist.
  const order = await WorkOrder.findOne({ where: { status: 'open' }, order: [['id', 'DESC']] });
  assert(order, 'the demo has an open work order');
  const department = (await Department.findByPk(order.departmentId))!;
  const reception = await signIn('reception@demo.local');
  await reception.goto(`${server.url}/admin/print/WorkOrder/${order.id}`);
  const orderText = await printToPdf(reception, 'work-order', 'A4', false);
  assert(
    orderText.includes(order.number) && orderText.includes(department.name),
    'the work order prints its number and department',
  );
  assert(orderText.includes('业主签字'), 'the work order has the owner’s signature line');

  // The garage keeper may not print a receipt.
  const garage = await signIn('garage@demo.local');
  const refused = await garage.goto(`${server.url}/admin/print/Payment/${receipt.id}`);
  assert(refused?.status() === 403, `the garage keeper is refused (${refused?.status()})`);
  await snap(garage, 'refused');
  console.log('printing walk passed');
} catch (error) {
  failed = true;
  console.error('printing walk FAILED:', error);
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
