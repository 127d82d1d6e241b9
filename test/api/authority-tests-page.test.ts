// The 权限测试 page's JSON API, as the page drives it: who may see 新建 / 启用·停用 / 修改, a test made from a real
// record, a test switched on or off — changing exactly that, audited — and a switched-off test left out of publishing.
import { expect } from 'chai';
import { AuditLog, AuthorityRule, AuthorityTest, RuleDraft } from '../../src/models/index.js';
import { seedDefaultRules } from '../../src/rules/seed.js';
import { refreshRules } from '../../src/rules/store.js';
import { send, signedInClient, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { heldDeposit } from '../support/records.js';

const NAMES = ['页面测试：接待员必须能退押金', '页面测试：这笔押金收费员必须能退', '页面测试：越权'];
const REFUND_RULE = '退还装修押金';

const post = (client: Client | null, path: string, body: unknown) =>
  send(client, 'POST', `/api/authority${path}`, JSON.stringify(body), { 'content-type': 'application/json' });
const get = (client: Client | null, path: string) => send(client, 'GET', `/api/authority${path}`);
const setEnabled = (client: Client | null, id: number | string, body: unknown) =>
  post(client, `/tests/${id}/enabled`, body);

/** A test that fails under the rules in force: the receptionist is not allowed to refund deposits. */
const failingTest = () =>
  AuthorityTest.create({
    name: NAMES[0],
    positionCode: 'receptionist',
    action: 'RenovationDeposit.refund',
    recordFacts: { status: 'held', inspectionResult: 'passed' },
    expect: 'allow',
  });

async function startClean() {
  await RuleDraft.update({ status: 'discarded' }, { where: { status: 'pending' } });
  await AuthorityTest.destroy({ where: { name: NAMES } });
  await AuthorityRule.update({ editedByDirector: false }, { where: {} });
  await seedDefaultRules();
  await refreshRules();
}

describe('权限测试 page — make a test from a real record, switch tests on and off', () => {
  let director: Client;
  let assistant: Client;
  let receptionist: Client;
  let directorId: number;

  before(async () => {
    const boss = await staff('director');
    directorId = boss.id;
    director = await signedInClient(boss.email, TEST_PASSWORD);
    assistant = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
    receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    // The refund rule names the cashier's position: publishing checks that it exists.
    await staff('cashier');
  });
  beforeEach(startClean);
  after(startClean);

  describe('may', () => {
    it('管理处主任 may make and change tests: the list says so, for the page and for each test', async () => {
      const answer = await get(director, '/tests');
      expect(answer.status, answer.text).to.equal(200);
      expect(answer.json.may).to.deep.equal({ create: true, edit: true });
      expect(answer.json.tests.length).to.be.greaterThan(0);
      expect(answer.json.tests.every((t: { mayEdit: boolean }) => t.mayEdit)).to.equal(true);
    });

    it('客户服务助理 reads the results but may not make or change tests: the list says so', async () => {
      const answer = await get(assistant, '/tests');
      expect(answer.status, answer.text).to.equal(200);
      expect(answer.json.may).to.deep.equal({ create: false, edit: false });
      expect(answer.json.tests.some((t: { mayEdit: boolean }) => t.mayEdit)).to.equal(false);
    });
  });

  describe('启用 / 停用', () => {
    it('管理处主任 may switch a test off and on: exactly enabled changes (and who/when), each with an audit line', async () => {
      const test = await failingTest();
      const before = (await AuthorityTest.findByPk(test.id))!.get({ plain: true });

      const off = await setEnabled(director, test.id, { enabled: false });
      expect(off.status, off.text).to.equal(200);
      expect(off.json).to.deep.equal({ id: test.id, enabled: false });
      const after = (await AuthorityTest.findByPk(test.id))!.get({ plain: true });
      const unchanged = (row: Record<string, unknown>) => {
        const { enabled: _e, updatedById: _u, updatedAt: _t, ...rest } = row;
        return rest;
      };
      expect(unchanged(after)).to.deep.equal(unchanged(before));
      expect(after).to.include({ enabled: false, updatedById: directorId });
      expect(after.updatedAt.getTime()).to.be.at.least(before.updatedAt.getTime());

      const on = await setEnabled(director, test.id, { enabled: true });
      expect(on.json).to.deep.equal({ id: test.id, enabled: true });
      expect((await AuthorityTest.findByPk(test.id))!.enabled).to.equal(true);

      const lines = await AuditLog.findAll({
        where: { action: 'AuthorityTest.edit', recordId: String(test.id) },
        order: [['id', 'ASC']],
      });
      expect(lines.map((line) => [line.staffId, line.changes])).to.deep.equal([
        [directorId, { enabled: [true, false] }],
        [directorId, { enabled: [false, true] }],
      ]);
      const listed = (await get(director, '/tests')).json.tests.find((t: { id: number }) => t.id === test.id);
      expect(listed.enabled).to.equal(true);
    });

    it('switching a test to what it already is writes nothing', async () => {
      const test = await failingTest();
      const same = await setEnabled(director, test.id, { enabled: true });
      expect(same.status, same.text).to.equal(200);
      expect(await AuditLog.count({ where: { action: 'AuthorityTest.edit', recordId: String(test.id) } })).to.equal(0);
    });

    it('客户服务助理 and 客户接待员 may not switch a test: 403, and nothing changes', async () => {
      const test = await failingTest();
      for (const client of [assistant, receptionist]) {
        const refused = await setEnabled(client, test.id, { enabled: false });
        expect(refused.status, refused.text).to.equal(403);
        expect(refused.json.message).to.match(/[\u4e00-\u9fa5]/);
      }
      expect((await AuthorityTest.findByPk(test.id))!.enabled).to.equal(true);
      expect(await AuditLog.count({ where: { action: 'AuthorityTest.edit', recordId: String(test.id) } })).to.equal(0);
    });

    it('nobody signed in gets 401, and nothing changes', async () => {
      const test = await failingTest();
      expect((await setEnabled(null, test.id, { enabled: false })).status).to.equal(401);
      expect((await get(null, '/tests')).status).to.equal(401);
      expect((await AuthorityTest.findByPk(test.id))!.enabled).to.equal(true);
    });

    it('refuses a body that is not {enabled: 是/否} with 422 in Chinese, and changes nothing', async () => {
      const test = await failingTest();
      for (const body of [{ enabled: 'false' }, { enabled: 0 }, {}, { enabled: null }, { enabled: false, name: 'x' }]) {
        const refused = await setEnabled(director, test.id, body);
        expect(refused.status, JSON.stringify(body)).to.equal(422);
        expect(refused.json.errors.join('')).to.include('启用还是停用');
      }
      const row = (await AuthorityTest.findByPk(test.id))!;
      expect(row).to.include({ enabled: true, name: NAMES[0] });
    });

    it('an unknown test is 404', async () => {
      expect((await setEnabled(director, 2_000_000_000, { enabled: false })).status).to.equal(404);
      expect((await setEnabled(director, 'abc', { enabled: false })).status).to.equal(404);
    });

    it('a failing test stops a publish while it is enabled; switched off, it no longer does', async () => {
      const test = await failingTest();
      const rule = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
      const drafted = await post(director, '/drafts', { ruleId: rule.id, rule: { priority: 3 } });
      expect(drafted.status, drafted.text).to.equal(201);

      const refused = await post(director, '/publish', { note: '调整优先级' });
      expect(refused.status).to.equal(422);
      expect(refused.json.errors.join('\n')).to.include(`权限测试「${NAMES[0]}」预期允许，实际拒绝`);

      await setEnabled(director, test.id, { enabled: false });
      const published = await post(director, '/publish', { note: '调整优先级' });
      expect(published.status, published.text).to.equal(200);
      expect((await AuthorityRule.findByPk(rule.id))!.priority).to.equal(3);
    });
  });

  describe('从真实记录新建测试', () => {
    it('管理处主任 makes a test from a deposit as it is now; the list shows it in words, passing live and with drafts', async () => {
      const deposit = await heldDeposit({ inspection: 'passed' });
      const made = await post(director, '/tests', {
        name: NAMES[1],
        positionCode: 'cashier',
        action: 'RenovationDeposit.refund',
        fromRecord: String(deposit.id),
        expect: 'allow',
        clause: '收费员 职权1',
      });
      expect(made.status, made.text).to.equal(201);
      const stored = (await AuthorityTest.findByPk(made.json.id))!;
      expect(stored).to.include({
        positionCode: 'cashier',
        enabled: true,
        sourceResource: 'RenovationDeposit',
        sourceRecordId: String(deposit.id),
        updatedById: directorId,
      });
      expect(stored.recordFacts).to.include({ status: 'held', inspectionResult: 'passed' });

      const listed = (await get(director, '/tests')).json.tests.find((t: { id: number }) => t.id === made.json.id);
      expect(listed.sentence).to.include('客户服务收费员 必须能 退押金（装修押金）').and.include('在押');
      expect(listed.sentence).not.to.match(/RenovationDeposit|cashier|held/);
      expect(listed.live.passed).to.equal(true);
      expect(listed.draft.passed).to.equal(true);
      const audited = await AuditLog.findOne({
        where: { action: 'AuthorityTest.new', recordId: String(made.json.id) },
      });
      expect(audited!.note).to.equal(`由装修押金 ${deposit.id} 的当前内容生成`);
    });

    it('the form offers the actions and positions in words to 管理处主任 only', async () => {
      const choices = await get(director, '/tests/choices');
      expect(choices.status).to.equal(200);
      expect(choices.json.actions).to.deep.include({
        action: 'RenovationDeposit.refund',
        label: '退押金（装修押金）',
        resource: 'RenovationDeposit',
        resourceLabel: '装修押金',
      });
      expect(choices.json.positions).to.deep.include({ code: 'cashier', name: '客户服务收费员' });
      expect((await get(assistant, '/tests/choices')).status).to.equal(403);
    });

    it('客户服务助理 and 客户接待员 may not make a test: 403, and nothing is stored', async () => {
      const deposit = await heldDeposit({ inspection: 'passed' });
      for (const client of [assistant, receptionist]) {
        const refused = await post(client, '/tests', {
          name: NAMES[2],
          positionCode: 'cashier',
          action: 'RenovationDeposit.refund',
          fromRecord: deposit.id,
          expect: 'allow',
        });
        expect(refused.status, refused.text).to.equal(403);
      }
      expect(await AuthorityTest.count({ where: { name: NAMES[2] } })).to.equal(0);
    });

    it('nobody signed in gets 401', async () => {
      const answer = await post(null, '/tests', { name: NAMES[2], positionCode: 'cashier', action: 'Ticket.list' });
      expect(answer.status).to.equal(401);
    });

    it('a record that does not exist is refused with 422 and a Chinese reason; nothing is stored', async () => {
      const refused = await post(director, '/tests', {
        name: NAMES[2],
        positionCode: 'cashier',
        action: 'RenovationDeposit.refund',
        fromRecord: 2_000_000_000,
        expect: 'allow',
      });
      expect(refused.status, refused.text).to.equal(422);
      expect(refused.json.errors).to.deep.equal(['装修押金 2000000000 不存在，无法从它新建测试']);
      expect(await AuthorityTest.count({ where: { name: NAMES[2] } })).to.equal(0);
    });

    it('a position or staff member that does not exist is refused with 422; nothing is stored', async () => {
      const deposit = await heldDeposit({ inspection: 'passed' });
      const base = { name: NAMES[2], action: 'RenovationDeposit.refund', fromRecord: deposit.id, expect: 'allow' };
      const noPosition = await post(director, '/tests', { ...base, positionCode: 'astronaut' });
      expect(noPosition.status).to.equal(422);
      expect(noPosition.json.errors).to.deep.equal(['所选岗位不存在']);
      const noStaff = await post(director, '/tests', { ...base, staffId: 2_000_000_000 });
      expect(noStaff.status).to.equal(422);
      expect(noStaff.json.errors).to.deep.equal(['所选员工不存在']);
      expect(await AuthorityTest.count({ where: { name: NAMES[2] } })).to.equal(0);
    });
  });
});
