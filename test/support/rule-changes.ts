// The director's rule changes as the admin makes them: a saved rule is a draft until published, and a publish
// that contradicts a 权限测试 is refused until she changes the test.
import { AuthorityRule, AuthorityTest, RuleDraft } from '../../src/models/index.js';
import { seedDefaultRules } from '../../src/rules/seed.js';
import { refreshRules } from '../../src/rules/store.js';
import type { Client } from './http.js';

/** Publishes the pending drafts through the admin's 发布规则变更 form. */
export function publishInAdmin(client: Client, note: string) {
  return client.actOnResource('AuthorityRule', 'publish', { note });
}

/** Switches off, through the admin, the enabled tests that expect `action` to be allowed; answers their ids. */
export async function setAsideAllowTests(client: Client, action: string): Promise<number[]> {
  const tests = await AuthorityTest.findAll({ where: { action, expect: 'allow', enabled: true } });
  for (const test of tests) await client.edit('AuthorityTest', test.id, { enabled: 'false' });
  return tests.map((test) => test.id);
}

/** Back to the seeded rules and tests: drafts dropped, defaults re-seeded, set-aside tests on again. */
export async function restoreRulesAndTests(testIds: number[] = []) {
  await RuleDraft.update({ status: 'discarded' }, { where: { status: 'pending' } });
  await AuthorityRule.update({ editedByDirector: false }, { where: { editedByDirector: true } });
  await seedDefaultRules();
  for (const test of await AuthorityTest.findAll({ where: { id: testIds } })) await test.update({ enabled: true });
  await refreshRules();
}
