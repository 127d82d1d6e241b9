// What the browser walks share: signing in as a demo account, numbered screenshots, picking from a react-select,
// and performing a record's workflow action through its form.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function walk(
  office: { browser: Browser; server: { url: string }; screenshots: string; password: string },
  name: string,
) {
  const { browser, server, screenshots, password } = office;
  let step = 0;

  /** A page signed in as this demo account, seeing times as staff in Shanghai do. */
  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1400, height: 1100 },
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`  page error (${email}): ${error.message}`));
    await page.goto(`${server.url}/admin/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForURL(/\/admin(?!\/login)/), page.click('form button')]);
    await page.waitForSelector('text=我的工作台', { timeout: 60_000 });
    return page;
  }

  async function snap(page: Page, what: string) {
    step += 1;
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(400);
    const file = path.join(screenshots, `${name}-${String(step).padStart(2, '0')}-${what}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  screenshot ${path.relative(process.cwd(), file)}`);
  }

  /** Picks an option of the react-select inside the element with this test id by typing part of its label. */
  async function choose(page: Page, testId: string, text: string) {
    const input = page.locator(`[data-testid="${testId}"] input`).first();
    await input.click();
    await input.fill(text);
    // The menu may be drawn outside the field (a portal), so its option is looked for on the whole page.
    await page.waitForSelector(`[class*="option"]:has-text("${text}")`, { timeout: 15_000 });
    await page.keyboard.press('Enter');
  }

  /** Opens a workflow action of a record, fills its form, submits, and waits to be back on the record. */
  async function act(
    page: Page,
    resource: string,
    id: number,
    action: string,
    submit: string,
    fill?: () => Promise<void>,
  ) {
    await page.goto(`${server.url}/admin/resources/${resource}/records/${id}/${action}`);
    await page.waitForSelector(`button:has-text("${submit}")`, { timeout: 30_000 });
    if (fill) await fill();
    await page.click(`button:has-text("${submit}")`);
    await page.waitForURL(new RegExp(`/records/${id}/show`), { timeout: 30_000 });
  }

  return { signIn, snap, choose, act };
}
