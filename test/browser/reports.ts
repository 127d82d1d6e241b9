// The 报表 group in headless Chromium on a fresh demo office: every demo account's menu holds exactly the reports its
// rules allow; 车库管理员 opening a report's address gets the padlock and the rule's reason; the director opens every
// report (figures, charts), exports one to .xlsx (Chinese headers) and prints one to PDF (its title and a figure in
// the PDF's text); the front desk opens 月度报事统计 and its 简报. Screenshots of each report page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startDemoOffice } from './office.js';
import { assert, walk } from './walk.js';

const { server, browser, screenshots, password } = await startDemoOffice('reports');
const { REPORTS } = await import('../../src/domain/reports/index.js');
const { reportResourceId } = await import('../../src/lib/report-values.js');
const { signIn, snap } = walk({ server, browser, screenshots, password }, 'reports');

type MenuResource = { id: string; href: string | null; navigation?: { name: string | null } | null };

let failed = false;
try {
  // 1. Each account's 报表 menu is what its rules allow (GET /api/reports answers for the same session).
  const accounts = ['reception', 'coordinator', 'cashier', 'assistant', 'director', 'engineer', 'garage', 'it'];
  for (const account of accounts) {
    const page = await signIn(`${account}@demo.local`);
    const menu = await page.evaluate(() =>
      ((window as unknown as { REDUX_STATE: { resources: MenuResource[] } }).REDUX_STATE.resources ?? [])
        .filter((r) => r.href && r.navigation?.name === '报表')
        .map((r) => r.id),
    );
    const allowed = (await (await page.request.get(`${server.url}/api/reports`)).json()) as { name: string }[];
    const expected = allowed.map((r) => reportResourceId(r.name)).sort();
    assert(
      JSON.stringify([...menu].sort()) === JSON.stringify(expected),
      `${account}: the menu's reports ${menu.join(',')} are the allowed ones ${expected.join(',')}`,
    );
    console.log(`  ${account}: ${menu.length ? menu.join(', ') : '(no reports)'}`);
    if (account === 'garage') {
      assert(menu.length === 0, 'no report for 车库管理员 by default');
      await page.goto(`${server.url}/admin/resources/${reportResourceId('collection')}`);
      await page.waitForSelector('[data-testid="ForbiddenPage"]', { timeout: 30_000 });
      const text = (await page.locator('[data-testid="ForbiddenPage"]').textContent()) ?? '';
      assert(
        text.includes('收费统计') && text.includes('没有任何规则允许'),
        `the refusal names the report and why: ${text}`,
      );
      await snap(page, 'garage-refused');
    }
    await page.context().close();
  }

  // 2. The director opens every report.
  const director = await signIn('director@demo.local');
  await director.setViewportSize({ width: 1400, height: 2400 });
  for (const report of REPORTS) {
    await director.goto(`${server.url}/admin/resources/${reportResourceId(report.name)}`);
    await director.waitForSelector('[data-testid="report-table"], [data-testid="report-error"]', { timeout: 60_000 });
    const error = await director.locator('[data-testid="report-error"]').count();
    assert(error === 0, `${report.title} opens without an error`);
    const charts = await director.locator('[data-testid="report-chart"] svg').count();
    console.log(`  ${report.title}: ${charts} charts`);
    await snap(director, `director-${report.name}`);
  }

  // 3. Export 收费统计 to .xlsx from its page.
  await director.goto(`${server.url}/admin/resources/${reportResourceId('collection')}`);
  await director.waitForSelector('[data-testid="report-table"]', { timeout: 60_000 });
  const [download] = await Promise.all([
    director.waitForEvent('download'),
    director.click('[data-testid="report-export"]'),
  ]);
  const file = path.join(screenshots, 'reports-collection.xlsx');
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('收费统计');
  assert(sheet, `the workbook has a 收费统计 sheet: ${book.worksheets.map((w) => w.name).join(',')}`);
  const header = (sheet.getRow(2).values as unknown[]).filter(Boolean).map(String);
  assert(header.includes('应收（元）') && header.includes('收缴率'), `Chinese headers: ${header.join(',')}`);
  console.log(
    `  exported ${download.suggestedFilename()}: ${book.worksheets.length} sheets, headers ${header.join(' ')}`,
  );

  // 4. Print it to PDF.
  const print = await director.context().newPage();
  await print.goto(`${server.url}/admin/print/Report/collection`);
  await print.waitForSelector('.report-table');
  const pdf = path.join(screenshots, 'reports-collection.pdf');
  await print.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert(
    text.includes('收费统计') && text.includes('收缴率'),
    `the PDF reads 收费统计 and 收缴率: ${text.slice(0, 300)}`,
  );
  await print.screenshot({ path: path.join(screenshots, 'reports-collection-print.png'), fullPage: true });
  console.log(`  printed ${path.relative(process.cwd(), pdf)} (${fs.statSync(pdf).size} bytes)`);
  await director.context().close();

  // 5. The front desk's monthly report and its 简报.
  const reception = await signIn('reception@demo.local');
  await reception.setViewportSize({ width: 1400, height: 2400 });
  await reception.goto(`${server.url}/admin/resources/${reportResourceId('monthlyTickets')}`);
  await reception.waitForSelector('[data-testid="report-headlines"]', { timeout: 60_000 });
  await snap(reception, 'reception-monthlyTickets');
  const brief = reception.locator('a:has-text("简报")').first();
  assert((await brief.count()) === 1, 'the monthly report offers its 简报');
  const href = (await brief.getAttribute('href')) ?? '';
  const briefPage = await reception.context().newPage();
  await briefPage.goto(`${server.url}${href}`);
  const briefText = (await briefPage.textContent('body')) ?? '';
  assert(briefText.includes('报事'), `the 简报 opens: ${briefText.slice(0, 200)}`);
  await briefPage.screenshot({ path: path.join(screenshots, 'reports-brief.png'), fullPage: true });
  await reception.context().close();
  console.log('reports walk: passed');
} catch (error) {
  failed = true;
  console.error('reports walk: FAILED', error);
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
