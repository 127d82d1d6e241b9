// The office's two everyday journeys, clicked through in headless Chromium on a fresh demo office: a phone report
// from registration to archive, and a renovation from application to the refunded deposit and the reconciled cash
// report.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startDemoOffice } from './office.js';

const { server, browser, screenshots, password } = await startDemoOffice('journeys');
const { shanghaiDay, addDays } = await import('../../src/lib/shanghai.js');

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const pages = new Map<string, Page>();
async function as(email: string): Promise<Page> {
  const known = pages.get(email);
  if (known) return known;
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(/\/admin(?!\/login)/), page.click('form button')]);
  await page.waitForSelector('text=我的工作台', { timeout: 60_000 });
  pages.set(email, page);
  return page;
}

/** A record as the API shows it to this person (status, actions). */
async function shown(page: Page, resource: string, id: number) {
  return page.evaluate(async ([r, i]) => (await fetch(`/admin/api/resources/${r}/records/${i}/show`)).json(), [
    resource,
    String(id),
  ] as const);
}

/** Picks an option in a react-select by typing part of its label (a form's enum or reference field). */
async function choose(page: Page, testId: string, text: string) {
  const input = page.locator(`[data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(text);
  // The menu may be drawn outside the field (a portal), so its option is looked for on the whole page.
  await page.waitForSelector(`[class*="option"]:has-text("${text}")`, { timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Opens a workflow action of a record, fills its form, submits, and waits for the success notice. */
async function act(
  page: Page,
  resource: string,
  id: number,
  action: string,
  submit: string,
  fill?: (page: Page) => Promise<void>,
) {
  await page.goto(`${server.url}/admin/resources/${resource}/records/${id}/${action}`);
  await page.waitForSelector(`button:has-text("${submit}")`, { timeout: 30_000 });
  if (fill) await fill(page);
  await page.click(`button:has-text("${submit}")`);
  await page.waitForURL(new RegExp(`/records/${id}/show`), { timeout: 30_000 });
}

async function status(page: Page, resource: string, id: number): Promise<string> {
  return (await shown(page, resource, id)).record.params.status;
}

let step = 0;
async function snap(page: Page, name: string) {
  step += 1;
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(500);
  await page.screenshot({
    path: path.join(screenshots, `journey-${String(step).padStart(2, '0')}-${name}.png`),
    fullPage: true,
  });
}

let failed = false;
async function journey(name: string, run: () => Promise<void>) {
  try {
    await run();
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failed = true;
    console.log(`  ✘ ${name}\n    ${(error as Error).stack}`);
    for (const [email, page] of pages)
      await page
        .screenshot({ path: path.join(screenshots, `journey-failure-${email.split('@')[0]}.png`), fullPage: true })
        .catch(() => undefined);
  }
}

console.log('browser journeys');

await journey(
  'a phone report: registered and dispatched to 工程部 by the receptionist, completed and approved by 工程部, visited and archived',
  async () => {
    const reception = await as('reception@demo.local');
    await reception.goto(`${server.url}/admin/resources/Ticket/actions/new`);
    await reception.waitForSelector('[data-testid="property-edit-title"] input', { timeout: 30_000 });
    await choose(reception, 'property-edit-channel', '电话');
    await choose(reception, 'property-edit-category', '维修');
    await reception.fill('[data-testid="property-edit-title"] input', '厨房水龙头漏水（浏览器测试）');
    await reception.fill('[data-testid="property-edit-reporterName"] input', '陈美玲');
    await reception.fill('[data-testid="property-edit-reporterPhone"] input', '13912345678');
    await choose(reception, 'property-edit-departmentId', '工程部');
    await reception.click('button[type=submit]');
    await reception.waitForURL(/\/resources\/Ticket\/records\/\d+\/show/, { timeout: 30_000 });
    const id = Number(/records\/(\d+)\/show/.exec(reception.url())![1]);
    assert((await status(reception, 'Ticket', id)) === 'reported', 'the new ticket is not 已登记');
    await snap(reception, 'ticket-registered');

    await act(reception, 'Ticket', id, 'dispatch', '派工');
    assert((await status(reception, 'Ticket', id)) === 'dispatched', 'not dispatched');

    const engineer = await as('engineer@demo.local');
    await act(engineer, 'Ticket', id, 'complete', '完成处理', async (page) => {
      await page.fill('[data-testid="action-field-result"] textarea', '更换厨房水龙头阀芯，已试水无渗漏');
    });
    assert((await status(engineer, 'Ticket', id)) === 'completed', 'not completed');

    await act(reception, 'Ticket', id, 'returnVisit', '记录回访', async (page) => {
      await choose(page, 'action-field-method', '电话');
      await choose(page, 'action-field-satisfaction', '5 非常满意');
      await page.fill('[data-testid="action-field-feedback"] textarea', '维修及时，满意');
    });
    assert((await status(reception, 'Ticket', id)) === 'visited', 'not visited');

    await act(engineer, 'Ticket', id, 'supervisorApprove', '审核通过');
    assert((await status(engineer, 'Ticket', id)) === 'approved', 'not approved');

    const before = await shown(reception, 'Ticket', id);
    assert(
      before.record.recordActions.some((a: { name: string }) => a.name === 'archive'),
      'the receptionist has no 归档 button',
    );
    await act(reception, 'Ticket', id, 'archive', '确认归档');
    assert((await status(reception, 'Ticket', id)) === 'archived', 'not archived');
    await snap(reception, 'ticket-archived');
  },
);

await journey(
  'a renovation: reviewed by 工程部, approved by the assistant, deposit collected, inspected, refunded; the day reported and reconciled',
  async () => {
    const reception = await as('reception@demo.local');
    // The application is registered at the front desk (a unit with its owner, from the demo estate).
    const created = await reception.evaluate(
      async ([start, end]) => {
        const units = await (await fetch('/admin/api/resources/Unit/actions/list?perPage=50')).json();
        const unit = units.records.find((u: { params: { ownerId: number | null } }) => u.params.ownerId);
        const body = new URLSearchParams({
          unitId: String(unit.id),
          ownerId: String(unit.params.ownerId),
          contractor: '南山美家装饰工程有限公司',
          contractorPhone: '13600136000',
          scope: '卫生间翻新（浏览器测试）',
          startDate: start,
          endDate: end,
        });
        return (
          await fetch('/admin/api/resources/RenovationApplication/actions/new', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body,
          })
        ).json();
      },
      [addDays(shanghaiDay(new Date()), 3), addDays(shanghaiDay(new Date()), 40)] as const,
    );
    assert(
      created.notice?.type === 'success',
      `registration failed: ${JSON.stringify(created.notice ?? created.record?.errors)}`,
    );
    const id = Number(created.record.id);

    const engineer = await as('engineer@demo.local');
    await act(engineer, 'RenovationApplication', id, 'review', '提交审核意见', async (page) => {
      await page.fill('[data-testid="action-field-reviewOpinion"] textarea', '不涉及承重墙与防水层改动，同意施工');
    });
    assert((await status(engineer, 'RenovationApplication', id)) === 'reviewed', 'not reviewed');

    const assistant = await as('assistant@demo.local');
    await act(assistant, 'RenovationApplication', id, 'approve', '核批');
    assert((await status(assistant, 'RenovationApplication', id)) === 'approved', 'not approved');

    const cashier = await as('cashier@demo.local');
    await cashier.goto(`${server.url}/admin/resources/RenovationDeposit/actions/new`);
    await cashier.waitForSelector('[data-testid="property-edit-applicationId"] input', { timeout: 30_000 });
    const number = (await shown(cashier, 'RenovationApplication', id)).record.params.number as string;
    await choose(cashier, 'property-edit-applicationId', number);
    await cashier.fill('[data-testid="property-edit-amount"] input', '3000');
    await choose(cashier, 'property-edit-method', '现金');
    await cashier.click('button[type=submit]');
    await cashier.waitForURL(/\/resources\/RenovationDeposit\/records\/\d+\/show/, { timeout: 30_000 });
    const depositId = Number(/records\/(\d+)\/show/.exec(cashier.url())![1]);
    assert((await status(cashier, 'RenovationDeposit', depositId)) === 'held', 'the deposit is not held');
    await snap(cashier, 'deposit-collected');

    await act(engineer, 'RenovationApplication', id, 'inspect', '登记验收结果', async (page) => {
      await choose(page, 'action-field-inspectionResult', '验收合格');
    });
    assert((await status(engineer, 'RenovationApplication', id)) === 'inspected', 'not inspected');

    await act(cashier, 'RenovationDeposit', depositId, 'refund', '确认退还', async (page) => {
      await choose(page, 'action-field-method', '现金');
    });
    const deposit = (await shown(cashier, 'RenovationDeposit', depositId)).record.params;
    assert(
      deposit.status === 'refunded' && Number(deposit.refundedAmount) === 300_000,
      `not refunded in full: ${JSON.stringify(deposit)}`,
    );
    await snap(cashier, 'deposit-refunded');

    // The cashier's report of today now holds the deposit and its refund; submitted, then reconciled by the other collector.
    const today = shanghaiDay(new Date());
    const reports: { records: { id: string; recordActions: { name: string }[] }[] } = await cashier.evaluate(
      async (day) =>
        (
          await fetch(
            `/admin/api/resources/CashReport/actions/list?filters.reportDate~~from=${day}&filters.reportDate~~to=${day}&filters.status=open&perPage=50`,
          )
        ).json(),
      today,
    );
    const mine = reports.records.find((r) => r.recordActions.some((a) => a.name === 'submit'));
    assert(mine, 'the cashier has no open report of today to submit');
    const reportId = Number(mine.id);
    await act(cashier, 'CashReport', reportId, 'submit', '提交日报');
    assert((await status(cashier, 'CashReport', reportId)) === 'submitted', 'not submitted');

    const second = await as('cashier2@demo.local');
    await act(second, 'CashReport', reportId, 'reconcile', '核对无误');
    assert((await status(second, 'CashReport', reportId)) === 'reconciled', 'not reconciled');
    await snap(second, 'cash-report-reconciled');
  },
);

await browser.close();
await server.stop();
console.log(failed ? 'journeys failed' : 'journeys passed');
process.exit(failed ? 1 : 0);
