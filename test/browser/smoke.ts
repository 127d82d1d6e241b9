// Browser smoke test: a fresh SQLite database with the demo office, the real server, headless Chromium.
// Signs in as two demo accounts, opens the ticket list, checks Chinese labels and demo rows render.
import path from 'node:path';
import { startDemoOffice } from './office.js';

const { server, browser, screenshots, password } = await startDemoOffice('smoke');

let passed = 0;
let failed = 0;
async function check(name: string, fn: () => Promise<void>) {
  try {
    await fn();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✘ ${name}\n    ${(error as Error).message}`);
  }
}

async function asAccount(email: string, expectations: (page: import('playwright-core').Page) => Promise<void>) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // The security headers must not break the admin: no script, style or font refused by the Content-Security-Policy,
  // and no request leaving the application (AdminJS links a foreign font service; the server serves its own fonts).
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !/^(data|blob):/.test(request.url()))
      violations.push(`request to ${request.url()}`);
  });
  try {
    await page.goto(`${server.url}/admin/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForURL(/\/admin(?!\/login)/), page.click('form button')]);
    await expectations(page);
    assert(violations.length === 0, `blocked or foreign: ${violations.slice(0, 3).join(' | ')}`);
  } catch (error) {
    await page
      .screenshot({ path: path.join(screenshots, `${email.split('@')[0]}-failure.png`), fullPage: true })
      .catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

console.log('browser smoke test');
for (const email of ['reception@demo.local', 'cashier@demo.local']) {
  await check(`${email} signs in and sees the ticket list in Chinese with demo rows`, () =>
    asAccount(email, async (page) => {
      // The first page load also bundles the product's components (development mode), so allow for it.
      await page.waitForSelector('text=我的工作台', { timeout: 60_000 });
      await page.waitForSelector('text=您好', { timeout: 30_000 });
      await page.screenshot({ path: path.join(screenshots, `${email.split('@')[0]}-dashboard.png`), fullPage: true });
      await page.goto(`${server.url}/admin/resources/Ticket`);
      await page.waitForSelector('table tbody tr', { timeout: 30_000 });
      const body = await page.textContent('body');
      assert(body?.includes('报事单'), 'the resource name 报事单 is missing');
      assert(body?.includes('前台服务'), 'the navigation group 前台服务 is missing');
      assert(
        /已登记|已派工|已完成|已回访|主管已审核|已归档|已取消/.test(body ?? ''),
        'no Chinese ticket status is shown',
      );
      const rows = await page.locator('table tbody tr').count();
      assert(rows >= 5, `expected demo rows, saw ${rows}`);
      assert(!body?.includes('Made with'), 'AdminJS "made with" line is shown');
      await page.screenshot({ path: path.join(screenshots, `${email.split('@')[0]}-tickets.png`), fullPage: true });
    }),
  );
}

await browser.close();
await server.stop();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
