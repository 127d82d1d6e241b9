// 导出 Excel in headless Chromium on a fresh demo office: the receptionist filters the ticket list, presses 导出 Excel
// and gets 报事单-<time>.xlsx holding exactly the rows the list counts, under its Chinese headers, with the times the
// list shows; the cashier's receipts export with amounts in yuan; the assistant, who reads the rules but may not export
// them (the rule transfer is the director's), sees no 导出 Excel under the rule list.
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { startDemoOffice } from './office.js';
import { assert, walk } from './walk.js';

const office = await startDemoOffice('export');
const { server, browser } = office;
const { Payment, Ticket } = await import('../../src/models/index.js');
const { signIn, snap } = walk(office, 'export');

async function downloaded(page: Page): Promise<{ download: Download; rows: unknown[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-xlsx"]')]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const rows: unknown[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { download, rows };
}

let failed = false;
try {
  const page = await signIn('reception@demo.local');
  await page.goto(`${server.url}/admin/resources/Ticket?filters.status=dispatched&sortBy=dueAt&direction=asc`);
  await page.waitForSelector('[data-testid="export-xlsx"]', { timeout: 60_000 });
  await snap(page, 'ticket-list');
  const href = (await page.getAttribute('[data-testid="export-xlsx"]', 'href')) ?? '';
  assert(
    href === '/admin/export/Ticket.xlsx?filters.status=dispatched&sortBy=dueAt&direction=asc',
    `the button exports the list's query: ${href}`,
  );
  const tickets = await downloaded(page);
  assert(/^报事单-\d{8}-\d{4}\.xlsx$/.test(tickets.download.suggestedFilename()), tickets.download.suggestedFilename());
  const dispatched = await Ticket.count({ where: { status: 'dispatched' } });
  assert(tickets.rows.length === dispatched + 1, `${tickets.rows.length - 1} rows exported of ${dispatched}`);
  assert(
    tickets.rows[0].join(',') === '报事单号,报事类别,报事内容,房屋,处理部门,状态,要求完成时间,逾期',
    String(tickets.rows[0]),
  );
  assert(
    tickets.rows.slice(1).every((row) => row[5] === '已派工'),
    'every row is a dispatched ticket, in words',
  );
  // The first row's due time reads in the cell as the list shows it (Shanghai).
  const shown = (await page.locator('tbody tr').first().locator('td').nth(7).textContent())?.trim() ?? '';
  const cell = (tickets.rows[1][6] as Date).toISOString().slice(0, 16).replace('T', ' ');
  assert(shown === cell, `the list shows ${shown}, the workbook ${cell}`);

  const cashier = await signIn('cashier@demo.local');
  await cashier.goto(`${server.url}/admin/resources/Payment`);
  await cashier.waitForSelector('[data-testid="export-xlsx"]', { timeout: 60_000 });
  const receipts = await downloaded(cashier);
  assert(receipts.rows.length === (await Payment.count()) + 1, 'every receipt is exported');
  const amount = receipts.rows[0].indexOf('金额');
  const first = await Payment.findOne({ where: { receiptNumber: String(receipts.rows[1][0]) } });
  assert(first && receipts.rows[1][amount] === first.amount / 100, 'the amount reads in yuan');

  const assistant = await signIn('assistant@demo.local');
  await assistant.goto(`${server.url}/admin/resources/AuthorityRule`);
  await assistant.waitForSelector('[data-testid="page-size"]', { timeout: 60_000 });
  await assistant.waitForTimeout(1_000);
  await snap(assistant, 'rules-no-export');
  assert((await assistant.locator('[data-testid="export-xlsx"]').count()) === 0, 'no 导出 Excel for the rule list');
  console.log('export walk passed');
} catch (error) {
  failed = true;
  console.error('export walk FAILED:', error);
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
