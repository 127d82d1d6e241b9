// A rule's history through the director's JSON API: every version with who, when and which change set, a diff in
// words, rollbacks (of a rule, of a whole change set) that are checked change sets themselves, and export / import.
import { expect } from 'chai';
import { AuthorityRule, AuthorityTest, RuleChangeSet, RuleDraft, RuleVersion } from '../../src/models/index.js';
import { loadActor } from '../../src/auth/actor.js';
import { decide } from '../../src/rules/decide.js';
import { seedDefaultRules } from '../../src/rules/seed.js';
import { refreshRules } from '../../src/rules/store.js';
import { send, signedInClient, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

const REFUND_RULE = '退还装修押金';
const MANAGE_RULE = '管理权限规则';
const FIRST = '接口测试：历史甲';
const SECOND = '接口测试：历史乙';
const OWN_TEST = '接口测试：收费员可以为已退还的押金补退';
const IMPORTED_TEST = '接口测试：导入的测试';

const post = (client: Client, path: string, body: unknown) =>
  send(client, 'POST', `/api/authority${path}`, JSON.stringify(body), { 'content-type': 'application/json' });
const get = (client: Client, path: string) => send(client, 'GET', `/api/authority${path}`);

async function ruleNamed(name: string) {
  return (await AuthorityRule.findOne({ where: { name } }))!;
}

/** The refund rule as the director widens it: a refunded deposit may be refunded again (a second instalment). */
const widened = {
  all: [
    { fact: 'actor', path: 'positionCode', operator: 'in', value: ['cashier'] },
    { fact: 'record', path: 'status', operator: 'in', value: ['held', 'refunded'] },
    { fact: 'record', path: 'inspectionResult', operator: 'in', value: ['passed'] },
  ],
};

/** A deny rule that no seeded 权限测试 meets (their records carry no amount). */
const largeDepositRule = (name: string) => ({
  name,
  actions: ['RenovationDeposit.refund'],
  effect: 'deny',
  conditions: { all: [{ fact: 'record', path: 'amount', operator: 'greaterThan', value: 100_000_000 }] },
  clause: '收费员 职权1',
});

/** Each test starts from the seeded rules, no pending drafts and none of its own rules or tests. */
async function startClean() {
  await RuleDraft.update({ status: 'discarded' }, { where: { status: 'pending' } });
  await AuthorityTest.destroy({ where: { name: [OWN_TEST, IMPORTED_TEST] } });
  await AuthorityRule.destroy({ where: { name: [FIRST, SECOND] } });
  await AuthorityRule.update({ editedByDirector: false }, { where: { editedByDirector: true } });
  await seedDefaultRules();
  await refreshRules();
}

describe('rule history — versions, diff, rollback, export and import through the JSON API', () => {
  let director: Client;
  let assistant: Client;
  let receptionist: Client;
  let directorName: string;
  let cashierId: number;

  before(async () => {
    const directorStaff = await staff('director');
    directorName = directorStaff.name;
    director = await signedInClient(directorStaff.email, TEST_PASSWORD);
    assistant = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
    receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    cashierId = (await staff('cashier')).id;
  });
  beforeEach(startClean);
  after(startClean);

  /** Publishes one change to a rule through drafts; answers the publish's body. */
  async function publish(draft: unknown, note: string) {
    const drafted = await post(director, '/drafts', draft);
    expect(drafted.status, drafted.text).to.equal(201);
    const published = await post(director, '/publish', { note });
    expect(published.status, published.text).to.equal(200);
    return published.json as { changeSet: number; rules: number[] };
  }

  async function widenRefund() {
    const rule = await ruleNamed(REFUND_RULE);
    const published = await publish({ ruleId: rule.id, rule: { conditions: widened } }, '押金可分两次退还');
    return { rule, before: rule.version, after: rule.version + 1, changeSet: published.changeSet };
  }

  it('管理处主任 reads each version of a rule — who, when, which change set — and the diff between two in words', async () => {
    const { rule, before, after, changeSet } = await widenRefund();

    const history = await get(director, `/rules/${rule.id}/versions`);
    expect(history.status, history.text).to.equal(200);
    expect(history.json.rule).to.include({ id: rule.id, name: REFUND_RULE, version: after, removed: false });
    const [newest, previous] = history.json.versions;
    expect(newest).to.include({ version: after, current: true, removed: false });
    expect(newest.by).to.include({ name: directorName });
    expect(newest.changeSet).to.deep.equal({ id: changeSet, kind: 'publish', note: '押金可分两次退还' });
    expect(newest.text).to.include('装修押金状态 是以下之一：「在押」、「已退还」');
    expect(Date.parse(newest.at)).to.be.closeTo(Date.now(), 60_000);
    expect(previous).to.include({ version: before, current: false });
    expect(previous.text).to.include('装修押金状态 为「在押」');

    const diff = await get(director, `/rules/${rule.id}/diff?from=${before}&to=${after}`);
    expect(diff.status, diff.text).to.equal(200);
    expect(diff.json.changes).to.deep.equal([
      {
        field: 'conditions',
        label: '条件',
        from: '装修押金状态 为「在押」，且 验收结果 为「验收合格」',
        to: '装修押金状态 是以下之一：「在押」、「已退还」，且 验收结果 为「验收合格」',
        text: '条件：装修押金状态 为「在押」，且 验收结果 为「验收合格」 → 装修押金状态 是以下之一：「在押」、「已退还」，且 验收结果 为「验收合格」',
      },
    ]);
    // The description is the rule in words, written again with the change: it moves with the conditions.
    expect(diff.json.json.map((change: { path: string }) => change.path).sort()).to.deep.equal([
      'conditions.all[1].value[1]',
      'description',
    ]);
    expect(diff.json.json).to.deep.include({ path: 'conditions.all[1].value[1]', from: null, to: 'refunded' });

    const missing = await get(director, `/rules/${rule.id}/diff?from=${before}&to=999`);
    expect(missing.status).to.equal(404);
    const malformed = await get(director, `/rules/${rule.id}/diff?from=x&to=${after}`);
    expect(malformed.status).to.equal(422);
  });

  it('the diff names who and the effect in words when they change', async () => {
    const rule = await ruleNamed(REFUND_RULE);
    const before = rule.version;
    const conditions = {
      all: [
        { fact: 'actor', path: 'positionCode', operator: 'in', value: ['cashier', 'assistant'] },
        ...widened.all.slice(1),
      ],
    };
    await publish({ ruleId: rule.id, rule: { conditions, priority: 2 } }, '助理也可退押金');
    const diff = await get(director, `/rules/${rule.id}/diff?from=${before}&to=${before + 1}`);
    const fields = Object.fromEntries(diff.json.changes.map((c: { field: string; text: string }) => [c.field, c.text]));
    expect(fields.who).to.equal('适用岗位：客户服务收费员 → 客户服务收费员、客户服务助理');
    expect(fields.priority).to.equal('优先级：1 → 2');
    expect(fields).to.have.property('conditions');
    expect(fields).not.to.have.property('effect');
  });

  it('管理处主任 rolls a rule back to a version: one version up, the old content, a change set of kind rollback', async () => {
    const { rule, before, after } = await widenRefund();
    const cashier = (await loadActor(cashierId))!;
    const secondRefund = { status: 'refunded', inspectionResult: 'passed' };
    expect(decide(cashier, 'RenovationDeposit.refund', secondRefund).allowed).to.equal(true);

    const rolled = await post(director, `/rules/${rule.id}/rollback`, { version: before, note: '分次退还另行规定' });
    expect(rolled.status, rolled.text).to.equal(200);
    expect(rolled.json.rules).to.deep.equal([rule.id]);
    const now = await ruleNamed(REFUND_RULE);
    expect(now.id).to.equal(rule.id);
    expect(now.version).to.equal(after + 1);
    const old = (await RuleVersion.findOne({ where: { ruleId: rule.id, version: before } }))!;
    expect(now.conditions).to.deep.equal(old.snapshot.conditions);
    const changeSet = (await RuleChangeSet.findByPk(rolled.json.changeSet))!;
    expect(changeSet.kind).to.equal('rollback');
    expect(changeSet.note).to.include(`回退规则「${REFUND_RULE}」到第 ${before} 版`).and.include('分次退还另行规定');
    const made = (await RuleVersion.findOne({ where: { ruleId: rule.id, version: after + 1 } }))!;
    expect(made.changeSetId).to.equal(changeSet.id);
    // The rules in force follow at once.
    expect(decide(cashier, 'RenovationDeposit.refund', secondRefund).allowed).to.equal(false);

    const again = await post(director, `/rules/${rule.id}/rollback`, { version: after + 1, note: '再来' });
    expect(again.status).to.equal(422);
    expect(again.json.errors[0]).to.include('已是该版本');
    const same = await post(director, `/rules/${rule.id}/rollback`, { version: before, note: '再来' });
    expect(same.status).to.equal(422);
    expect(same.json.errors[0]).to.include('已是该版本');
    const silent = await post(director, `/rules/${rule.id}/rollback`, { version: after });
    expect(silent.status).to.equal(422);
    expect(silent.json.errors[0]).to.include('回退原因');
    expect((await ruleNamed(REFUND_RULE)).version).to.equal(after + 1);
  });

  it('管理处主任 undoes a whole change set that created one rule and removed another: the removed one returns under its id', async () => {
    const first = await publish({ rule: largeDepositRule(FIRST) }, '大额押金由主任退');
    const firstId = first.rules[0];
    const drafted = await post(director, '/drafts', { rule: largeDepositRule(SECOND) });
    expect(drafted.status, drafted.text).to.equal(201);
    await post(director, '/drafts', { ruleId: firstId, remove: true });
    const swap = await post(director, '/publish', { note: '换一条规则' });
    expect(swap.status, swap.text).to.equal(200);
    const secondId = (await ruleNamed(SECOND)).id;
    expect(await AuthorityRule.findByPk(firstId)).to.equal(null);

    // The removed rule's history outlives it.
    const removed = await get(director, `/rules/${firstId}/versions`);
    expect(removed.status, removed.text).to.equal(200);
    expect(removed.json.rule).to.include({ id: firstId, name: FIRST, removed: true, version: null });
    expect(removed.json.versions[0]).to.include({ version: 2, removed: true, text: `删除规则「${FIRST}」` });

    const undone = await post(director, `/change-sets/${swap.json.changeSet}/rollback`, { note: '还是原来的好' });
    expect(undone.status, undone.text).to.equal(200);
    expect(undone.json.rules).to.have.members([firstId, secondId]);
    expect(await AuthorityRule.findByPk(secondId)).to.equal(null);
    const back = (await AuthorityRule.findByPk(firstId))!;
    expect(back).to.include({ name: FIRST, version: 3, effect: 'deny' });
    expect(back.conditions).to.deep.equal(largeDepositRule(FIRST).conditions);
    const changeSet = (await RuleChangeSet.findByPk(undone.json.changeSet))!;
    expect(changeSet.kind).to.equal('rollback');
    expect(changeSet.note).to.include(`撤销规则变更 ${swap.json.changeSet}`);
    const history = (await get(director, `/rules/${firstId}/versions`)).json.versions;
    expect(history.map((v: { version: number }) => v.version)).to.deep.equal([3, 2, 1]);
    expect(history[0]).to.include({ current: true, removed: false });
    expect(history[0].changeSet).to.include({ id: changeSet.id, kind: 'rollback' });
    const cashier = (await loadActor(cashierId))!;
    const large = { status: 'held', inspectionResult: 'passed', amount: 200_000_000 };
    expect(decide(cashier, 'RenovationDeposit.refund', large)).to.include({ allowed: false, effect: 'deny' });

    // A rule the rollback removed comes back by its own rollback, under its id too.
    const restored = await post(director, `/rules/${secondId}/rollback`, { version: 1, note: '乙也要' });
    expect(restored.status, restored.text).to.equal(200);
    expect(await AuthorityRule.findByPk(secondId)).to.include({ name: SECOND, version: 3 });

    // Undoing the first change set again is refused: its rule has moved on since.
    const stale = await post(director, `/change-sets/${first.changeSet}/rollback`, { note: '全部撤销' });
    expect(stale.status).to.equal(422);
    expect(stale.json.errors[0]).to.include(`规则「${FIRST}」在这次变更之后又有变更`);
  });

  it('a rollback that breaks an enabled 权限测试 is refused with its name, and nothing changes', async () => {
    const { rule, before, after } = await widenRefund();
    await AuthorityTest.create({
      name: OWN_TEST,
      positionCode: 'cashier',
      action: 'RenovationDeposit.refund',
      recordFacts: { status: 'refunded', inspectionResult: 'passed' },
      expect: 'allow',
    });
    const changeSets = await RuleChangeSet.count();
    const refused = await post(director, `/rules/${rule.id}/rollback`, { version: before, note: '撤回' });
    expect(refused.status).to.equal(422);
    expect(refused.json.errors.join('\n')).to.include(`权限测试「${OWN_TEST}」预期允许，实际拒绝`);
    expect((await ruleNamed(REFUND_RULE)).version).to.equal(after);
    expect(await RuleChangeSet.count()).to.equal(changeSets);
    expect(await RuleVersion.count({ where: { ruleId: rule.id, version: after + 1 } })).to.equal(0);
  });

  it('export → import round trip: nothing differs, no drafts; a changed rule becomes a change draft, a new test is created', async () => {
    const exported = await get(director, '/export');
    expect(exported.status, exported.text).to.equal(200);
    expect(exported.headers.get('content-disposition')).to.include('attachment');
    const document = exported.json;
    expect(document.format).to.equal('customer-centre-authority/1');
    const refund = document.rules.find((r: { name: string }) => r.name === REFUND_RULE);
    const live = await ruleNamed(REFUND_RULE);
    expect(refund).to.include({ id: live.id, version: live.version, effect: 'allow' });
    expect(document.rules).to.have.length(await AuthorityRule.count());
    expect(document.tests).to.have.length(await AuthorityTest.count());
    expect(document.tests[0]).to.have.keys(
      'name',
      'positionCode',
      'staffId',
      'action',
      'recordFacts',
      'actorFacts',
      'expect',
      'clause',
      'enabled',
    );

    const same = await post(director, '/import', document);
    expect(same.status, same.text).to.equal(200);
    expect(same.json).to.deep.equal({ drafts: [], tests: { created: 0, updated: 0 }, warnings: [] });

    refund.priority = 3;
    document.rules.push(largeDepositRule(FIRST));
    document.tests.push({
      name: IMPORTED_TEST,
      positionCode: 'receptionist',
      action: 'RenovationDeposit.refund',
      recordFacts: { status: 'held', inspectionResult: 'passed' },
      expect: 'deny',
    });
    const changed = await post(director, '/import', document);
    expect(changed.status, changed.text).to.equal(200);
    expect(changed.json.tests).to.deep.equal({ created: 1, updated: 0 });
    expect(changed.json.drafts).to.have.length(2);
    const drafts = await RuleDraft.findAll({ where: { id: changed.json.drafts }, order: [['id', 'ASC']] });
    expect(drafts.map((d) => [d.kind, d.ruleId])).to.deep.equal([
      ['change', live.id],
      ['create', null],
    ]);
    expect(drafts[0].proposed).to.include({ priority: 3, name: REFUND_RULE });
    expect(drafts[0].baseVersion).to.equal(live.version);
    // Drafts govern nobody; the test is in force at once.
    expect((await ruleNamed(REFUND_RULE)).priority).to.equal(1);
    expect(await AuthorityTest.count({ where: { name: IMPORTED_TEST } })).to.equal(1);

    // Importing the same document again updates the same drafts instead of adding more.
    const twice = await post(director, '/import', document);
    expect(twice.status, twice.text).to.equal(200);
    expect(twice.json.drafts).to.deep.equal(changed.json.drafts);
    expect(twice.json.tests).to.deep.equal({ created: 0, updated: 0 });
  });

  it('an import with "replace": true drafts the removal of rules the document leaves out, keeping the built-in one', async () => {
    const document = (await get(director, '/export')).json;
    const left = ['没收装修押金', MANAGE_RULE];
    document.rules = document.rules.filter((r: { name: string }) => !left.includes(r.name));
    document.replace = true;
    const answer = await post(director, '/import', document);
    expect(answer.status, answer.text).to.equal(200);
    const drafts = await RuleDraft.findAll({ where: { id: answer.json.drafts } });
    expect(drafts.map((d) => [d.kind, d.ruleId])).to.deep.equal([['remove', (await ruleNamed('没收装修押金')).id]]);
    expect(answer.json.warnings.join('\n')).to.include(`系统内置的「${MANAGE_RULE}」不能删除，已保留`);
  });

  it('refuses a malformed import with every reason and changes nothing', async () => {
    const drafts = await RuleDraft.count();
    const tests = await AuthorityTest.count();
    const bad = await post(director, '/import', {
      format: 'something-else/9',
      rules: [{ name: '', actions: ['Ticket.fly'], effect: 'maybe' }, 'text', largeDepositRule(FIRST)],
      tests: [{ name: IMPORTED_TEST, positionCode: 'cashierr', action: 'Nope.fly', expect: 'maybe', colour: 'red' }],
    });
    expect(bad.status).to.equal(422);
    const reasons = bad.json.errors.join('\n');
    expect(reasons).to.include('format 必须是 "customer-centre-authority/1"');
    expect(reasons).to.include('第 1 条规则：规则名称不能为空').and.include('Ticket.fly').and.include('规则效果');
    expect(reasons).to.include('第 2 条规则必须是 JSON 对象');
    expect(reasons).to.include(`第 1 个权限测试「${IMPORTED_TEST}」：没有字段 colour`);
    expect(reasons).to.include('操作「Nope.fly」不在动作目录中').and.include('岗位代码「cashierr」不存在');
    const list = await post(director, '/import', [1, 2]);
    expect(list.status).to.equal(422);
    expect(await RuleDraft.count()).to.equal(drafts);
    expect(await AuthorityTest.count()).to.equal(tests);
    expect(await AuthorityRule.count({ where: { name: FIRST } })).to.equal(0);
  });

  describe('who may', () => {
    it('客户接待员 may not read versions, roll back, export or import', async () => {
      const { rule, before, changeSet } = await widenRefund();
      const document = (await get(director, '/export')).json;
      for (const answer of [
        await get(receptionist, `/rules/${rule.id}/versions`),
        await get(receptionist, `/rules/${rule.id}/diff?from=${before}&to=${before + 1}`),
        await post(receptionist, `/rules/${rule.id}/rollback`, { version: before, note: 'x' }),
        await post(receptionist, `/change-sets/${changeSet}/rollback`, { note: 'x' }),
        await get(receptionist, '/export'),
        await post(receptionist, '/import', document),
      ])
        expect(answer.status, answer.text).to.equal(403);
      expect((await ruleNamed(REFUND_RULE)).version).to.equal(before + 1);
    });

    it('客户服务助理 may read a rule’s versions and diff, but may not roll back, export or import', async () => {
      const { rule, before, after, changeSet } = await widenRefund();
      expect((await get(assistant, `/rules/${rule.id}/versions`)).status).to.equal(200);
      expect((await get(assistant, `/rules/${rule.id}/diff?from=${before}&to=${after}`)).status).to.equal(200);
      for (const answer of [
        await post(assistant, `/rules/${rule.id}/rollback`, { version: before, note: 'x' }),
        await post(assistant, `/change-sets/${changeSet}/rollback`, { note: 'x' }),
        await get(assistant, '/export'),
        await post(assistant, '/import', { format: 'customer-centre-authority/1', rules: [], tests: [] }),
      ])
        expect(answer.status, answer.text).to.equal(403);
      expect((await ruleNamed(REFUND_RULE)).version).to.equal(after);
    });

    it('nobody signed in gets 401', async () => {
      const rule = await ruleNamed(REFUND_RULE);
      for (const answer of [
        await send(null, 'GET', `/api/authority/rules/${rule.id}/versions`),
        await send(null, 'GET', '/api/authority/export'),
        await send(null, 'POST', `/api/authority/rules/${rule.id}/rollback`, '{"version":1,"note":"x"}', {
          'content-type': 'application/json',
        }),
      ])
        expect(answer.status).to.equal(401);
    });
  });
});
