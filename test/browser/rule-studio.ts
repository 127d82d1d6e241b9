// The rule studio walked as the director would, in headless Chromium on a fresh demo office, reading only Chinese:
// open the refund rule, give the refund to 客户服务助理 instead of 客户服务收费员 with the builder and watch the
// sentence change, try it on a real deposit (试算), try to publish and meet the failing 权限测试, set those tests
// aside, publish, see the cashier's 退押金 button go, roll back, see it return.
import type { Page } from 'playwright-core';
import { startDemoOffice } from './office.js';
import { assert, walk } from './walk.js';

const { server, browser, screenshots, password } = await startDemoOffice('rule-studio');
const { AuthorityRule, RenovationDeposit } = await import('../../src/models/index.js');

const { signIn, snap } = walk({ server, browser, screenshots, password }, 'rule-studio');

/** The text of a page without JSON or codes: what the director reads. */
async function visibleText(page: Page) {
  return page.evaluate(() => document.querySelector('section, main, body')!.textContent ?? '');
}

/** Whether the cashier is offered 退押金 on the deposit (the record's actions as the admin gives them). */
async function cashierMayRefund(page: Page, depositId: number): Promise<boolean> {
  const shown = await page.evaluate(
    async (id) => (await fetch(`/admin/api/resources/RenovationDeposit/records/${id}/show`)).json(),
    String(depositId),
  );
  return (shown.record.recordActions as { name: string }[]).some((a) => a.name === 'refund');
}

let failed = false;
try {
  const rule = (await AuthorityRule.findAll()).find((r) =>
    (r.actions as string[]).includes('RenovationDeposit.refund'),
  );
  assert(rule, 'the demo has the refund rule');
  const deposit = await RenovationDeposit.findOne({ where: { status: 'held', inspectionResult: 'passed' } });
  assert(deposit, 'the demo has a held deposit that passed inspection');

  const director = await signIn('director@demo.local');
  const cashier = await signIn('cashier@demo.local');
  await cashier.goto(`${server.url}/admin/resources/RenovationDeposit/records/${deposit.id}/show`);
  await cashier.waitForSelector('button:has-text("退押金"), a:has-text("退押金")', { timeout: 60_000 });
  assert(await cashierMayRefund(cashier, deposit.id), 'the cashier may refund before the change');
  await snap(cashier, 'cashier-sees-refund');

  // The builder: who may refund
  await director.goto(`${server.url}/admin/resources/AuthorityRule/records/${rule.id}/edit`);
  const sentence = director.locator('[data-testid="rule-sentence"]');
  await director.waitForFunction(
    () => document.querySelector('[data-testid="rule-sentence"]')?.textContent?.includes('客户服务收费员'),
    undefined,
    { timeout: 120_000 },
  );
  const before = await sentence.textContent();
  assert(before?.startsWith('允许 客户服务收费员 退押金（装修押金）'), `the sentence reads the rule: ${before}`);
  const editorText = await visibleText(director);
  for (const code of ['RenovationDeposit', 'cashier', 'positionCode', '"all"', 'held'])
    assert(!editorText.includes(code), `the builder shows no code (${code})`);
  await snap(director, 'editor-opened');

  const positions = director.locator('[data-testid="who-positions"] input').first();
  await positions.click();
  await director.keyboard.press('Backspace');
  await positions.fill('客户服务助理');
  await director.waitForSelector('[class*="option"]:has-text("客户服务助理")', { timeout: 15_000 });
  await director.keyboard.press('Enter');
  await director.keyboard.press('Escape');
  await director.waitForFunction(
    () => document.querySelector('[data-testid="rule-sentence"]')?.textContent?.startsWith('允许 客户服务助理 退押金'),
    undefined,
    { timeout: 15_000 },
  );
  console.log(`  sentence: ${before} → ${await sentence.textContent()}`);
  await snap(director, 'editor-changed');

  await director.click('[data-testid="rule-save"]');
  await director.waitForURL(/AuthorityRule\/actions\/publish/, { timeout: 30_000 });
  await director.waitForSelector('text=以下问题解决前不能发布', { timeout: 30_000 });
  await snap(director, 'publish-blocked-by-tests');

  // 试算 on a real deposit: the cashier may now, and may not with the draft
  await director.goto(
    `${server.url}/admin/resources/AuthorityRule/actions/whatIf?action=RenovationDeposit.refund&positionCode=cashier&recordId=${deposit.id}`,
  );
  await director.waitForSelector('button:has-text("试算"):not([disabled])', { timeout: 30_000 });
  await director.click('button:has-text("试算"):not([disabled])');
  await director.waitForSelector('text=含待发布草稿', { timeout: 30_000 });
  const verdicts = await director.locator('text=/[✓✗] (可以|不可以)/').allTextContents();
  assert(
    verdicts[0]?.includes('✓ 可以') && verdicts[1]?.includes('✗ 不可以'),
    `live ✓ and draft ✗ for the cashier: ${verdicts}`,
  );
  await snap(director, 'what-if-on-a-deposit');

  // Publishing is refused, naming the failing tests
  await director.goto(`${server.url}/admin/resources/AuthorityRule/actions/publish`);
  await director.waitForSelector('textarea', { timeout: 30_000 });
  await director.fill('textarea', '退押金改由客户服务助理办理');
  await director.click('button:has-text("发布")');
  await director.waitForSelector('text=/权限测试.*不通过|不通过.*权限测试/', { timeout: 30_000 });
  await snap(director, 'publish-refused');

  // The director sets the tests that no longer hold aside in 测试结果
  const tests = await director.evaluate(async () => (await fetch('/api/authority/tests')).json());
  const failing = (tests.tests as { id: number; name: string; enabled: boolean; draft: { passed: boolean } }[]).filter(
    (t) => t.enabled && !t.draft.passed,
  );
  assert(failing.length > 0, 'some tests fail with the draft');
  await director.goto(`${server.url}/admin/resources/AuthorityTest/actions/results`);
  for (const test of failing) {
    const row = director.locator('tr', { hasText: test.name });
    await row.locator('button:has-text("停用")').click();
    await row.locator('button:has-text("启用")').waitFor({ timeout: 15_000 });
  }
  console.log(`  set aside: ${failing.map((t) => t.name).join('；')}`);
  await snap(director, 'tests-set-aside');

  await director.goto(`${server.url}/admin/resources/AuthorityRule/actions/publish`);
  await director.waitForSelector('text=规则无误', { timeout: 30_000 });
  await director.fill('textarea', '退押金改由客户服务助理办理');
  await director.click('button:has-text("发布")');
  await director.waitForSelector('text=/已发布规则变更/', { timeout: 30_000 });
  await snap(director, 'published');

  await cashier.goto(`${server.url}/admin/resources/RenovationDeposit/records/${deposit.id}/show`);
  await cashier.waitForSelector('text=押金编号', { timeout: 30_000 });
  // the server's rule cache follows the publish within its refresh interval
  for (let i = 0; i < 20 && (await cashierMayRefund(cashier, deposit.id)); i += 1) await cashier.waitForTimeout(500);
  assert(!(await cashierMayRefund(cashier, deposit.id)), 'the cashier may no longer refund');
  await cashier.reload();
  await cashier.waitForSelector('text=押金编号', { timeout: 30_000 });
  assert((await cashier.locator('button:has-text("退押金")').count()) === 0, 'no 退押金 button for the cashier');
  await snap(cashier, 'cashier-refund-gone');

  // Roll back to version 1
  await director.goto(`${server.url}/admin/resources/AuthorityRule/records/${rule.id}/history`);
  await director.waitForSelector('text=回滚到此版本', { timeout: 30_000 });
  await director.fill('textarea', '退押金仍由收费员办理');
  await director.locator('button:has-text("回滚到此版本")').first().click();
  await director.waitForSelector('text=/已回滚到第 1 版/', { timeout: 30_000 });
  await snap(director, 'rolled-back');

  for (let i = 0; i < 20 && !(await cashierMayRefund(cashier, deposit.id)); i += 1) await cashier.waitForTimeout(500);
  assert(await cashierMayRefund(cashier, deposit.id), 'the cashier may refund again after the rollback');
  await cashier.reload();
  await cashier.waitForSelector('button:has-text("退押金"), a:has-text("退押金")', { timeout: 30_000 });
  await snap(cashier, 'cashier-refund-back');
  console.log('rule studio walk passed');
} catch (error) {
  failed = true;
  console.error('rule studio walk FAILED:', error);
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
