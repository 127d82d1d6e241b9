// What an import of job descriptions leaves for 管理处主任, walked in headless Chromium on a fresh demo office: her desk
// counts the drafts to review and the rule whose clause changed; on 发布规则变更 the imported drafts wait in their own
// section; she accepts one (采纳), changes another in the rule form (修改 → 保存并采纳), publishes, and the rule is
// live; the flagged rule says 条款变动待复核 until she marks it reviewed (复核条款变动).
import { startDemoOffice } from './office.js';
import { assert, walk } from './walk.js';

const { server, browser, screenshots, password } = await startDemoOffice('imported-drafts');
const { AuthorityRule, RuleDraft, Staff } = await import('../../src/models/index.js');
const { loadActor } = await import('../../src/auth/actor.js');
const { decide } = await import('../../src/rules/decide.js');

const { signIn, snap, act } = walk({ server, browser, screenshots, password }, 'imported-drafts');

const SOURCE = '导入「收费员兼文员.docx」：收费员兼文员 职权3「校核会所收费」，匹配"会所收费"';
const rule = (name: string, position: string) => ({
  name,
  description: '',
  actions: ['ClubhouseCharge.verify'],
  effect: 'allow',
  conditions: {
    all: [
      { fact: 'actor', path: 'positionCode', operator: 'in', value: [position] },
      { fact: 'record', path: 'status', operator: 'in', value: ['pending'] },
    ],
  },
  priority: 1,
  enabled: true,
  clause: '收费员兼文员 职权3：校核会所收费',
  positionClauseId: null,
});

let failed = false;
try {
  const it = (await Staff.findOne({ where: { email: 'it@demo.local' } }))!;
  const coordinator = (await Staff.findOne({ where: { email: 'coordinator@demo.local' } }))!;
  const imported = { kind: 'create' as const, origin: 'import', needsReview: true, createdById: it.id };
  const accepted = await RuleDraft.create({
    ...imported,
    sourceNote: SOURCE,
    proposed: rule('协调员校核会所收费', 'coordinator'),
  });
  const changed = await RuleDraft.create({
    ...imported,
    sourceNote: SOURCE.replace('职权3', '职权4'),
    proposed: rule('收费员兼文员校核会所收费', 'cashier'),
  });
  const flagged = (await AuthorityRule.findOne({ where: { name: '退还装修押金' } }))!;
  await flagged.update({
    clauseNotice:
      '2026-12-04 导入「客户中心.docx」：客户服务收费员 职权1 已修改：原文「审核、检查是否可退装修押金」，现为「审核装修押金的退还」',
  });

  const director = await signIn('director@demo.local');
  await director.waitForSelector('text=待审核的导入权限草稿', { timeout: 30_000 });
  assert(await director.locator('text=依据条款已变动、待复核的规则').count(), 'the desk counts the flagged rule');
  await snap(director, 'desk');

  // The tiles' lists: the drafts waiting for review (来源, 待审核, 出处) and the rules whose clause changed
  await director.click('a[href*="/admin/resources/RuleDraft?"]');
  await director.waitForURL(/RuleDraft\?.*needsReview/, { timeout: 30_000 });
  await director.waitForSelector('td:has-text("导入")', { timeout: 30_000 });
  assert((await director.locator('tbody tr').count()) === 2, 'the list holds the two drafts to review');
  await snap(director, 'drafts-to-review');
  await director.goto(`${server.url}/admin/resources/AuthorityRule?filters.clauseChanged=true`);
  await director.waitForSelector('text=退还装修押金', { timeout: 30_000 });
  assert((await director.locator('tbody tr').count()) === 1, 'the list holds the flagged rule');
  await snap(director, 'rules-to-review');

  await director.goto(`${server.url}/admin/resources/AuthorityRule/actions/publish`);
  await director.waitForSelector('text=导入的权限草稿（待审核）', { timeout: 60_000 });
  assert(await director.locator(`text=${SOURCE}`).count(), 'the source note is shown');
  await snap(director, 'publish-page-waiting');

  // 采纳 the first as it stands
  await director
    .locator('[data-testid="waiting-draft"]', { hasText: '协调员校核会所收费' })
    .locator('button:has-text("采纳")')
    .click();
  await director.waitForSelector('text=/已采纳草稿/', { timeout: 30_000 });
  await director.waitForSelector('text=待发布的规则变更', { timeout: 30_000 });
  await snap(director, 'accepted');
  assert((await accepted.reload()).needsReview === false, 'the accepted draft is reviewed');

  // 修改 the second in the rule form: 客户服务助理 instead of the cashier
  await director
    .locator('[data-testid="waiting-draft"]', { hasText: '收费员兼文员校核会所收费' })
    .locator('a:has-text("修改")')
    .click();
  await director.waitForFunction(
    () => document.querySelector('[data-testid="rule-sentence"]')?.textContent?.includes('客户服务收费员'),
    undefined,
    { timeout: 120_000 },
  );
  const positions = director.locator('[data-testid="who-positions"] input').first();
  await positions.click();
  await director.keyboard.press('Backspace');
  await positions.fill('客户服务助理');
  await director.waitForSelector('[class*="option"]:has-text("客户服务助理")', { timeout: 15_000 });
  await director.keyboard.press('Enter');
  await director.keyboard.press('Escape');
  await director.waitForFunction(
    () => document.querySelector('[data-testid="rule-sentence"]')?.textContent?.startsWith('允许 客户服务助理'),
    undefined,
    { timeout: 15_000 },
  );
  await snap(director, 'draft-in-rule-form');
  await director.click('[data-testid="rule-save"]');
  await director.waitForURL(/AuthorityRule\/actions\/publish/, { timeout: 30_000 });
  await director.waitForSelector('text=规则无误', { timeout: 30_000 });
  await changed.reload();
  assert(changed.needsReview === false, 'the changed draft is reviewed');
  assert(JSON.stringify(changed.proposed).includes('assistant'), 'the change is in the draft');
  assert((await director.locator('text=导入的权限草稿（待审核）').count()) === 0, 'nothing waits for review');
  await snap(director, 'both-reviewed');

  await director.fill('textarea', '采纳导入的会所收费校核权限');
  await director.click('button:has-text("发布")');
  await director.waitForSelector('text=/已发布规则变更/', { timeout: 30_000 });
  await snap(director, 'published');
  const mayVerify = decide((await loadActor(coordinator.id))!, 'ClubhouseCharge.verify', { status: 'pending' });
  assert(mayVerify.allowed, 'the accepted rule is live');

  // The flagged rule: the warning, then 复核条款变动
  await director.goto(`${server.url}/admin/resources/AuthorityRule/records/${flagged.id}/show`);
  await director.waitForSelector('[data-testid="record-warning"]', { timeout: 30_000 });
  await snap(director, 'rule-with-clause-notice');
  await act(director, 'AuthorityRule', flagged.id, 'reviewClause', '已复核');
  await director.waitForSelector('text=/已复核/', { timeout: 30_000 });
  assert((await director.locator('[data-testid="record-warning"]').count()) === 0, 'the warning is gone');
  assert((await flagged.reload()).clauseNotice === null, 'the notice is cleared');
  await snap(director, 'clause-reviewed');
  console.log('imported drafts walk passed');
} catch (error) {
  failed = true;
  console.error('imported drafts walk FAILED:', error);
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
