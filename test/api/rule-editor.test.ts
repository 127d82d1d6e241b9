// The rule editor's questions to the server — what may go into a rule, and how a rule as typed reads — and its
// save, which posts the builder's JSON to the admin's edit action and makes a draft.
import { expect } from 'chai';
import { AuthorityRule, RuleDraft } from '../../src/models/index.js';
import { fromBuilder, toBuilder, whoOf, withWho } from '../../src/rules/rule-builder.js';
import { send, signedInClient, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { restoreRulesAndTests } from '../support/rule-changes.js';

const post = (client: Client, path: string, body: unknown) =>
  send(client, 'POST', `/api/authority${path}`, JSON.stringify(body), { 'content-type': 'application/json' });
const get = (client: Client, path: string) => send(client, 'GET', `/api/authority${path}`);

async function refundRule() {
  return (await AuthorityRule.findOne({ where: { name: '退还装修押金' } }))!;
}

/** The refund rule as the editor would save it with 客户服务助理 instead of 客户服务收费员. */
async function refundByAssistant() {
  const rule = await refundRule();
  const parsed = toBuilder(rule.conditions);
  if (!parsed.ok) throw new Error(parsed.reason);
  const root = withWho(parsed.root, { ...whoOf(parsed.root), positions: ['assistant'] });
  return { rule, conditions: fromBuilder(root) };
}

describe('the rule editor — catalogue, live sentence and save', () => {
  let director: Client;
  let receptionist: Client;

  before(async () => {
    director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
  });
  afterEach(() => restoreRulesAndTests());

  it('offers the facts with their ways of comparing and choices in Chinese, the actions by resource, positions and staff', async () => {
    const answer = await get(director, '/editor');
    expect(answer.status, answer.text).to.equal(200);
    const { fields, actions, positions, staff: people, relations } = answer.json;
    const status = fields.find((f: { key: string }) => f.key === 'record.status');
    expect(status.kind).to.equal('state');
    expect(status.labels.RenovationDeposit).to.equal('装修押金状态');
    expect(status.choices.RenovationDeposit).to.deep.include({ value: 'held', label: '在押' });
    expect(status.comparisons.map((c: { label: string }) => c.label)).to.deep.equal([
      '为',
      '不是',
      '是以下之一',
      '不是以下任何一个',
    ]);
    const amount = fields.find((f: { key: string }) => f.key === 'record.amount');
    expect(amount.kind).to.equal('money');
    expect(amount.comparisons.map((c: { id: string }) => c.id)).to.include('lessThan');
    const cashierField = fields.find((f: { key: string }) => f.key === 'record.cashierId');
    expect(cashierField.comparisons.map((c: { label: string }) => c.label)).to.include.members([
      '是操作人本人',
      '不是操作人本人',
      '已填写',
    ]);
    const deposits = actions.find((g: { resource: string }) => g.resource === 'RenovationDeposit');
    expect(deposits.label).to.equal('装修押金');
    expect(deposits.actions).to.deep.include({ code: 'RenovationDeposit.refund', label: '退押金（装修押金）' });
    expect(positions.find((p: { value: string }) => p.value === 'receptionist')).to.include({ label: '客户接待员' });
    expect(people.map((p: { label: string }) => p.label).join()).to.match(/（客户接待员）/);
    expect(relations.map((r: { label: string }) => r.label)).to.deep.equal([
      '是本记录的',
      '不是本记录的',
      '属于本记录的',
    ]);
  });

  it('reads a rule as typed back as its sentence, with its problems and whether the builder can show it', async () => {
    const { rule, conditions } = await refundByAssistant();
    const good = await post(director, '/editor/preview', {
      rule: { name: rule.name, effect: 'allow', actions: rule.actions, conditions, priority: 1, enabled: true },
    });
    expect(good.status, good.text).to.equal(200);
    expect(good.json.sentence).to.equal(
      '允许 客户服务助理 退押金（装修押金），条件：装修押金状态 为「在押」，且 验收结果 为「验收合格」',
    );
    expect(good.json.errors).to.deep.equal({});
    expect(good.json.builder.ok).to.equal(true);

    const bad = await post(director, '/editor/preview', {
      rule: {
        name: '',
        effect: 'allow',
        actions: [],
        conditions: { all: [{ fact: 'record', path: 'status', operator: 'equal', value: 'held', params: {} }] },
      },
    });
    expect(bad.status).to.equal(200);
    expect(bad.json.errors).to.have.keys('name', 'actions');
    expect(bad.json.errors.name).to.equal('规则名称不能为空');
    expect(bad.json.builder.ok).to.equal(false);
    expect(bad.json.builder.reason).to.include('params');
  });

  it('answers anything typed with a sentence and its problems, never a server error', async () => {
    const odd: unknown[] = [
      null,
      'x',
      [],
      { actions: { a: 1 }, conditions: [1, 2] },
      { actions: 'Ticket.new', conditions: { all: 5 } },
      { actions: [7], effect: 'maybe', conditions: '{"all": [' },
      { conditions: { all: [{ fact: 'record', path: 'status', operator: 'in', value: null }] } },
      { conditions: { not: [] }, priority: -1, enabled: 'perhaps' },
    ];
    for (const rule of odd) {
      const answer = await post(director, '/editor/preview', { rule });
      expect(answer.status, `${JSON.stringify(rule)}: ${answer.text}`).to.equal(200);
      expect(answer.json.sentence).to.be.a('string');
      expect(answer.json.builder).to.have.property('ok');
    }
    expect((await post(director, '/editor/preview', 'not an object')).status).to.be.oneOf([400, 422]);
  });

  it('only people who may read the rules get the catalogue and the preview', async () => {
    expect((await get(receptionist, '/editor')).status).to.equal(403);
    expect((await post(receptionist, '/editor/preview', { rule: {} })).status).to.equal(403);
    expect((await send(null, 'GET', '/api/authority/editor')).status).to.equal(401);
  });

  it('saving the editor posts the builder JSON to the edit action: the director gets a draft, the receptionist nothing', async () => {
    const { rule, conditions } = await refundByAssistant();
    const form = {
      name: rule.name,
      effect: 'allow',
      priority: '1',
      enabled: 'true',
      clause: rule.clause ?? '',
      positionClauseId: '',
      actions: JSON.stringify(rule.actions),
      conditions: JSON.stringify(conditions),
    };
    const before = await RuleDraft.count({ where: { status: 'pending' } });
    const refused = await receptionist.edit('AuthorityRule', rule.id, form);
    expect(JSON.stringify(refused.body)).to.match(/[\u4e00-\u9fff]/);
    expect(await RuleDraft.count({ where: { status: 'pending' } })).to.equal(before);

    const saved = await director.edit('AuthorityRule', rule.id, form);
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body.notice.type).to.equal('success');
    const draft = (await RuleDraft.findOne({ where: { ruleId: rule.id, status: 'pending' } }))!;
    const proposed = draft.proposed as { conditions: unknown; description: string };
    expect(proposed.conditions).to.deep.equal(conditions);
    expect(proposed.description).to.include('允许 客户服务助理 退押金（装修押金）');
    // nothing changed for anyone yet
    expect((await refundRule()).conditions).to.deep.equal(rule.conditions);
  });
});
