// Safe rule changes through the director's JSON API: a change governs nobody until published; publishing is checked
// (validation against what exists, the lockout guard, the 权限测试) and refused with the reasons, changing nothing.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { AuthorityRule, AuthorityTest, RuleChangeSet, RuleDraft, RuleVersion } from '../../src/models/index.js';
import { loadActor } from '../../src/auth/actor.js';
import { decide } from '../../src/rules/decide.js';
import { seedDefaultRules } from '../../src/rules/seed.js';
import { refreshRules } from '../../src/rules/store.js';
import { send, signedInClient, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

const REFUND_RULE = '退还装修押金';
const MANAGE_RULE = '管理权限规则';
const refundable = { status: 'held', inspectionResult: 'passed' };

const post = (client: Client, path: string, body: unknown) =>
  send(client, 'POST', `/api/authority${path}`, JSON.stringify(body), { 'content-type': 'application/json' });
const get = (client: Client, path: string) => send(client, 'GET', `/api/authority${path}`);

async function ruleNamed(name: string) {
  return (await AuthorityRule.findOne({ where: { name } }))!;
}

/** Each test starts from the seeded rules, no pending drafts and no tests of its own. */
async function startClean() {
  const seeded = await AuthorityTest.findAll({
    where: { action: 'RenovationDeposit.refund', name: { [Op.like]: '%可以%' } },
  });
  for (const test of seeded) await test.update({ expect: 'allow' });
  await RuleDraft.update({ status: 'discarded' }, { where: { status: 'pending' } });
  await AuthorityTest.destroy({ where: { name: ['接口测试：收费员可以退押金', '接口测试：接待员不能退押金'] } });
  await AuthorityRule.update({ editedByDirector: false }, { where: {} });
  await AuthorityRule.destroy({ where: { name: ['接口测试：新规则', '接口测试：错字规则'] } });
  await seedDefaultRules();
  await refreshRules();
}

describe('safe rule changes — the JSON API', () => {
  let director: Client;
  let receptionist: Client;
  let cashierId: number;

  before(async () => {
    director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    cashierId = (await staff('cashier')).id;
  });
  beforeEach(startClean);
  after(startClean);

  it('a change is a draft: nobody meets it until the director publishes it, then it is live with its version', async () => {
    const cashier = (await loadActor(cashierId))!;
    const large = { ...refundable, amount: 200_000_00 };
    const rule = {
      name: '接口测试：新规则',
      actions: ['RenovationDeposit.refund'],
      effect: 'deny',
      conditions: { all: [{ fact: 'record', path: 'amount', operator: 'greaterThan', value: 100_000_00 }] },
      clause: '收费员 职权1',
    };
    const drafted = await post(director, '/drafts', { rule });
    expect(drafted.status, drafted.text).to.equal(201);
    expect(drafted.json).to.include({ kind: 'create', ruleId: null });
    expect(decide(cashier, 'RenovationDeposit.refund', large).allowed).to.equal(true);

    const listed = await get(director, '/drafts');
    expect(listed.json.drafts.map((d: { id: number }) => d.id)).to.deep.equal([drafted.json.id]);
    expect(listed.json.drafts[0].text).to.include('拒绝 任何人 退押金');
    expect(listed.json.checks.errors).to.deep.equal([]);

    const published = await post(director, '/publish', { note: '十万元以上的押金由主任亲自退' });
    expect(published.status, published.text).to.equal(200);
    const created = await ruleNamed('接口测试：新规则');
    expect(published.json.rules).to.deep.equal([created.id]);
    expect(decide(cashier, 'RenovationDeposit.refund', large)).to.include({ allowed: false, effect: 'deny' });
    expect(decide(cashier, 'RenovationDeposit.refund', refundable).allowed).to.equal(true);
    expect(created).to.include({ version: 1, editedByDirector: true });
    const version = await RuleVersion.findOne({ where: { ruleId: created.id, version: 1 } });
    expect(version!.changeSetId).to.equal(published.json.changeSet);
    const changeSet = await RuleChangeSet.findByPk(published.json.changeSet);
    expect(changeSet).to.include({ note: '十万元以上的押金由主任亲自退', kind: 'publish' });
    expect((await RuleDraft.findByPk(drafted.json.id))!.status).to.equal('published');

    // A change goes one version up, and that version points at its change set.
    await post(director, '/drafts', { ruleId: created.id, rule: { priority: 2 } });
    const second = await post(director, '/publish', { note: '提高优先级' });
    await created.reload();
    expect(created.version).to.equal(2);
    const v2 = await RuleVersion.findOne({ where: { ruleId: created.id, version: 2 } });
    expect(v2!.changeSetId).to.equal(second.json.changeSet);
  });

  it('a second change to the same rule updates its draft; discarding drops every pending draft and changes nothing', async () => {
    const rule = await ruleNamed(REFUND_RULE);
    const first = await post(director, '/drafts', { ruleId: rule.id, rule: { priority: 5 } });
    const second = await post(director, '/drafts', { ruleId: rule.id, rule: { enabled: false } });
    expect(second.json.id).to.equal(first.json.id);
    const draft = (await RuleDraft.findByPk(first.json.id))!;
    expect(draft.proposed).to.include({ priority: 5, enabled: false });
    const discarded = await post(director, '/drafts/discard', {});
    expect(discarded.json).to.deep.equal({ discarded: 1 });
    expect(await RuleDraft.count({ where: { status: 'pending' } })).to.equal(0);
    expect((await ruleNamed(REFUND_RULE)).version).to.equal(rule.version);
  });

  it('refuses a malformed draft with every reason and stores nothing', async () => {
    const before = await RuleDraft.count();
    const bad = await post(director, '/drafts', { rule: { name: '', actions: ['Ticket.fly'], effect: 'maybe' } });
    expect(bad.status).to.equal(422);
    expect(bad.json.errors.join('\n')).to.include('规则名称不能为空').and.include('Ticket.fly').and.include('规则效果');
    const unknown = await post(director, '/drafts', {
      ruleId: (await ruleNamed(REFUND_RULE)).id,
      rule: { colour: 'red' },
    });
    expect(unknown.status).to.equal(422);
    expect(unknown.json.errors[0]).to.include('colour');
    expect(await RuleDraft.count()).to.equal(before);
    const notJson = await send(director, 'POST', '/api/authority/drafts', 'ruleId=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(notJson.status).to.equal(415);
  });

  it('refuses to publish a position code that does not exist, suggesting the right one; nothing goes live', async () => {
    const drafted = await post(director, '/drafts', {
      rule: {
        name: '接口测试：错字规则',
        actions: ['Ticket.urge'],
        effect: 'allow',
        conditions: { all: [{ fact: 'actor', path: 'positionCode', operator: 'in', value: ['cashierr'] }] },
      },
    });
    expect(drafted.status).to.equal(201);
    const checks = (await get(director, '/drafts')).json.checks;
    expect(checks.errors.join('\n')).to.include('岗位代码「cashierr」不存在，是不是「cashier」');
    const refused = await post(director, '/publish', { note: '试试' });
    expect(refused.status).to.equal(422);
    expect(refused.json.errors.join('\n')).to.include('cashierr');
    expect(await AuthorityRule.count({ where: { name: '接口测试：错字规则' } })).to.equal(0);
    expect(await RuleDraft.count({ where: { status: 'pending' } })).to.equal(1);
  });

  it('refuses a change that would leave nobody able to manage and publish the rules (lockout)', async () => {
    const rule = await ruleNamed(MANAGE_RULE);
    await post(director, '/drafts', { ruleId: rule.id, rule: { enabled: false } });
    const refused = await post(director, '/publish', { note: '关掉' });
    expect(refused.status).to.equal(422);
    expect(refused.json.errors.join('\n')).to.include('没有任何在职员工既能管理权限规则、又能发布规则变更');
    expect((await ruleNamed(MANAGE_RULE)).enabled).to.equal(true);
  });

  it('refuses a change that breaks an enabled 权限测试, naming it; after the director changes the test it publishes', async () => {
    const test = await AuthorityTest.create({
      name: '接口测试：收费员可以退押金',
      positionCode: 'cashier',
      action: 'RenovationDeposit.refund',
      recordFacts: refundable,
      expect: 'allow',
    });
    await AuthorityTest.create({
      name: '接口测试：接待员不能退押金',
      positionCode: 'receptionist',
      action: 'RenovationDeposit.refund',
      recordFacts: refundable,
      expect: 'deny',
    });
    const rule = await ruleNamed(REFUND_RULE);
    await post(director, '/drafts', { ruleId: rule.id, rule: { enabled: false } });
    const refused = await post(director, '/publish', { note: '暂停退押金' });
    expect(refused.status).to.equal(422);
    expect(refused.json.errors.join('\n')).to.include('权限测试「接口测试：收费员可以退押金」预期允许，实际拒绝');
    expect(refused.json.errors.join('\n')).not.to.include('接待员不能退押金');
    expect((await ruleNamed(REFUND_RULE)).enabled).to.equal(true);

    // The director changes the tests her change contradicts (hers and the document's seeded ones), then publishes.
    const contradicted = await AuthorityTest.findAll({
      where: { action: 'RenovationDeposit.refund', expect: 'allow', enabled: true },
    });
    expect(contradicted.map((t) => t.name)).to.include(test.name);
    for (const name of contradicted.map((t) => t.name)) expect(refused.json.errors.join('\n')).to.include(name);
    for (const each of contradicted) await each.update({ expect: 'deny' });
    const published = await post(director, '/publish', { note: '暂停退押金' });
    expect(published.status, published.text).to.equal(200);
    expect((await ruleNamed(REFUND_RULE)).enabled).to.equal(false);
  });

  it('refuses to publish without a note, or with no drafts', async () => {
    const none = await post(director, '/publish', { note: '没有草稿' });
    expect(none.status).to.equal(422);
    expect(none.json.errors).to.deep.equal(['没有待发布的草稿']);
    await post(director, '/drafts', { ruleId: (await ruleNamed(REFUND_RULE)).id, rule: { priority: 3 } });
    const silent = await post(director, '/publish', { note: '  ' });
    expect(silent.status).to.equal(422);
    expect(silent.json.errors[0]).to.include('变更说明');
  });

  it('what-if: the live rules and the drafts side by side, each condition with the value it met', async () => {
    const rule = await ruleNamed(REFUND_RULE);
    await post(director, '/drafts', { ruleId: rule.id, rule: { enabled: false } });
    const facts = encodeURIComponent(JSON.stringify(refundable));
    const answer = await get(director, `/what-if?staffId=${cashierId}&action=RenovationDeposit.refund&facts=${facts}`);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.json.live.allowed).to.equal(true);
    expect(answer.json.draft.allowed).to.equal(false);
    const status = answer.json.liveChecks.find((c: { text: string }) => c.text.includes('装修押金状态'));
    expect(status).to.include({ passed: true, actual: 'held', actualText: '「在押」' });

    // The page's choices: every catalogued action in words under its resource, and the positions.
    const choices = await get(director, '/what-if/choices');
    expect(choices.json.actions).to.deep.include({
      action: 'RenovationDeposit.refund',
      label: '退押金（装修押金）',
      resource: 'RenovationDeposit',
      resourceLabel: '装修押金',
    });
    expect(choices.json.positions).to.deep.include({ code: 'cashier', name: '客户服务收费员' });
    expect((await get(receptionist, '/what-if/choices')).status).to.equal(403);
    const byPosition = await get(
      director,
      `/what-if?positionCode=cashier&action=RenovationDeposit.refund&facts=${facts}`,
    );
    expect(byPosition.json.subject.name).to.equal('客户服务收费员（任一在岗人员）');
    expect(byPosition.json.live.allowed).to.equal(true);
    expect(answer.json.liveChecks.every((c: { passed: boolean }) => c.passed)).to.equal(true);
  });

  it('the matrix: 退押金 is conditional for the cashier (in words) and not granted to the receptionist', async () => {
    const answer = await get(director, '/matrix');
    expect(answer.status).to.equal(200);
    expect(answer.json.positions.map((p: { code: string }) => p.code)).to.include.members(['cashier', 'receptionist']);
    const refund = answer.json.rows.find((row: { action: string }) => row.action === 'RenovationDeposit.refund');
    expect(refund.cells.cashier.grant).to.equal('conditional');
    expect(refund.cells.cashier.text).to.include('在押');
    expect(refund.cells.receptionist.grant).to.equal('none');
    const list = answer.json.rows.find((row: { action: string }) => row.action === 'Ticket.list');
    expect(list.cells.receptionist.grant).to.equal('allow');
  });

  describe('who may', () => {
    it('the receptionist may not draft, discard, publish, try what-if or read the matrix', async () => {
      const rule = await ruleNamed(REFUND_RULE);
      for (const [status, answer] of [
        [403, await post(receptionist, '/drafts', { ruleId: rule.id, rule: { enabled: false } })],
        [403, await post(receptionist, '/drafts/discard', {})],
        [403, await post(receptionist, '/publish', { note: 'x' })],
        [403, await get(receptionist, `/what-if?positionCode=cashier&action=RenovationDeposit.refund`)],
        [403, await get(receptionist, '/matrix')],
        [403, await get(receptionist, '/drafts')],
      ] as const)
        expect(answer.status, answer.text).to.equal(status);
      expect(await RuleDraft.count({ where: { status: 'pending' } })).to.equal(0);
    });

    it('nobody signed in gets 401 before the body is read', async () => {
      const answer = await send(null, 'POST', '/api/authority/publish', '{"note":"x"}', {
        'content-type': 'application/json',
      });
      expect(answer.status).to.equal(401);
    });
  });
});

describe('权限测试 made from a real record', () => {
  it('copies the facts a rule can read, at that moment: a later change to the record does not move the test', async () => {
    const { heldDeposit } = await import('../support/records.js');
    const deposit = await heldDeposit({ inspection: 'passed' });
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const made = await post(director, '/tests', {
      name: '接口测试：这笔押金收费员可以退',
      positionCode: 'cashier',
      action: 'RenovationDeposit.refund',
      fromRecord: deposit.id,
      expect: 'allow',
    });
    expect(made.status, made.text).to.equal(201);
    expect(made.json.recordFacts).to.include({ status: 'held', inspectionResult: 'passed', id: deposit.id });
    await deposit.update({ status: 'forfeited' });
    const test = (await AuthorityTest.findByPk(made.json.id))!;
    expect(test.recordFacts).to.include({ status: 'held' });
    expect(test).to.include({ sourceResource: 'RenovationDeposit', sourceRecordId: String(deposit.id) });
    await test.destroy();
  });

  it('refuses a test naming an unknown action or neither position nor staff, and the receptionist may not make one', async () => {
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const bad = await post(director, '/tests', { name: '接口测试：坏的', action: 'Ticket.fly', expect: 'allow' });
    expect(bad.status).to.equal(422);
    expect(bad.json.errors.join('\n')).to.include('Ticket.fly').and.include('请填写岗位代码或员工中的一项');
    const receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const refused = await post(receptionist, '/tests', {
      name: '接口测试：越权',
      positionCode: 'cashier',
      action: 'Ticket.list',
      expect: 'allow',
    });
    expect(refused.status).to.equal(403);
    expect(await AuthorityTest.count({ where: { name: ['接口测试：坏的', '接口测试：越权'] } })).to.equal(0);
  });
});

describe('coverage of the document', () => {
  it('a change that leaves a 职权 clause without an enabled rule is published with a warning naming the clause', async () => {
    const { PositionClause } = await import('../../src/models/index.js');
    const { position } = await import('../support/factories.js');
    const cashier = await position('cashier');
    const clause = await PositionClause.create({
      positionId: cashier.id,
      kind: 'authority',
      number: 9,
      text: '接口测试条款：核对停车场日报',
    });
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    try {
      await post(director, '/drafts', {
        rule: {
          name: '接口测试：新规则',
          actions: ['Ticket.list'],
          effect: 'allow',
          conditions: { all: [{ fact: 'actor', path: 'positionCode', operator: 'equal', value: 'cashier' }] },
          clause: '收费员 职权9：核对停车场日报',
        },
      });
      const first = await post(director, '/publish', { note: '补上职权9' });
      expect(first.status, first.text).to.equal(200);
      expect(first.json.warnings.join('\n')).not.to.include('接口测试条款');
      const rule = await ruleNamed('接口测试：新规则');
      await post(director, '/drafts', { ruleId: rule.id, rule: { enabled: false } });
      const shown = (await get(director, '/drafts')).json.checks.warnings.join('\n');
      expect(shown).to.include('这次变更后，职权条款不再有启用的规则：客户服务收费员 职权9：接口测试条款');
      const second = await post(director, '/publish', { note: '停用' });
      expect(second.status, second.text).to.equal(200);
      expect(second.json.warnings.join('\n')).to.include('职权9');
    } finally {
      await clause.destroy();
      await startClean();
    }
  });
});

describe('the matrix page and its export', () => {
  it('the director downloads the matrix as .xlsx: one row per action, one column per position, the conditions in words', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const server = await (await import('../support/http.js')).testServer();
    const response = await fetch(`${server.url}/api/authority/matrix.xlsx`, {
      headers: { cookie: director.cookieHeader() },
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.include('spreadsheetml');
    expect(response.headers.get('content-disposition')).to.include('attachment');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    expect(String(sheet.getRow(1).getCell(1).value)).to.include('岗位 × 权限（现行规则）');
    const header = (sheet.getRow(2).values as unknown[]).map(String);
    const cashierColumn = header.indexOf('客户服务收费员');
    expect(cashierColumn).to.be.greaterThan(1);
    let refund: unknown[] | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === '退押金（装修押金）') refund = row.values as unknown[];
    });
    expect(String(refund![cashierColumn])).to.include('有条件：').and.include('在押');
    expect(sheet.pageSetup.orientation).to.equal('landscape');
  });

  it('the matrix page opens for the director and the assistant, and is refused to the receptionist', async () => {
    for (const [code, allowed] of [
      ['director', true],
      ['assistant', true],
      ['receptionist', false],
    ] as const) {
      const client = await signedInClient((await staff(code)).email, TEST_PASSWORD);
      const page = await client.openResourceAction('AuthorityRule', 'matrix');
      if (allowed) expect(page.body.record?.baseError, code).to.equal(undefined);
      else expect(page.body.record?.baseError?.type, code).to.equal('ForbiddenError');
      const file = await send(client, 'GET', '/api/authority/matrix.xlsx');
      expect(file.status, code).to.equal(allowed ? 200 : 403);
    }
  });
});

describe('the rule studio pages open for those who govern the rules', () => {
  it('版本与回滚, 试算 and 发布规则变更: the director may open them; the receptionist may not', async () => {
    const rule = await ruleNamed(REFUND_RULE);
    for (const [code, allowed] of [
      ['director', true],
      ['receptionist', false],
    ] as const) {
      const client = await signedInClient((await staff(code)).email, TEST_PASSWORD);
      const pages = [
        await client.open('AuthorityRule', rule.id, 'history'),
        await client.openResourceAction('AuthorityRule', 'whatIf'),
        await client.openResourceAction('AuthorityRule', 'publish'),
      ];
      for (const page of pages) {
        // Opened: no refusal on the page (a record page carries baseError null).
        if (allowed) expect(page.body.record?.baseError ?? null, code).to.equal(null);
        else expect(page.body.record?.baseError?.type, code).to.equal('ForbiddenError');
      }
    }
  });
});

describe('权限测试 in words, live and with the drafts', () => {
  it('each test reads as a sentence and says whether it passes now and with the pending drafts', async () => {
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const rule = await ruleNamed(REFUND_RULE);
    try {
      await post(director, '/drafts', { ruleId: rule.id, rule: { enabled: false } });
      const answer = await get(director, '/tests');
      expect(answer.status, answer.text).to.equal(200);
      const refund = answer.json.tests.find(
        (t: { name: string }) => t.name === '客户服务收费员可以退押金（退还装修押金）',
      );
      expect(refund.sentence).to.equal(
        '客户服务收费员 必须能 退押金（装修押金），当 装修押金状态 为「在押」，且 验收结果 为「验收合格」',
      );
      expect(refund.live.passed).to.equal(true);
      expect(refund.draft).to.include({ passed: false });
      expect(refund.draft.reason).to.include('没有任何规则允许');
      const receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
      expect((await get(receptionist, '/tests')).status).to.equal(403);
      expect((await receptionist.openResourceAction('AuthorityTest', 'results')).body.record?.baseError?.type).to.equal(
        'ForbiddenError',
      );
      expect((await director.openResourceAction('AuthorityTest', 'results')).body.record?.baseError ?? null).to.equal(
        null,
      );
    } finally {
      await startClean();
    }
  });
});
