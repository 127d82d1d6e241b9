// Chinese everywhere: for every demo account, walks every list of the sidebar (with its filter drawer open), one
// record of each readable resource, and every form the account may open (new, edit and each workflow action form
// on that record), and fails on any English UI word or raw code outside the allow-list. The walk stays inside the
// single-page app (no reloads) and waits for each page's own requests, never for fixed times.
import type { Page } from 'playwright-core';
import { startDemoOffice } from './office.js';

const started = Date.now();
const office = await startDemoOffice('chinese-ui');
const { server, browser, password } = office;
console.log(`chinese-ui: demo office ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);

const IT_ACCOUNT = 'it@demo.local';
const ACCOUNTS = [
  'reception@demo.local',
  'coordinator@demo.local',
  'cashier@demo.local',
  'cashier2@demo.local',
  'assistant@demo.local',
  'director@demo.local',
  'engineer@demo.local',
  'garage@demo.local',
  IT_ACCOUNT,
];

/** Words that may stand in Chinese UI: names of things, units and record data rather than AdminJS's English. */
const ALLOWED_WORDS = new Set(
  [
    // Product and standard names, units.
    'ISO',
    'JSON',
    'Excel',
    'xlsx',
    'csv',
    'pdf',
    'PDF',
    'Email',
    'ID',
    'IT',
    'AM',
    'PM',
    // The language switch offers English by its own name.
    'English',
    // File types and sizes named where a document is attached.
    'Word',
    'PowerPoint',
    'JPG',
    'PNG',
    'TXT',
    'ZIP',
    'MB',
    'KB',
  ].map((word) => word.toLowerCase()),
);

/**
 * Pending (other parts of issue 13): pages and words of screens another engineer is still making Chinese, allowed
 * until they land. Empty now: the decision-log and audit-log screens (once listed here) pass the walk.
 */
const PENDING_PAGES: RegExp[] = [];
const PENDING_WORDS = new Set<string>([]);

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const ENGLISH = /(?<![A-Za-z0-9_.:/-])[A-Za-z]{2,}(?![A-Za-z0-9_])/g;
const CODES: RegExp[] = [
  /(?<![\w.])[A-Z][a-zA-Z]+\.[a-z][a-zA-Z]+\b/g, // Ticket.archive
  /(?<![\w])[a-z][a-z0-9]*(_[a-z0-9]+)+\b/g, // garage_keeper
  /(?<![\w])[A-Za-z_]+:[\w-]+:[\w-]+/g, // management:240:2026-12
];

interface Finding {
  text: string;
  url: string;
}
const findings = new Map<string, Finding>();
let visited = 0;
let refusals = 0;
let dialogs = 0;

/** IT's screens show the positions' codes (and only theirs do): they are allowed on IT's pages. */
let positionCodes = new Set<string>();

function offending(text: string, codesAllowed: boolean): string[] {
  const cleaned = text.replace(EMAIL, ' ');
  const found: string[] = [];
  const allowedCode = (code: string) => codesAllowed && positionCodes.has(code);
  for (const pattern of CODES)
    for (const match of cleaned.matchAll(pattern)) if (!allowedCode(match[0])) found.push(match[0]);
  for (const match of cleaned
    .replace(/[a-z]+(_[a-z]+)+/g, (code) => (allowedCode(code) ? ' ' : code))
    .matchAll(ENGLISH)) {
    const word = match[0];
    if (allowedCode(word)) continue;
    if (!ALLOWED_WORDS.has(word.toLowerCase()) && !PENDING_WORDS.has(word)) found.push(word);
  }
  return found;
}

/** Visible text of the page, with the placeholders, titles and aria-labels a reader also sees. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const extra: string[] = [];
    // The dialog's buttons draw their words from a label attribute (CSS content), not as text.
    for (const element of Array.from(document.querySelectorAll('[placeholder],[title],[aria-label],[label]'))) {
      for (const attribute of ['placeholder', 'title', 'aria-label', 'label']) {
        const value = element.getAttribute(attribute);
        if (value) extra.push(value);
      }
    }
    return `${document.title}\n${document.body.innerText}\n${extra.join('\n')}`;
  });
}

// Both run in the page as written: given as text, so that the TypeScript runner adds no helpers to them.

/** Counts the page's open requests (AdminJS asks its API with XMLHttpRequest, the product's pages with fetch). */
const COUNT_REQUESTS = `
  window.__open = 0;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    window.__open += 1;
    this.addEventListener('loadend', () => { window.__open -= 1; }, { once: true });
    return send.apply(this, args);
  };
  const fetchOriginal = window.fetch;
  window.fetch = (...args) => {
    window.__open += 1;
    return fetchOriginal(...args).finally(() => { window.__open -= 1; });
  };
`;

/** Waits until the page has what it shows: no request open and no loader for three frames running. */
const SETTLE = `(async () => {
  const deadline = Date.now() + 30000;
  for (let quiet = 0; quiet < 3 && Date.now() < deadline; ) {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const busy = window.__open > 0 || document.querySelector('.adminjs_Loader, [class*="Loader"]') !== null;
    quiet = busy ? 0 : quiet + 1;
  }
})()`;

async function settle(page: Page) {
  await page.evaluate(SETTLE);
}

async function check(page: Page, url: string, codesAllowed = false) {
  await settle(page);
  visited += 1;
  if (PENDING_PAGES.some((pattern) => pattern.test(url))) return;
  for (const text of offending(await visibleText(page), codesAllowed)) {
    if (!findings.has(text)) findings.set(text, { text, url });
  }
}

/** Moves inside the single-page app, as its own links do. */
async function go(page: Page, path: string) {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
}

type ActionJSON = { name: string; component?: unknown; actionType: string; guard?: string };
type ResourceJSON = { id: string; href: string | null; resourceActions: ActionJSON[]; navigation: unknown };

async function walkAccount(email: string) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  await context.addInitScript(COUNT_REQUESTS);
  const look = (url: string) => check(page, url, email === IT_ACCOUNT);
  let calendarSeen = false;
  let dialogSeen = false;
  page.on('pageerror', (error) => console.log(`  page error (${email}): ${error.message}`));
  // A 打印 page opens the print page in a new tab, which would leave the walk's page in the background, where the
  // browser slows its animation frames (and so every page's settling) to one a second: the tab is closed at once.
  page.on('popup', (popup) => {
    popup
      .close()
      .then(() => page.bringToFront())
      .catch(() => undefined);
  });
  try {
    // The first page also bundles the product's components (development mode).
    await page.goto(`${server.url}/admin/login`, { timeout: 120_000 });
    await look('/admin/login');
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForURL(/\/admin(?!\/login)/), page.click('form button')]);
    await page.waitForSelector('text=我的工作台', { timeout: 60_000 });
    await look('/admin');

    const resources = (await page.evaluate(
      () => (window as unknown as { REDUX_STATE: { resources: ResourceJSON[] } }).REDUX_STATE.resources,
    )) as ResourceJSON[];
    const listed = resources.filter(
      (resource) => resource.href && resource.resourceActions.some((a) => a.name === 'list'),
    );
    for (const resource of listed) {
      const base = `/admin/resources/${resource.id}`;
      await go(page, base);
      await look(base);
      // The filter drawer's words are on the page already (AdminJS keeps it drawn, off screen); its calendar opens
      // once per account: months, weekdays and the time label.
      const date = page.locator('.react-datepicker-wrapper input').first();
      if (!calendarSeen && (await date.count())) {
        calendarSeen = true;
        const filter = page.locator('[data-css$="filter-button"]').first();
        // Clicked as a script does: the drawer, once open, lies over the button.
        const toggle = () => filter.evaluate((button) => (button as HTMLElement).click());
        await toggle();
        await date.click();
        await page.waitForSelector('.react-datepicker__month', { timeout: 10_000 });
        await look(`${base} (日历)`);
        await page.keyboard.press('Escape');
        await toggle();
      }
      // Resource forms: new, and the resource's own workflow forms (a monthly billing run …).
      for (const action of resource.resourceActions) {
        if (action.name === 'list' || action.name === 'bulkDelete' || action.component === false) continue;
        const url = `${base}/actions/${action.name}`;
        await go(page, url);
        await look(url);
      }
      const list = (await page.evaluate(
        async (id) => (await fetch(`/admin/api/resources/${id}/actions/list?perPage=1`)).json(),
        resource.id,
      )) as { records?: { id: string; recordActions: ActionJSON[] }[] };
      const record = list.records?.[0];
      if (!record) continue;
      for (const action of record.recordActions) {
        if (action.name === 'delete' || action.component === false) continue;
        const url = `${base}/records/${record.id}/${action.name}`;
        await go(page, url);
        await look(url);
      }
      // The confirmation dialog of an action with a guard (删除 …), once per account: opened, read, cancelled.
      const guarded = record.recordActions.find((action) => action.component === false && action.guard);
      if (!dialogSeen && guarded) {
        const url = `${base}/records/${record.id}/show`;
        await go(page, url);
        await settle(page);
        // A page without the button (a record shown by its own component) leaves the dialog for the next record.
        const opened = await page
          .locator(`[data-testid="action-${guarded.name}"]`)
          .first()
          .click({ timeout: 3_000 })
          .then(() => page.waitForSelector('button[label="取消"]', { timeout: 5_000 }))
          .then(() => true)
          .catch(() => false);
        if (opened) {
          dialogSeen = true;
          await look(`${url} (确认对话框：${guarded.name})`);
          await page.locator('button[label="取消"]').last().click();
          dialogs += 1;
        }
      }
    }
    // A list (or a page of its own, such as 导入岗位职务说明书) this person may not open says so in words, with the rule's
    // reason.
    const refused = resources.find((resource) => !resource.resourceActions.some((a) => a.name === 'list'));
    // Both addresses of a list: its action's, and the resource's own (the one a shared or bookmarked link holds).
    for (const url of refused
      ? [`/admin/resources/${refused.id}/actions/list`, `/admin/resources/${refused.id}`]
      : []) {
      await go(page, url);
      await page.waitForSelector('[data-testid="ForbiddenPage"]', { timeout: 10_000 });
      await look(url);
      const says = await page.locator('[data-testid="ForbiddenPage"]').innerText();
      if (!/您没有权限打开“.+”(列表|页面)：\S+/.test(says)) findings.set(`refusal: ${says}`, { text: says, url });
      refusals += 1;
    }
  } finally {
    await context.close();
  }
}

const { Position } = await import('../../src/models/index.js');
positionCodes = new Set((await Position.findAll()).map((position) => position.code).filter((code) => code !== null));

// Accounts walk side by side (each page mostly waits for the server): three at a time on two cores.
const WORKERS = Number(process.env.CHINESE_UI_WORKERS ?? 3);
const queue = [...ACCOUNTS];
await Promise.all(
  Array.from({ length: WORKERS }, async () => {
    for (let email = queue.shift(); email; email = queue.shift()) await walkAccount(email);
  }),
);
await browser.close();
await server.stop();

const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `chinese-ui: ${visited} pages visited for ${ACCOUNTS.length} accounts in ${seconds} s; ${refusals} refused lists said why; ${dialogs} confirmation dialogs read`,
);
if (findings.size > 0) {
  console.log(`${findings.size} English words or raw codes:`);
  for (const { text, url } of findings.values()) console.log(`  ${JSON.stringify(text)}  on ${url}`);
  process.exit(1);
}
process.exit(0);
