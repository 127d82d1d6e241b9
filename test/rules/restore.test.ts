import { expect } from 'chai';
import { AuditLog, AuthorityRule, RuleDraft } from '../../src/models/index.js';
import { seedDefaultRules, RULE_MANAGEMENT_RULE } from '../../src/rules/seed.js';
import { refreshRules } from '../../src/rules/store.js';
import { decide } from '../../src/rules/decide.js';
import { loadActor } from '../../src/auth/actor.js';
import { send, signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

const LOCK_OUT = 'test: 禁止修改规则';

async function lockTheDirectorOut() {
  const rule = (await AuthorityRule.findOne({ where: { name: RULE_MANAGEMENT_RULE } }))!;
  await rule.update({ enabled: false, editedByDirector: true });
  await AuthorityRule.create({
    name: LOCK_OUT,
    description: '测试',
    actions: ['AuthorityRule.edit'],
    effect: 'deny',
    priority: 10,
    enabled: true,
    clause: '测试',
    conditions: { all: [{ fact: 'actor', path: 'positionCode', operator: 'equal', value: 'director' }] },
  } as never);
  await refreshRules();
  return rule;
}

describe("the system administrator's built-in restore of the director's rule management", () => {
  afterEach(async () => {
    await AuthorityRule.destroy({ where: { name: LOCK_OUT } });
    await AuthorityRule.update({ editedByDirector: false }, { where: { name: RULE_MANAGEMENT_RULE } });
    await seedDefaultRules();
    await refreshRules();
  });

  it('系统管理员 may restore: the rule is back as seeded, the blocking deny rule is switched off, the director manages rules again', async () => {
    const rule = await lockTheDirectorOut();
    const director = (await loadActor((await staff('director')).id))!;
    expect(decide(director, 'AuthorityRule.edit', { id: rule.id }).allowed).to.equal(false);

    const admin = await staff('system_admin');
    const client = await signedInClient(admin.email, TEST_PASSWORD);
    const { body } = await client.json('POST', '/admin/api/resources/AuthorityRule/actions/restore');
    expect(body.notice.type, JSON.stringify(body)).to.equal('success');
    expect(body.notice.message).to.contain('已将「管理权限规则」恢复为默认').and.contain(`「${LOCK_OUT}」`);

    await rule.reload();
    expect(rule).to.include({ enabled: true, editedByDirector: false, builtIn: true, updatedById: admin.id });
    expect((await AuthorityRule.findOne({ where: { name: LOCK_OUT } }))!.enabled).to.equal(false);
    expect(await AuditLog.count({ where: { action: 'AuthorityRule.restore', staffId: admin.id } })).to.equal(1);
    await refreshRules();
    expect(decide(director, 'AuthorityRule.edit', { id: rule.id }).allowed).to.equal(true);
    // The whole of rule management comes back: drafting, publishing, the 权限测试, the what-if.
    for (const action of ['AuthorityRule.publish', 'AuthorityRule.whatIf', 'AuthorityTest.edit', 'AuthorityTest.new'])
      expect(decide(director, action, {}).allowed, action).to.equal(true);
  });

  it('the restore bypasses drafts and tests: it goes live at once, and a pending draft of the rule is then stale', async () => {
    const rule = (await AuthorityRule.findOne({ where: { name: RULE_MANAGEMENT_RULE } }))!;
    const draft = await RuleDraft.create({
      kind: 'change',
      ruleId: rule.id,
      baseVersion: rule.version,
      proposed: { ...rule.get({ plain: true }), priority: 7 } as never,
    });
    await lockTheDirectorOut();
    const admin = await staff('system_admin');
    const client = await signedInClient(admin.email, TEST_PASSWORD);
    const { body } = await client.json('POST', '/admin/api/resources/AuthorityRule/actions/restore');
    expect(body.notice.type).to.equal('success');
    const director = await staff('director');
    const directorClient = await signedInClient(director.email, TEST_PASSWORD);
    const publish = await send(directorClient, 'POST', '/api/authority/publish', '{"note":"试发布"}', {
      'content-type': 'application/json',
    });
    expect(publish.status, publish.text).to.equal(422);
    expect(publish.json.errors.join('\n')).to.include('在起草后已被修改');
    await draft.update({ status: 'discarded' });
  });

  it('a deleted rule-management rule is created again', async () => {
    const rule = (await AuthorityRule.findOne({ where: { name: RULE_MANAGEMENT_RULE } }))!;
    await AuthorityRule.destroy({ where: { id: rule.id } }); // bulk destroy skips the instance hook: as if removed in the database
    const admin = await staff('system_admin');
    const client = await signedInClient(admin.email, TEST_PASSWORD);
    const { body } = await client.json('POST', '/admin/api/resources/AuthorityRule/actions/restore');
    expect(body.notice.type).to.equal('success');
    const again = await AuthorityRule.findOne({ where: { name: RULE_MANAGEMENT_RULE } });
    expect(again).to.include({ enabled: true, builtIn: true });
  });

  it('管理处主任 may not use the restore, and the system administrator still may not edit rules', async () => {
    const rule = await lockTheDirectorOut();
    const director = await staff('director');
    const client = await signedInClient(director.email, TEST_PASSWORD);
    const { body } = await client.json('POST', '/admin/api/resources/AuthorityRule/actions/restore');
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    await rule.reload();
    expect(rule.enabled).to.equal(false);

    const admin = (await loadActor((await staff('system_admin')).id))!;
    const edit = decide(admin, 'AuthorityRule.edit', { id: rule.id });
    expect(edit.allowed).to.equal(false);
    expect(edit.reason).to.contain('系统管理员只管理账号与部门');
  });

  it('the built-in rule cannot be deleted, even by the director: refused in Chinese, the rule stays', async () => {
    const rule = (await AuthorityRule.findOne({ where: { name: RULE_MANAGEMENT_RULE } }))!;
    const director = await staff('director');
    const client = await signedInClient(director.email, TEST_PASSWORD);
    const { body } = await client.act('AuthorityRule', rule.id, 'delete');
    expect(body.notice.type).to.equal('error');
    expect(body.notice.message).to.contain('不能删除');
    expect(await AuthorityRule.count({ where: { id: rule.id } })).to.equal(1);
  });

  it("the system administrator's menu entry for rules opens the restore form; the director's opens the list", async () => {
    const admin = await staff('system_admin');
    const adminClient = await signedInClient(admin.email, TEST_PASSWORD);
    expect(await (await adminClient.get('/admin')).text()).to.contain(
      '"href":"/admin/resources/AuthorityRule/actions/restore"',
    );
    const directorClient = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const page = await (await directorClient.get('/admin')).text();
    expect(page)
      .to.contain('"href":"/admin/resources/AuthorityRule"')
      .and.not.contain('AuthorityRule/actions/restore"');
  });
});
