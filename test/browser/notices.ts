// Messages cleared on success, in headless Chromium on a fresh demo office: a refused attempt shows its red notice;
// the retry that succeeds shows the green one alone — on a workflow action's form (取消报事 without, then with a
// reason) and on a built-in form (a 通知 whose title is too long, then one that fits).
import type { Page } from 'playwright-core';
import { startDemoOffice } from './office.js';
import { assert, walk } from './walk.js';

const office = await startDemoOffice('notices');
const { server, browser } = office;
const { Notice, Ticket } = await import('../../src/models/index.js');
const { signIn, snap } = walk(office, 'notices');

/** The notices on screen now, by colour: AdminJS draws them as message boxes inside its notice wrapper. */
async function notices(page: Page): Promise<string> {
  return (
    (await page
      .locator('[data-testid="notice-wrapper"]')
      .textContent()
      .catch(() => null)) ?? ''
  );
}

let failed = false;
try {
  const page = await signIn('reception@demo.local');

  // A workflow action's form: 取消 without a reason is refused, then done with one.
  const ticket = (await Ticket.findOne({ where: { status: 'reported' }, order: [['id', 'ASC']] }))!;
  await page.goto(`${server.url}/admin/resources/Ticket/records/${ticket.id}/cancel`);
  await page.waitForSelector('button:has-text("确认取消")', { timeout: 60_000 });
  await page.click('button:has-text("确认取消")');
  await page.waitForSelector('[data-testid="notice-wrapper"] >> text=请写明取消原因', { timeout: 15_000 });
  await page.locator('[data-testid="action-field-cancelReason"] textarea').fill('业主已自行处理');
  await page.click('button:has-text("确认取消")');
  await page.waitForURL(new RegExp(`/records/${ticket.id}/show`), { timeout: 30_000 });
  await page.waitForSelector('[data-testid="notice-wrapper"] >> text=报事已取消', { timeout: 15_000 });
  const afterCancel = await notices(page);
  await snap(page, 'cancel-retried');
  assert(!afterCancel.includes('请写明取消原因'), `the refusal is gone after the success: ${afterCancel}`);
  assert((await ticket.reload()).status === 'cancelled', 'the ticket is cancelled');

  // A built-in form: a notice whose title is too long is refused by the model, then saved with a shorter one.
  await page.goto(`${server.url}/admin/resources/Notice/actions/new`);
  await page.waitForSelector('[data-testid="property-edit-title"]', { timeout: 60_000 });
  await page.locator('[data-testid="property-edit-title"] input').fill('停'.repeat(130));
  await page.locator('[data-testid="property-edit-content"] textarea').fill('明日 9:00–12:00 停水检修。');
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="notice-wrapper"]', { timeout: 15_000 });
  const refused = await notices(page);
  assert(refused.length > 0, 'the too-long title is refused with a notice');
  const title = `停水通知 ${Date.now()}`;
  await page.locator('[data-testid="property-edit-title"] input').fill(title);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.endsWith('/actions/new'), { timeout: 30_000 });
  await page.waitForTimeout(300);
  const afterSave = await notices(page);
  await snap(page, 'notice-retried');
  assert(afterSave.length > 0 && !afterSave.includes(refused), `only the success is shown: ${afterSave}`);
  assert((await Notice.count({ where: { title } })) === 1, 'the notice is stored once');
  console.log('notices walk passed');
} catch (error) {
  failed = true;
  console.error('notices walk FAILED:', error);
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
