// What an import of job descriptions leaves for 管理处主任 in the rule studio, through the admin API the UI uses: its
// 待审核 drafts stay out of 发布 until she accepts (采纳), changes (修改) or discards (放弃) each; rules whose cited
// clause the import changed carry a notice (条款变动待复核) until she reviews them or publishes a change to them.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { AuditLog, AuthorityRule, RuleDraft, type Staff } from '../../src/models/index.js';
import { loadActor } from '../../src/auth/actor.js';
import { decide } from '../../src/rules/decide.js';
import { seedDefaultRules } from '../../src/rules/seed.js';
import { refreshRules } from '../../src/rules/store.js';
import { POSITION_NAMES } from '../../src/vocabulary/positions.js';
import { actionLabel } from '../../src/rules/catalogue.js';
import { send, signedInClient, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

const PREFIX = '导入测试：';
const SOURCE = '导入「收费员兼文员.docx」：收费员兼文员 职权3「校核会所收费」，匹配"会所收费"';
const REFUND_RULE = '退还装修押金';

/** A rule as an import proposes it: 客户服务协调员 may 校核 a pending clubhouse charge (not a default authority). */
const proposedRule = (name: string) => ({
  name,
  description: '',
  actions: ['ClubhouseCharge.verify'],
  effect: 'allow',
  conditions: {
    all: [
      { fact: 'actor', path: 'positionCode', operator: 'in', value: ['coordinator'] },
      { fact: 'record', path: 'status', operator: 'in', value: ['pending'] },
    ],
  },
  priority: 1,
  enabled: true,
  clause: '收费员兼文员 职权3：校核会所收费',
  positionClauseId: null,
});

let itStaff: Staff;
let serial = 0;

/** A 待审核 draft written by the import on IT's behalf. */
async function importedDraft(name = `${PREFIX}协调员校核会所收费${++serial}`): Promise<RuleDraft> {
  return RuleDraft.create({
    kind: 'create',
    status: 'pending',
    origin: 'import',
    needsReview: true,
    sourceNote: SOURCE,
    createdById: itStaff.id,
    proposed: proposedRule(name),
  });
}

/** Each test starts from the seeded rules with no pending drafts and no clause notices. */
async function startClean() {
  // The positions the refund rule names exist (the publish checks look them up).
  await staff('cashier');
  await RuleDraft.update({ status: 'discarded' }, { where: { status: 'pending' } });
  await AuthorityRule.destroy({ where: { name: { [Op.like]: `${PREFIX}%` } } });
  await AuthorityRule.update({ clauseNotice: null, editedByDirector: false }, { where: {} });
  await seedDefaultRules();
  await refreshRules();
}

const publishNote = (client: Client, note: string) => client.actOnResource('AuthorityRule', 'publish', { note });

/** The ForbiddenError the admin shows: the person's position and the action, by name. */
function expectRefused(body: any, code: string, action: string) {
  const error = body.record?.baseError;
  expect(error?.type, JSON.stringify(body).slice(0, 400)).to.equal('ForbiddenError');
  expect(error.message).to.include(POSITION_NAMES[code]).and.to.include(actionLabel(action));
}

const coordinatorMayVerify = async (coordinatorId: number) =>
  decide((await loadActor(coordinatorId))!, 'ClubhouseCharge.verify', { status: 'pending' }).allowed;

describe('imported rule drafts (待审核) in the rule studio', () => {
  let director: Client;
  let assistant: Client;
  let itClient: Client;
  let coordinatorId: number;

  before(async () => {
    itStaff = await staff('system_admin');
    director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    assistant = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
    itClient = await signedInClient(itStaff.email, TEST_PASSWORD);
    coordinatorId = (await staff('coordinator')).id;
  });
  beforeEach(startClean);
  after(startClean);

  it('发布 publishes the reviewed drafts and leaves a 待审核 one pending, out of the checks, not live', async () => {
    const waiting = await importedDraft();
    const refund = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    const drafted = await send(
      director,
      'POST',
      '/api/authority/drafts',
      JSON.stringify({ ruleId: refund.id, rule: { priority: 3 } }),
      { 'content-type': 'application/json' },
    );
    expect(drafted.status, drafted.text).to.equal(201);

    const page = await send(director, 'GET', '/api/authority/drafts');
    const views = page.json.drafts as { id: number; needsReview: boolean; sourceNote: string; may: string[] }[];
    const view = views.find((d) => d.id === waiting.id)!;
    expect(view).to.include({ needsReview: true, sourceNote: SOURCE });
    expect(view.may).to.have.members(['RuleDraft.accept', 'RuleDraft.edit', 'RuleDraft.discard']);
    expect(views.find((d) => d.id === drafted.json.id)!.needsReview).to.equal(false);

    const { body } = await publishNote(director, '提高退押金规则的优先级');
    expect(body.notice?.type, JSON.stringify(body).slice(0, 400)).to.equal('success');
    expect(body.notice.message).to.include('涉及 1 条规则');
    expect((await RuleDraft.findByPk(drafted.json.id))!.status).to.equal('published');
    await waiting.reload();
    expect(waiting).to.include({ status: 'pending', needsReview: true });
    expect(await AuthorityRule.count({ where: { name: (waiting.proposed as { name: string }).name } })).to.equal(0);
    expect(await coordinatorMayVerify(coordinatorId)).to.equal(false);

    // With only 待审核 drafts left, 发布 says why there is nothing to publish; 放弃全部 leaves them too.
    const nothing = await publishNote(director, '再发一次');
    expect(nothing.body.record?.baseError?.message ?? nothing.body.notice?.message).to.include(
      '1 份导入的权限草稿待审核',
    );
    const discarded = await director.actOnResource('AuthorityRule', 'discardDrafts');
    expect(discarded.body.notice?.message).to.equal('已放弃 0 份草稿');
    expect((await waiting.reload()).status).to.equal('pending');
  });

  it('管理处主任 may accept (采纳) an imported draft; the next 发布 makes its rule live', async () => {
    const draft = await importedDraft();
    const { body } = await director.act('RuleDraft', draft.id, 'accept');
    expect(body.notice?.type, JSON.stringify(body).slice(0, 400)).to.equal('success');
    expect(body.notice.message).to.include('已采纳');
    await draft.reload();
    expect(draft).to.include({ status: 'pending', needsReview: false });
    expect(await AuditLog.count({ where: { action: 'RuleDraft.accept', recordId: String(draft.id) } })).to.equal(1);
    expect(await coordinatorMayVerify(coordinatorId), 'accepted is not yet published').to.equal(false);

    const published = await publishNote(director, '采纳导入的会所收费校核');
    expect(published.body.notice?.type, JSON.stringify(published.body).slice(0, 400)).to.equal('success');
    expect((await draft.reload()).status).to.equal('published');
    const rule = await AuthorityRule.findOne({ where: { name: (draft.proposed as { name: string }).name } });
    expect(rule?.clause).to.equal('收费员兼文员 职权3：校核会所收费');
    expect(await coordinatorMayVerify(coordinatorId)).to.equal(true);
  });

  it('客户服务助理 and 系统管理员 may not accept an imported draft; it stays 待审核', async () => {
    const draft = await importedDraft();
    expectRefused((await assistant.act('RuleDraft', draft.id, 'accept')).body, 'assistant', 'RuleDraft.accept');
    expect((await itClient.act('RuleDraft', draft.id, 'accept')).body.record?.baseError?.type).to.equal(
      'ForbiddenError',
    );
    await draft.reload();
    expect(draft).to.include({ status: 'pending', needsReview: true });
    expect(await AuditLog.count({ where: { action: 'RuleDraft.accept', recordId: String(draft.id) } })).to.equal(0);
  });

  it('the 采纳 button is offered on a 待审核 draft only, to the director only', async () => {
    const draft = await importedDraft();
    const shown = await director.show('RuleDraft', draft.id);
    const actions = (shown.body.record.recordActions as { name: string }[]).map((a) => a.name);
    expect(actions).to.include.members(['accept', 'edit', 'discard']);
    expect(shown.body.record.params).to.include({ origin: 'import', needsReview: true, sourceNote: SOURCE });
    const read = await assistant.show('RuleDraft', draft.id);
    expect((read.body.record.recordActions as { name: string }[]).map((a) => a.name)).to.not.include('accept');
    await director.act('RuleDraft', draft.id, 'accept');
    const after = await director.show('RuleDraft', draft.id);
    expect((after.body.record.recordActions as { name: string }[]).map((a) => a.name)).to.not.include('accept');
  });

  it('管理处主任 changes an imported draft in the rule form (修改): its rule is updated and it is reviewed', async () => {
    const draft = await importedDraft();
    const opened = await director.open('RuleDraft', draft.id, 'edit');
    expect(opened.body.record.params.name).to.equal((draft.proposed as { name: string }).name);
    expect(opened.body.record.params.conditions).to.include('"positionCode"');
    const name = `${PREFIX}助理校核会所收费`;
    const { body } = await director.edit('RuleDraft', draft.id, {
      name,
      effect: 'allow',
      actions: '["ClubhouseCharge.verify"]',
      conditions: JSON.stringify({
        all: [
          { fact: 'actor', path: 'positionCode', operator: 'in', value: ['assistant'] },
          { fact: 'record', path: 'status', operator: 'in', value: ['pending'] },
        ],
      }),
      priority: 2,
      enabled: 'true',
      clause: '收费员兼文员 职权3：校核会所收费（改由助理）',
      positionClauseId: '',
    });
    expect(body.notice?.type, JSON.stringify(body).slice(0, 600)).to.equal('success');
    await draft.reload();
    expect(draft.needsReview).to.equal(false);
    expect(draft.proposed).to.include({ name, priority: 2, clause: '收费员兼文员 职权3：校核会所收费（改由助理）' });
    expect(String((draft.proposed as { description: string }).description)).to.include('客户服务助理');
    expect(await AuditLog.count({ where: { action: 'RuleDraft.edit', recordId: String(draft.id) } })).to.equal(1);
  });

  it('a change that is not a valid rule is refused in Chinese and the draft stays as imported', async () => {
    const draft = await importedDraft();
    const before = JSON.stringify(draft.proposed);
    const { body } = await director.edit('RuleDraft', draft.id, { actions: '["ClubhouseCharge.fly"]', priority: 0 });
    expect(body.notice?.type).to.not.equal('success');
    const errors = JSON.stringify(body.record?.errors ?? {}) + String(body.record?.baseError?.message ?? '');
    expect(errors)
      .to.include('ClubhouseCharge.fly')
      .and.match(/优先级/);
    await draft.reload();
    expect(JSON.stringify(draft.proposed)).to.equal(before);
    expect(draft.needsReview).to.equal(true);
  });

  it('客户服务助理 may not change an imported draft; nothing is written', async () => {
    const draft = await importedDraft();
    const before = JSON.stringify(draft.proposed);
    const { body } = await assistant.edit('RuleDraft', draft.id, { priority: 9 });
    expectRefused(body, 'assistant', 'RuleDraft.edit');
    await draft.reload();
    expect(JSON.stringify(draft.proposed)).to.equal(before);
    expect(draft.needsReview).to.equal(true);
  });

  it('管理处主任 may discard (放弃) one draft; the others stay; 客户服务助理 may not', async () => {
    const [one, other] = [await importedDraft(), await importedDraft()];
    expectRefused((await assistant.act('RuleDraft', one.id, 'discard')).body, 'assistant', 'RuleDraft.discard');
    expect((await one.reload()).status).to.equal('pending');
    const { body } = await director.act('RuleDraft', one.id, 'discard');
    expect(body.notice?.type, JSON.stringify(body).slice(0, 400)).to.equal('success');
    expect((await one.reload()).status).to.equal('discarded');
    expect((await other.reload()).status).to.equal('pending');
    expect(await AuditLog.count({ where: { action: 'RuleDraft.discard', recordId: String(one.id) } })).to.equal(1);
  });

  it('accepted or discarded at once from several sessions: one outcome, the others told why in Chinese', async () => {
    const clients = await Promise.all(
      Array.from({ length: 3 }, async () => signedInClient((await staff('director')).email, TEST_PASSWORD)),
    );
    // Twice accepted: one 采纳, one audit line.
    const twice = await importedDraft();
    const accepts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => clients[i % 3].act('RuleDraft', twice.id, 'accept')),
    );
    expect(accepts.filter((r) => r.body.notice?.type === 'success')).to.have.length(1);
    for (const loser of accepts.filter((r) => r.body.notice?.type !== 'success'))
      expect(String(loser.body.record?.baseError?.message ?? loser.body.notice?.message)).to.match(/[\u4e00-\u9fa5]/);
    expect(await AuditLog.count({ where: { action: 'RuleDraft.accept', recordId: String(twice.id) } })).to.equal(1);

    // Accepted while being discarded: it ends discarded or accepted, as the audit log says, never both half-way.
    const raced = await importedDraft();
    const mixed = await Promise.all(
      Array.from({ length: 6 }, (_, i) => clients[i % 3].act('RuleDraft', raced.id, i % 2 ? 'discard' : 'accept')),
    );
    const wins = mixed.filter((r) => r.body.notice?.type === 'success');
    expect(wins.length).to.be.within(1, 2);
    for (const loser of mixed.filter((r) => r.body.notice?.type !== 'success'))
      expect(String(loser.body.record?.baseError?.message ?? '')).to.match(/[\u4e00-\u9fa5]/);
    await raced.reload();
    const accepted = await AuditLog.count({ where: { action: 'RuleDraft.accept', recordId: String(raced.id) } });
    const discarded = await AuditLog.count({ where: { action: 'RuleDraft.discard', recordId: String(raced.id) } });
    expect(accepted).to.be.at.most(1);
    expect(discarded).to.equal(1, 'a pending draft is discarded by exactly one request');
    expect(raced.status).to.equal('discarded');
    expect(wins).to.have.length(accepted + discarded);
  });

  it('the RuleDraft list shows 来源 and 待审核, and filters to the drafts waiting for review', async () => {
    const draft = await importedDraft();
    const refund = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    await send(
      director,
      'POST',
      '/api/authority/drafts',
      JSON.stringify({ ruleId: refund.id, rule: { priority: 4 } }),
      {
        'content-type': 'application/json',
      },
    );
    const waiting = await director.list('RuleDraft', { needsReview: 'true', status: 'pending' });
    expect(waiting.records.map((r: { id: string }) => Number(r.id))).to.deep.equal([draft.id]);
    const all = await director.list('RuleDraft', { status: 'pending' });
    const origins = Object.fromEntries(all.records.map((r: any) => [Number(r.id), r.params.origin]));
    expect(origins[draft.id]).to.equal('import');
    expect(Object.values(origins)).to.include('manual');
    const manual = await director.list('RuleDraft', { origin: 'manual', status: 'pending' });
    expect(manual.records.map((r: { id: string }) => Number(r.id))).to.not.include(draft.id);
  });
});

describe('rules whose clause an import changed (条款变动待复核)', () => {
  let director: Client;
  let assistant: Client;
  const NOTICE =
    '2026-12-04 导入「客户中心.docx」：客户服务收费员 职权1 已修改：原文「审核、检查是否可退装修押金」，现为「审核装修押金的退还」';

  before(async () => {
    director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    assistant = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
  });
  beforeEach(startClean);
  after(startClean);

  const flagged = async () => {
    const rule = (await AuthorityRule.findOne({ where: { name: REFUND_RULE } }))!;
    await rule.update({ clauseNotice: NOTICE });
    return rule;
  };

  it('the rule list and page say so; the director’s desk counts it and the imported drafts, linking to the lists', async () => {
    const rule = await flagged();
    const page = await director.show('AuthorityRule', rule.id);
    expect(page.body.record.params.clauseNotice).to.equal(`条款变动待复核：${NOTICE}`);
    const listed = await director.list('AuthorityRule', { clauseChanged: 'true' });
    expect(listed.records.map((r: { id: string }) => Number(r.id))).to.deep.equal([rule.id]);
    await RuleDraft.create({
      kind: 'create',
      origin: 'import',
      needsReview: true,
      sourceNote: SOURCE,
      proposed: proposedRule(`${PREFIX}工作台`),
    });
    const tiles = (await director.desk()).tiles as { label: string; count: number; href: string }[];
    expect(tiles.find((t) => t.label === '依据条款已变动、待复核的规则')).to.include({
      count: 1,
      href: '/admin/resources/AuthorityRule?filters.clauseChanged=true',
    });
    expect(tiles.find((t) => t.label === '待审核的导入权限草稿')).to.include({
      count: 1,
      href: '/admin/resources/RuleDraft?filters.status=pending&filters.needsReview=true',
    });
    const assistantTiles = (await assistant.desk()).tiles as { label: string }[];
    expect(assistantTiles.map((t) => t.label)).to.not.include('待审核的导入权限草稿');
  });

  it('管理处主任 may mark it reviewed (复核条款变动): the notice goes, the rule keeps its version; once only', async () => {
    const rule = await flagged();
    const version = rule.version;
    const { body } = await director.act('AuthorityRule', rule.id, 'reviewClause');
    expect(body.notice?.type, JSON.stringify(body).slice(0, 400)).to.equal('success');
    await rule.reload();
    expect(rule.clauseNotice).to.equal(null);
    expect(rule.version).to.equal(version);
    const line = await AuditLog.findOne({ where: { action: 'AuthorityRule.reviewClause', recordId: String(rule.id) } });
    expect(line?.changes).to.deep.equal({ clauseNotice: [NOTICE, null] });
    const again = await director.act('AuthorityRule', rule.id, 'reviewClause');
    expect(again.body.record?.baseError?.type).to.equal('ForbiddenError');
    const shown = await director.show('AuthorityRule', rule.id);
    expect((shown.body.record.recordActions as { name: string }[]).map((a) => a.name)).to.not.include('reviewClause');
  });

  it('客户服务助理 may not mark it reviewed; the notice stays', async () => {
    const rule = await flagged();
    expectRefused(
      (await assistant.act('AuthorityRule', rule.id, 'reviewClause')).body,
      'assistant',
      'AuthorityRule.reviewClause',
    );
    expect((await rule.reload()).clauseNotice).to.equal(NOTICE);
  });

  it('publishing a change to the rule is its review: the notice goes with the new version', async () => {
    const rule = await flagged();
    const drafted = await send(
      director,
      'POST',
      '/api/authority/drafts',
      JSON.stringify({ ruleId: rule.id, rule: { clause: '客户服务收费员 职权1：审核装修押金的退还' } }),
      { 'content-type': 'application/json' },
    );
    expect(drafted.status, drafted.text).to.equal(201);
    expect((await rule.reload()).clauseNotice, 'a draft alone is not a review').to.equal(NOTICE);
    const { body } = await publishNote(director, '按新条款改写依据');
    expect(body.notice?.type, JSON.stringify(body).slice(0, 400)).to.equal('success');
    await rule.reload();
    expect(rule.clauseNotice).to.equal(null);
    expect(rule.clause).to.equal('客户服务收费员 职权1：审核装修押金的退还');
  });
});
