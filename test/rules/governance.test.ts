import { expect } from 'chai';
import { AuthorityRule, RuleVersion, sequelize } from '../../src/models/index.js';
import { seedDefaultRules } from '../../src/rules/seed.js';
import { refreshRules } from '../../src/rules/store.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { publishInAdmin, restoreRulesAndTests, setAsideAllowTests } from '../support/rule-changes.js';

const REFUND_RULE = '退还装修押金';
const refundable = { status: 'held', inspectionResult: 'passed' };

/** Restores a default rule exactly as seeded, whatever a test did to it. */
async function restoreDefaults() {
  await AuthorityRule.update({ editedByDirector: false }, { where: { name: REFUND_RULE } });
  await AuthorityRule.destroy({ where: { name: 'test: 押金冻结' } });
  await seedDefaultRules();
}

describe('authority rules in the database govern the decisions', () => {
  let setAside: number[] = [];
  afterEach(async () => {
    await restoreDefaults();
    await restoreRulesAndTests(setAside);
    setAside = [];
  });

  it('the seeded default rules cite their clause and start at version 1 with a snapshot', async () => {
    const rule = await AuthorityRule.findOne({ where: { name: REFUND_RULE } });
    expect(rule).to.include({ effect: 'allow', enabled: true });
    expect(rule!.clause).to.include('收费员 职权1');
    expect(await RuleVersion.count({ where: { ruleId: rule!.id } })).to.be.greaterThan(0);
  });

  it('the director disables the refund rule in the admin: a draft until published, then the cashier is refused', async () => {
    const director = await staff('director');
    const cashier = await staff('cashier');
    const directorClient = await signedInClient(director.email, TEST_PASSWORD);
    const cashierClient = await signedInClient(cashier.email, TEST_PASSWORD);
    const { decide } = await import('../../src/rules/decide.js');
    const { loadActor } = await import('../../src/auth/actor.js');
    const actor = (await loadActor(cashier.id))!;
    expect(decide(actor, 'RenovationDeposit.refund', refundable).allowed).to.equal(true);

    const rule = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    const version = rule.version;
    const { body } = await directorClient.edit('AuthorityRule', rule.id, { enabled: false });
    expect(body.notice).to.include({ type: 'success' });
    expect(body.notice.message).to.match(/^已保存为草稿/);
    // The director lands on the pending changes: the drafts in words and what the checks say.
    expect(body.redirectUrl).to.equal('/admin/resources/AuthorityRule/actions/publish');
    await rule.reload();
    expect(rule).to.include({ enabled: true, version });
    expect(decide(actor, 'RenovationDeposit.refund', refundable).allowed).to.equal(true);

    // The seeded 权限测试 say the cashier may refund: the publish is refused until the director changes them.
    const refusedPublish = await publishInAdmin(directorClient, '暂停退押金');
    expect(refusedPublish.body.notice.type).to.equal('error');
    expect(refusedPublish.body.notice.message).to.include('权限测试').and.include('预期允许，实际拒绝');
    setAside = await setAsideAllowTests(directorClient, 'RenovationDeposit.refund');
    expect(setAside.length).to.be.greaterThan(0);
    const published = await publishInAdmin(directorClient, '暂停退押金');
    expect(published.body.notice.type, published.body.notice.message).to.equal('success');
    await rule.reload();
    expect(rule).to.include({ enabled: false, editedByDirector: true, updatedById: director.id, version: version + 1 });

    const refused = decide(actor, 'RenovationDeposit.refund', refundable);
    expect(refused).to.include({ allowed: false, effect: 'default-deny' });
    const api = await cashierClient.json('GET', `/api/authority/decide?action=RenovationDeposit.refund`);
    expect(api.body.allowed).to.equal(false);
  });

  it('the director cannot save an allow rule without conditions (it would let everyone in); the rule stays as it was', async () => {
    const director = await staff('director');
    const client = await signedInClient(director.email, TEST_PASSWORD);
    const rule = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    const before = JSON.stringify(rule.conditions);
    const { body } = await client.edit('AuthorityRule', rule.id, { conditions: '{"all": []}' });
    expect(body.record.errors.conditions.message).to.match(/^允许规则必须至少有一个条件/);
    await rule.reload();
    expect(JSON.stringify(rule.conditions)).to.equal(before);
    // A deny rule may have none: it then refuses everyone its actions.
    const created = await client.create('AuthorityRule', {
      name: 'test: 押金冻结',
      actions: '["RenovationDeposit.refund"]',
      effect: 'deny',
      conditions: '{"all": []}',
      priority: '10',
      enabled: 'false',
    });
    expect(created.body.notice.type, JSON.stringify(created.body.record?.errors)).to.equal('success');
  });

  it('re-seeding never overwrites a rule the director edited', async () => {
    const rule = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    await rule.update({ priority: 7, editedByDirector: true });
    const report = await seedDefaultRules();
    expect(report.keptEdited).to.be.greaterThan(0);
    await rule.reload();
    expect(rule.priority).to.equal(7);
  });

  it('a deny rule beats the allow rule, with the deny named in the decision', async () => {
    const cashier = await staff('cashier');
    const { decide } = await import('../../src/rules/decide.js');
    const { loadActor } = await import('../../src/auth/actor.js');
    const actor = (await loadActor(cashier.id))!;
    await AuthorityRule.create({
      name: 'test: 押金冻结',
      actions: ['RenovationDeposit.refund'],
      effect: 'deny',
      priority: 1,
      enabled: true,
      clause: '测试',
      conditions: { all: [{ fact: 'actor', path: 'positionCode', operator: 'in', value: ['cashier'] }] },
    });
    const decision = decide(actor, 'RenovationDeposit.refund', refundable);
    expect(decision).to.include({ allowed: false, effect: 'deny' });
    expect(decision.rules.map((r) => r.name)).to.deep.equal(['test: 押金冻结']);
  });

  it("another process's change is picked up by the periodic refresh", async () => {
    const cashier = await staff('cashier');
    const { decide } = await import('../../src/rules/decide.js');
    const { loadActor } = await import('../../src/auth/actor.js');
    const actor = (await loadActor(cashier.id))!;
    // Written behind this process's back, as another instance would.
    await sequelize.query(
      `UPDATE "AuthorityRule" SET "enabled" = false, "version" = "version" + 1, "updatedAt" = :now WHERE "name" = :name`,
      {
        replacements: { name: REFUND_RULE, now: new Date() },
      },
    );
    expect(decide(actor, 'RenovationDeposit.refund', refundable).allowed, 'not yet refreshed').to.equal(true);
    expect(await refreshRules()).to.equal(true);
    expect(decide(actor, 'RenovationDeposit.refund', refundable).allowed).to.equal(false);
    await sequelize.query(
      `UPDATE "AuthorityRule" SET "enabled" = true, "version" = "version" + 1, "updatedAt" = :now WHERE "name" = :name`,
      {
        replacements: { name: REFUND_RULE, now: new Date(Date.now() + 1000) },
      },
    );
    await refreshRules();
  });
});

describe('the decision log', () => {
  it('logs a refused action with its reason, and an executed one with its deciding rules and their versions', async () => {
    const { DecisionLog } = await import('../../src/models/index.js');
    const reception = await staff('receptionist');
    const director = await staff('director');
    const receptionClient = await signedInClient(reception.email, TEST_PASSWORD);
    await receptionClient.create('Department', { name: '日志测试部' });
    const refused = await DecisionLog.findOne({
      where: { staffId: reception.id, action: 'Department.new' },
      order: [['id', 'DESC']],
    });
    expect(refused).to.include({ allowed: false, effect: 'default-deny', resource: 'Department' });
    expect(refused!.reason).to.include('没有任何规则允许客户接待员');

    const directorClient = await signedInClient(director.email, TEST_PASSWORD);
    const rule = (await AuthorityRule.findOne({ where: { name: '主任查阅' } }))!;
    await directorClient.get('/admin/api/resources/Ticket/actions/list');
    const allowed = await DecisionLog.findOne({
      where: { staffId: director.id, action: 'Ticket.list' },
      order: [['id', 'DESC']],
    });
    expect(allowed).to.include({ allowed: true, effect: 'allow' });
    expect(allowed!.rules.map((r) => r.name)).to.include('主任查阅');
    expect(allowed!.ruleVersions).to.deep.include({ [String(rule.id)]: rule.version });
  });
});

describe('the Position screen', () => {
  before(async () => {
    const { seedJobDescriptions } = await import('../../src/seed/index.js');
    await seedJobDescriptions();
  });

  it('lists each 职权 with the rules that implement it, and marks the ones no rule implements', async () => {
    const { Position } = await import('../../src/models/index.js');
    const director = await staff('director');
    const client = await signedInClient(director.email, TEST_PASSWORD);
    const cashierPosition = (await Position.findOne({ where: { name: '客户服务收费员' } }))!;
    const { body } = await client.show('Position', cashierPosition.id);
    const coverage = JSON.parse(body.record.params.authorityCoverage) as {
      number: number;
      rules: { name: string }[];
    }[];
    expect(coverage.map((c) => c.number)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(coverage[0].rules.map((r) => r.name)).to.include.members(['退还装修押金', '没收装修押金']);
    expect(coverage[1].rules.map((r) => r.name)).to.include('决定催缴');
    expect(coverage[5].rules.map((r) => r.name)).to.include('制定月工作计划');

    const coverageOf = async (name: string) => {
      const position = (await Position.findOne({ where: { name } }))!;
      const answer = await client.show('Position', position.id);
      return JSON.parse(answer.body.record.params.authorityCoverage) as { number: number; rules: { name: string }[] }[];
    };
    const names = (coverage: { number: number; rules: { name: string }[] }[], number: number) =>
      coverage.find((c) => c.number === number)!.rules.map((r) => r.name);
    expect(names(await coverageOf('客户接待员'), 4), '职权4 月统计表: the monthly report').to.include(
      '查看月度报事统计',
    );
    expect(names(await coverageOf('客户服务协调员'), 4), '职权4 回访意见与改进意见').to.include('查看回访意见汇总');
  });
});

describe('editing rules in the admin', () => {
  const bad: [string, Record<string, string>, string][] = [
    ['an uncatalogued action', { actions: '["Ticket.teleport"]' }, 'actions'],
    ['conditions that are not JSON', { conditions: '{"all": [' }, 'conditions'],
    [
      'an unknown fact path',
      { conditions: '{"all":[{"fact":"record","path":"statuss","operator":"equal","value":"held"}]}' },
      'conditions',
    ],
    [
      'an unknown operator',
      { conditions: '{"all":[{"fact":"record","path":"status","operator":"like","value":"held"}]}' },
      'conditions',
    ],
    ['a priority of zero', { priority: '0' }, 'priority'],
    ['an unknown effect', { effect: 'maybe' }, 'effect'],
  ];
  for (const [label, fields, field] of bad) {
    it(`管理处主任 saving a rule with ${label} is refused in Chinese on that field, and nothing changes`, async () => {
      const director = await staff('director');
      const client = await signedInClient(director.email, TEST_PASSWORD);
      const before = await AuthorityRule.count();
      const { body } = await client.create('AuthorityRule', {
        name: `test: 坏规则 ${label}`,
        actions: '["Ticket.urge"]',
        effect: 'allow',
        priority: '1',
        enabled: 'true',
        clause: '测试',
        conditions: '{"all":[{"fact":"actor","path":"positionCode","operator":"in","value":["receptionist"]}]}',
        ...fields,
      });
      expect(body.record.errors[field]?.message, JSON.stringify(body.record.errors)).to.match(/[\u4e00-\u9fff]/);
      expect(await AuthorityRule.count()).to.equal(before);
    });
  }

  it('客户接待员 may not edit a rule', async () => {
    const reception = await staff('receptionist');
    const client = await signedInClient(reception.email, TEST_PASSWORD);
    const rule = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    const { body } = await client.edit('AuthorityRule', rule.id, { enabled: 'false' });
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    await rule.reload();
    expect(rule.enabled).to.equal(true);
  });
});

describe('the rule edit form and a pending draft', () => {
  it('opens with the pending draft, so a second edit adds to the first instead of undoing it', async () => {
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const rule = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    try {
      await director.edit('AuthorityRule', rule.id, { priority: 4 });
      const opened = await director.open('AuthorityRule', rule.id, 'edit');
      expect(String(opened.body.record.params.priority)).to.equal('4');
      // The form sends back every field it shows, the draft's priority among them.
      const params = opened.body.record.params;
      await director.edit('AuthorityRule', rule.id, {
        name: params.name,
        actions: params.actions,
        effect: params.effect,
        conditions: params.conditions,
        priority: params.priority,
        enabled: 'false',
      });
      const { RuleDraft } = await import('../../src/models/index.js');
      const draft = (await RuleDraft.findOne({ where: { ruleId: rule.id, status: 'pending' } }))!;
      expect(draft.proposed).to.include({ priority: 4, enabled: false });
    } finally {
      await restoreRulesAndTests();
    }
  });
});

describe('the rules in words', () => {
  it('the rules list names actions in Chinese, and a saved draft describes the rule as it would read', async () => {
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const list = await director.list('AuthorityRule', { name: REFUND_RULE });
    const row = list.records.find((r: { params: { name: string } }) => r.params.name === REFUND_RULE);
    expect(row.params.actions).to.equal('退押金（装修押金）');
    const rule = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    try {
      await director.edit('AuthorityRule', rule.id, { description: '随便写的说明', priority: 2 });
      const { RuleDraft } = await import('../../src/models/index.js');
      const draft = (await RuleDraft.findOne({ where: { ruleId: rule.id, status: 'pending' } }))!;
      expect((draft.proposed as { description: string }).description).to.equal(
        '允许 客户服务收费员 退押金（装修押金），条件：装修押金状态 为「在押」，且 验收结果 为「验收合格」。',
      );
    } finally {
      await restoreRulesAndTests();
    }
  });
});

describe('the rule screens speak Chinese', () => {
  it('a draft shows its rule in words, and the 权限测试 list names the action and the position', async () => {
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const rule = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    try {
      await director.edit('AuthorityRule', rule.id, { priority: 2 });
      const { RuleDraft } = await import('../../src/models/index.js');
      const draft = (await RuleDraft.findOne({ where: { ruleId: rule.id, status: 'pending' } }))!;
      const shown = await director.show('RuleDraft', draft.id);
      expect(shown.body.record.params.proposed).to.equal(
        '允许 客户服务收费员 退押金（装修押金），条件：装修押金状态 为「在押」，且 验收结果 为「验收合格」',
      );
      const tests = await director.list('AuthorityTest', { action: 'RenovationDeposit.refund' });
      const cashierCase = tests.records.find((r: { params: { name: string } }) =>
        r.params.name.startsWith('客户服务收费员可以退押金'),
      );
      expect(cashierCase.params).to.include({ action: '退押金（装修押金）', positionCode: '客户服务收费员' });
    } finally {
      await restoreRulesAndTests();
    }
  });

  it("a rule's page, a decision and a change set read in words", async () => {
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const rule = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    const page = (await director.show('AuthorityRule', rule.id)).body.record.params;
    expect(page.actionsInWords).to.equal('退押金（装修押金）');
    expect(page.conditionsInWords).to.equal(
      '谁：客户服务收费员；条件：装修押金状态 为「在押」，且 验收结果 为「验收合格」',
    );

    const { DecisionLog, RuleChangeSet } = await import('../../src/models/index.js');
    const decision = await DecisionLog.create({
      staffId: rule.updatedById ?? null,
      action: 'RenovationDeposit.refund',
      resource: 'RenovationDeposit',
      recordId: '1',
      allowed: true,
      effect: 'allow',
      rules: [{ id: rule.id, name: rule.name, clause: rule.clause ?? '' }],
      ruleVersions: { [rule.id]: rule.version },
      reason: '依据规则',
    });
    const shown = (await director.show('DecisionLog', decision.id)).body.record.params;
    expect(shown).to.include({
      action: '退押金（装修押金）',
      actionCode: 'RenovationDeposit.refund',
      resource: '装修押金',
      rules: `${REFUND_RULE}（第 ${rule.version} 版）`,
    });
    const listed = await director.list('DecisionLog', { action: 'RenovationDeposit.refund' });
    expect(listed.records.map((r: { params: { action: string } }) => r.params.action)).to.include('退押金（装修押金）');

    const changeSet = await RuleChangeSet.create({ note: '测试', rules: [rule.id, 999999] });
    expect((await director.show('RuleChangeSet', changeSet.id)).body.record.params.rules).to.equal(
      `${REFUND_RULE}、已删除的规则 999999`,
    );
    await changeSet.destroy();
    await decision.destroy();
  });
});
