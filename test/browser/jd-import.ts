// 组织与权限 → 导入岗位职务说明书 in headless Chromium on a fresh demo office: 系统管理员 uploads a Word job
// description laid out as a table (a new position, 收费员兼文员, whose 直接上级 客户中心助理 means 客户服务助理 and whose
// 职权 "审核、检查是否可退装修押金" proposes 退押金), sees the preview, confirms, sees the outcome and the new position in
// the 岗位 list; 管理处主任 then finds the drafts 待审核 in 规则草稿. A cashier has no menu entry, the page says why, and
// the API answers 403. Pasted text with an unsure 直接上级 gets a picker, and IT's pick is stored. Screenshots of each
// step.
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Page } from 'playwright-core';
import { startDemoOffice } from './office.js';
import { assert, walk } from './walk.js';

const { server, browser, screenshots, password } = await startDemoOffice('jd-import');
const { signIn, snap } = walk({ server, browser, screenshots, password }, 'jd-import');

const POSITION = '收费员兼文员';
const AUTHORITY = '审核、检查是否可退装修押金。';

/** A job description as offices write them in Word: one two-column table, a list in the cells. */
async function jobDescriptionDocx(): Promise<string> {
  const row = (label: string, ...lines: string[]) =>
    new TableRow({
      children: [
        new TableCell({ width: { size: 20, type: WidthType.PERCENTAGE }, children: [new Paragraph(label)] }),
        new TableCell({
          width: { size: 80, type: WidthType.PERCENTAGE },
          children: lines.map((l) => new Paragraph(l)),
        }),
      ],
    });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph('翠湖花园物业管理处 岗位职务说明书'),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              row('岗位名称', POSITION),
              row('所属部门', '客户中心'),
              row('直接上级', '客户中心助理'),
              row('职务等级', '员级'),
              row(
                '岗位职责',
                '1、负责物业管理费、有偿服务费等各项费用的收取，开具收据。',
                '2、负责客户中心文件的收发、打印、复印与整理。',
              ),
              row('职权', `1、${AUTHORITY}`),
              row('任职资格', '1、高中以上学历，一年以上收费工作经验。'),
            ],
          }),
        ],
      },
    ],
  });
  const file = path.join(screenshots, `${POSITION}岗位职务说明书.docx`);
  fs.writeFileSync(file, await Packer.toBuffer(document));
  return file;
}

/** Pasted from a web page: a 直接上级 that is like some positions' names but is none of them. */
const PASTED = [
  '岗位名称：绿化保洁领班',
  '所属部门：保洁部',
  '直接上级：保洁主管员',
  '岗位职责：',
  '1、负责小区绿化养护与保洁工作的安排。',
  '职权：',
  '1、抽查保洁员的工作质量。',
].join('\n');

type MenuResource = { id: string; href: string | null; navigation?: { name: string | null } | null };
const importEntry = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { REDUX_STATE: { resources: MenuResource[] } }).REDUX_STATE.resources ?? []).find(
      (r) => r.id === 'JobDescriptionImport',
    ),
  );

let failed = false;
try {
  const file = await jobDescriptionDocx();

  // 1. A cashier: no menu entry, the page's address says why, the API refuses.
  const cashier = await signIn('cashier@demo.local');
  const cashierEntry = await importEntry(cashier);
  assert(!cashierEntry?.href, `no 导入岗位职务说明书 in the cashier's menu: ${JSON.stringify(cashierEntry)}`);
  await cashier.goto(`${server.url}/admin/resources/JobDescriptionImport`);
  await cashier.waitForSelector('[data-testid="ForbiddenPage"]', { timeout: 30_000 });
  const refusal = (await cashier.locator('[data-testid="ForbiddenPage"]').textContent()) ?? '';
  assert(refusal.includes('导入岗位职务说明书'), `the refusal names the page: ${refusal}`);
  await snap(cashier, 'cashier-refused');
  const refused = await cashier.request.post(`${server.url}/api/job-descriptions/preview`, {
    multipart: { text: `岗位名称：${POSITION}\n职权：\n1、${AUTHORITY}` },
  });
  const refusedBody = (await refused.json().catch(() => ({}))) as { error?: string };
  assert(refused.status() === 403, `the API refuses the cashier: ${refused.status()} ${JSON.stringify(refusedBody)}`);
  assert(/[\u4e00-\u9fff]/.test(refusedBody.error ?? ''), `in Chinese: ${refusedBody.error}`);
  console.log(`  cashier: no menu entry; page refused; API ${refused.status()} ${refusedBody.error}`);
  await cashier.context().close();

  // 2. IT opens 组织与权限 → 导入岗位职务说明书 from the menu.
  const it = await signIn('it@demo.local');
  const itEntry = await importEntry(it);
  assert(itEntry?.href && itEntry.navigation?.name === '组织与权限', `IT's menu entry: ${JSON.stringify(itEntry)}`);
  const sidebar = it.locator('[data-css="sidebar"]');
  if ((await sidebar.locator('a:has-text("导入岗位职务说明书")').count()) === 0)
    await sidebar.locator('text=组织与权限').click();
  await sidebar.locator('a:has-text("导入岗位职务说明书")').click();
  await it.waitForSelector('[data-testid="jd-import-page"]', { timeout: 30_000 });
  await snap(it, 'it-page');

  // 3. Upload the Word file and preview it.
  await it.setInputFiles('[data-testid="jd-file-input"]', file);
  await it.waitForSelector('[data-testid="jd-file-name"]');
  await it.click('[data-testid="jd-preview-button"]');
  await it.waitForSelector('[data-testid="jd-preview"], [data-testid="jd-error"]', { timeout: 60_000 });
  const previewError = await it
    .locator('[data-testid="jd-error"]')
    .textContent()
    .catch(() => null);
  assert(!previewError, `the preview opens without an error: ${previewError}`);
  const card = it.locator(`[data-testid="jd-position"][data-name="${POSITION}"]`);
  assert((await card.count()) === 1, `the preview shows ${POSITION}`);
  const cardText = (await card.textContent()) ?? '';
  assert(cardText.includes('新岗位'), `${POSITION} is a new position: ${cardText.slice(0, 200)}`);
  assert(cardText.includes(`1、${AUTHORITY}`), `its 职权 clause is shown: ${cardText}`);
  assert(cardText.includes('负责物业管理费'), `its duties are shown: ${cardText}`);
  const supervisor = (await card.locator('[data-testid="jd-supervisor"]').textContent()) ?? '';
  assert(
    supervisor.includes('客户中心助理') && supervisor.includes('客户服务助理'),
    `客户中心助理 is linked to 客户服务助理: ${supervisor}`,
  );
  const proposals = (await it.locator('[data-testid="jd-proposals-table"]').textContent()) ?? '';
  assert(proposals.includes(POSITION) && proposals.includes('退押金'), `a 退押金 proposal: ${proposals}`);
  assert(proposals.includes('将起草'), `it will be drafted: ${proposals}`);
  const totals = (await it.locator('[data-testid="jd-totals"]').textContent()) ?? '';
  console.log(`  preview: ${totals}`);
  console.log(`  ${POSITION}: 直接主管 ${supervisor.trim()}`);
  await it.setViewportSize({ width: 1400, height: 2600 });
  await snap(it, 'it-preview');
  await it.setViewportSize({ width: 1400, height: 1100 });

  // 4. Confirm: the outcome, with the drafts for the director.
  const [answer] = await Promise.all([
    it.waitForResponse((r) => r.url().endsWith('/api/job-descriptions/import')),
    it.click('[data-testid="jd-confirm"]'),
  ]);
  const outcome = (await answer.json()) as { drafts?: number[]; error?: string };
  assert(answer.status() === 200, `the import is accepted: ${answer.status()} ${JSON.stringify(outcome)}`);
  await it.waitForSelector('[data-testid="jd-outcome"]', { timeout: 60_000 });
  const outcomeText = (await it.locator('[data-testid="jd-outcome"]').textContent()) ?? '';
  assert(outcomeText.includes('新建岗位 1 个'), `the outcome counts the new position: ${outcomeText}`);
  const drafts = outcome.drafts ?? [];
  assert(drafts.length > 0, 'drafts were written for the director');
  assert(outcomeText.includes(`${drafts.length} 份待审核的权限草稿`), `the outcome counts the drafts: ${outcomeText}`);
  console.log(`  outcome: ${outcomeText.replace(/\s+/g, ' ').slice(0, 200)}`);
  await snap(it, 'it-outcome');

  // 5. The 岗位 list holds the new position.
  await it.click('[data-testid="jd-link-positions"]');
  await it.waitForURL(/\/admin\/resources\/Position/);
  await it.waitForSelector(`td:has-text("${POSITION}")`, { timeout: 30_000 });
  await snap(it, 'it-positions');

  // 6. Pasted text whose 直接上级 names no position for sure: IT picks one in the preview, and the link is stored.
  await it.goto(`${server.url}/admin/resources/JobDescriptionImport`);
  await it.waitForSelector('[data-testid="jd-import-page"]');
  await it.click('[data-testid="jd-mode-text"]');
  await it.fill('[data-testid="jd-text"]', PASTED);
  await it.fill('[data-testid="jd-text-name"]', '绿化保洁领班岗位职责（网页）');
  await it.click('[data-testid="jd-preview-button"]');
  await it.waitForSelector('[data-testid="jd-preview"]', { timeout: 60_000 });
  const picker = it.locator('[data-testid="jd-supervisor-picker"]');
  assert((await picker.count()) === 1, 'an unsure 直接上级 gets a picker');
  await picker.locator('input').click();
  await it.waitForSelector('[class*="option"]');
  const offered = await it.locator('[class*="option"]').allTextContents();
  assert(offered.at(-1) === '不关联', `the picker offers the candidates, then 不关联: ${offered.join(' | ')}`);
  await it.keyboard.press('Enter');
  const picked = offered[0].replace(/（[^（）]*）$/, '');
  await snap(it, 'it-picker');
  await it.click('[data-testid="jd-confirm"]');
  await it.waitForSelector('[data-testid="jd-outcome"]', { timeout: 60_000 });
  const stored = (await (
    await it.request.get(
      `${server.url}/admin/api/resources/Position/actions/list?filters.name=${encodeURIComponent('绿化保洁领班')}`,
    )
  ).json()) as { records: { populated: { supervisorPositionId?: { title: string } | null } }[] };
  const linkedTo = stored.records[0]?.populated.supervisorPositionId?.title;
  assert(linkedTo === picked, `the picked supervisor is stored: ${linkedTo} (picked ${picked})`);
  console.log(`  picker offered ${offered.join(' | ')}; 绿化保洁领班 → ${linkedTo}`);
  await it.context().close();

  // 7. The director finds the drafts 待审核 in 规则草稿.
  const director = await signIn('director@demo.local');
  const listed = (await (
    await director.request.get(
      `${server.url}/admin/api/resources/RuleDraft/actions/list?filters.status=pending&perPage=100`,
    )
  ).json()) as { records: { id: string; params: { needsReview?: boolean; origin?: string } }[] };
  const mine = listed.records.filter((r) => drafts.includes(Number(r.id)));
  assert(mine.length === drafts.length, `every draft is pending: ${mine.length} of ${drafts.length}`);
  assert(
    mine.every((r) => r.params.needsReview === true && r.params.origin === 'import'),
    `each is 待审核 and from the import: ${JSON.stringify(mine.map((r) => r.params))}`,
  );
  await director.goto(`${server.url}/admin/resources/RuleDraft?filters.status=pending&filters.needsReview=true`);
  await director.waitForSelector('table tbody tr', { timeout: 30_000 });
  const heading = (await director.locator('table thead').textContent()) ?? '';
  assert(heading.includes('待审核'), `the 规则草稿 list shows 待审核: ${heading}`);
  const rows = await director.locator('table tbody tr').count();
  assert(rows >= drafts.length, `the 规则草稿 list shows the drafts: ${rows} rows`);
  console.log(`  director: ${drafts.length} drafts 待审核 among ${rows} rows of 规则草稿 (待发布, 待审核)`);
  await snap(director, 'director-drafts');
  await director.context().close();
  console.log('jd-import walk: passed');
} catch (error) {
  failed = true;
  console.error('jd-import walk: FAILED', error);
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
