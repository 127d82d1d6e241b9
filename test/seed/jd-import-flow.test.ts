// 导入岗位职务说明书 end to end through the API the admin page uses: preview writes nothing, confirm applies exactly the
// preview (positions, clauses, supervisor links, 待审核 drafts), a re-import is a diff that flags the rules citing a
// changed or removed clause, and only 系统管理员 may import.
import crypto from 'node:crypto';
import { expect } from 'chai';
import { AuditLog, AuthorityRule, Position, PositionClause, RuleDraft, Staff } from '../../src/models/index.js';
import { decideWith } from '../../src/rules/decide.js';
import { loadActor } from '../../src/domain/actors.js';
import { loadRules } from '../../src/rules/store.js';
import { position as ensurePosition, staff, TEST_PASSWORD } from '../support/factories.js';
import { send, signedInClient, type Client } from '../support/http.js';

const client = async (code: string) => signedInClient((await staff(code)).email, TEST_PASSWORD);

/** The pasted-text form of the page (or a file, when `file` is given). */
function form(document: { text?: string; name?: string; file?: { name: string; bytes: Buffer } }, extra = {}) {
  const body = new FormData();
  if (document.file) body.append('file', new Blob([new Uint8Array(document.file.bytes)]), document.file.name);
  if (document.text !== undefined) body.append('text', document.text);
  if (document.name) body.append('name', document.name);
  for (const [key, value] of Object.entries(extra)) body.append(key, String(value));
  return body;
}

const preview = (session: Client | null, document: Parameters<typeof form>[0]) =>
  send(session, 'POST', '/api/job-descriptions/preview', form(document));
const confirm = (session: Client | null, document: Parameters<typeof form>[0], extra: Record<string, string>) =>
  send(session, 'POST', '/api/job-descriptions/import', form(document, extra));

async function counts() {
  return {
    positions: await Position.count(),
    clauses: await PositionClause.count(),
    drafts: await RuleDraft.count(),
    rules: await AuthorityRule.count(),
  };
}

function document(name: string, options: { authority1?: string; withDuty3?: boolean; supervisor?: string } = {}) {
  return [
    `岗位名称：${name}`,
    '所属部门：客户中心',
    `直接上级：${options.supervisor ?? '客户中心助理'}`,
    '岗位职责：',
    '1、负责管理处物管费及其他各项费用的收取。',
    '2、负责装修押金的收取、退还和统计。',
    ...(options.withDuty3 === false ? [] : ['3、完成公司交办的其他任务。']),
    '岗位权限：',
    `1、${options.authority1 ?? '审核、检查是否可退装修押金。'}`,
    '2、决定对拖欠物管费的业主是否进行催缴收费。',
    '任职资格：',
    '1、大专以上学历。',
  ].join('\n');
}

describe('导入岗位职务说明书 through the API', function () {
  this.timeout(60_000);
  let it_: Client;

  before(async () => {
    it_ = await client('system_admin');
    // The position the documents' 客户中心助理 means (the shipped document's, when the suite seeded it).
    await ensurePosition('assistant');
  });

  it('the preview shows positions, clauses, the supervisor link and proposals, and writes nothing', async () => {
    const name = `收费员兼文员${crypto.randomBytes(3).toString('hex')}`;
    const before = await counts();
    const answer = await preview(it_, { text: document(name), name: '收费员兼文员.txt' });
    expect(answer.status, answer.text).to.equal(200);
    expect(await counts()).to.deep.equal(before);

    const body = answer.json;
    expect(body.fileName).to.equal('收费员兼文员.txt');
    expect(body.digest).to.match(/^[0-9a-f]{32}$/);
    expect(body.positions).to.have.length(1);
    const [p] = body.positions;
    const assistant = await Position.findOne({ where: { code: 'assistant' } });
    expect(p).to.deep.include({
      name,
      department: '客户中心',
      supervisor: '客户中心助理',
      supervisorPositionId: assistant!.id,
      supervisorLinkedName: '客户服务助理',
      status: 'new',
      existingPositionId: null,
    });
    expect(p.clauses.map((c: any) => `${c.kind}${c.number}:${c.change}`)).to.deep.equal([
      'duty1:added',
      'duty2:added',
      'duty3:added',
      'authority1:added',
      'authority2:added',
      'qualification1:added',
    ]);
    const refund = body.proposals.find((x: any) => x.clause === '职权1');
    expect(refund, JSON.stringify(body.proposals)).to.not.equal(undefined);
    expect(refund.actions).to.include('RenovationDeposit.refund');
    expect(refund.status).to.equal('drafted');
    expect(refund.actionLabels.join('')).to.include('退押金');
    expect(body.totals.drafts).to.be.greaterThan(0);
  });

  it('confirming applies the preview: the position, its clauses and 待审核 drafts that govern nobody yet', async () => {
    const name = `收费员兼文员${crypto.randomBytes(3).toString('hex')}`;
    const doc = { text: document(name), name: `${name}.txt` };
    const shown = (await preview(it_, doc)).json;
    const answer = await confirm(it_, doc, { digest: shown.digest });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.json.positions).to.deep.equal({ created: 1, updated: 0, unchanged: 0 });
    expect(answer.json.clauses).to.deep.include({ created: 6, updated: 0, removed: 0 });
    expect(answer.json.drafts).to.have.length(shown.totals.drafts);

    const position = await Position.findOne({ where: { name } });
    const assistant = await Position.findOne({ where: { code: 'assistant' } });
    expect(position).to.deep.include({ supervisorText: '客户中心助理', supervisorPositionId: assistant!.id });
    expect(await PositionClause.count({ where: { positionId: position!.id } })).to.equal(6);

    const drafts = await RuleDraft.findAll({ where: { id: answer.json.drafts } });
    for (const draft of drafts) {
      expect(draft).to.deep.include({ kind: 'create', status: 'pending', origin: 'import', needsReview: true });
      expect(draft.sourceNote).to.include(`导入「${name}.txt」`);
    }
    const clause = await PositionClause.findOne({ where: { positionId: position!.id, kind: 'authority', number: 1 } });
    const refund = drafts.find(
      (d) =>
        (d.proposed as any).actions.includes('RenovationDeposit.refund') &&
        (d.proposed as any).positionClauseId === clause!.id,
    );
    expect(refund, 'a draft granting the refund, citing 职权1').to.not.equal(undefined);
    expect(refund!.sourceNote).to.include('职权1「审核、检查是否可退装修押金。」');
    expect((refund!.proposed as any).clause).to.include(`${name} 职权1`);

    // Nothing is live: someone holding the new position is refused the refund under the rules in force.
    const holder = await Staff.create({
      name: '兼职收费员',
      email: `jd${crypto.randomBytes(4).toString('hex')}@test.local`,
      passwordHash: 'x',
      positionId: position!.id,
    });
    const decision = decideWith(await loadRules(), await loadActor(holder.id), 'RenovationDeposit.refund', {
      status: 'held',
      inspectionResult: 'passed',
    });
    expect(decision.allowed).to.equal(false);

    const logged = await AuditLog.findOne({ where: { action: 'Position.import' }, order: [['id', 'DESC']] });
    expect(logged!.note).to.include(`「${name}.txt」`);
  });

  it('importing the same document again changes nothing and drafts nothing twice', async () => {
    const name = `收费员兼文员${crypto.randomBytes(3).toString('hex')}`;
    const doc = { text: document(name), name: 'a.txt' };
    await confirm(it_, doc, { digest: (await preview(it_, doc)).json.digest });
    const before = await counts();
    const again = (await preview(it_, doc)).json;
    expect(again.positions[0].status).to.equal('unchanged');
    expect(again.totals).to.deep.include({ added: 0, changed: 0, removed: 0, drafts: 0 });
    expect(again.proposals.every((p: any) => p.status !== 'drafted')).to.equal(true);
    const answer = await confirm(it_, doc, { digest: again.digest });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.json.positions).to.deep.equal({ created: 0, updated: 0, unchanged: 1 });
    expect(answer.json.drafts).to.deep.equal([]);
    expect(await counts()).to.deep.equal(before);
  });

  it('a re-import is a diff: a changed and a removed clause, and the rules citing them flagged, never deleted', async () => {
    const name = `收费员兼文员${crypto.randomBytes(3).toString('hex')}`;
    await confirm(
      it_,
      { text: document(name), name: 'v1.txt' },
      {
        digest: (await preview(it_, { text: document(name), name: 'v1.txt' })).json.digest,
      },
    );
    const position = await Position.findOne({ where: { name } });
    const authority1 = await PositionClause.findOne({
      where: { positionId: position!.id, kind: 'authority', number: 1 },
    });
    const duty3 = await PositionClause.findOne({ where: { positionId: position!.id, kind: 'duty', number: 3 } });
    const linked = await AuthorityRule.create({
      name: `退押金（${name}）`,
      actions: ['RenovationDeposit.refund'],
      conditions: { all: [{ fact: 'actor', path: 'positionName', operator: 'equal', value: name }] },
      clause: `${name} 职权1：审核、检查是否可退装修押金`,
      positionClauseId: authority1!.id,
      enabled: false,
    });
    const byText = await AuthorityRule.create({
      name: `其他任务（${name}）`,
      actions: ['WorkPlan.new'],
      conditions: { all: [{ fact: 'actor', path: 'positionName', operator: 'equal', value: name }] },
      clause: `${name} 职责3：完成公司交办的其他任务`,
      positionClauseId: duty3!.id,
      enabled: false,
    });

    const v2 = {
      text: document(name, { authority1: '审核是否可退还装修押金，并报主任。', withDuty3: false }),
      name: 'v2.txt',
    };
    const shown = (await preview(it_, v2)).json;
    const [p] = shown.positions;
    expect(p.status).to.equal('changed');
    const changed = p.clauses.find((c: any) => c.kind === 'authority' && c.number === 1);
    expect(changed).to.deep.include({ change: 'changed', before: '审核、检查是否可退装修押金。' });
    expect(p.removed).to.deep.equal([{ kind: 'duty', number: 3, text: '完成公司交办的其他任务。' }]);
    expect(shown.flaggedRules.map((r: any) => `${r.ruleId}:${r.change}`).sort()).to.deep.equal(
      [`${linked.id}:changed`, `${byText.id}:removed`].sort(),
    );

    const answer = await confirm(it_, v2, { digest: shown.digest });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.json.clauses).to.deep.include({ updated: 1, removed: 1 });
    expect(answer.json.flaggedRules.sort()).to.deep.equal([linked.id, byText.id].sort());
    await linked.reload();
    await byText.reload();
    expect(linked.clauseNotice).to.include('职权1 已修改').and.include('审核是否可退还装修押金');
    expect(byText.clauseNotice).to.include('职责3').and.include('已从文档中删除');
    expect(byText.positionClauseId).to.equal(null);
    expect(await PositionClause.findByPk(duty3!.id)).to.equal(null);
    expect((await PositionClause.findByPk(authority1!.id))!.text).to.equal('审核是否可退还装修押金，并报主任。');
  });

  it('a confirmation whose preview no longer holds is refused (409) and writes nothing', async () => {
    const name = `收费员兼文员${crypto.randomBytes(3).toString('hex')}`;
    const doc = { text: document(name), name: 'stale.txt' };
    const shown = (await preview(it_, doc)).json;
    const before = await counts();
    const edited = { text: document(name, { withDuty3: false }), name: 'stale.txt' };
    const answer = await confirm(it_, edited, { digest: shown.digest });
    expect(answer.status).to.equal(409);
    expect(answer.json.error).to.include('重新预览');
    expect(await counts()).to.deep.equal(before);
  });

  it('an unsure supervisor is offered as candidates and linked only to what IT picks', async () => {
    const name = `收费员兼文员${crypto.randomBytes(3).toString('hex')}`;
    const doc = { text: document(name, { supervisor: '客户服务主管' }), name: 'pick.txt' };
    const shown = (await preview(it_, doc)).json;
    const [p] = shown.positions;
    expect(p.supervisorPositionId).to.equal(null);
    expect(p.supervisorLinkedName).to.equal(null);
    const assistant = await Position.findOne({ where: { code: 'assistant' } });
    expect(p.supervisorCandidates.map((c: any) => c.name)).to.include('客户服务助理');

    const bad = await confirm(it_, doc, { digest: shown.digest, supervisors: JSON.stringify({ [name]: 'abc' }) });
    expect(bad.status).to.equal(422);
    expect(await Position.count({ where: { name } })).to.equal(0);

    const answer = await confirm(it_, doc, {
      digest: shown.digest,
      supervisors: JSON.stringify({ [name]: assistant!.id }),
    });
    expect(answer.status, answer.text).to.equal(200);
    const position = await Position.findOne({ where: { name } });
    expect(position).to.deep.include({ supervisorText: '客户服务主管', supervisorPositionId: assistant!.id });
  });

  it('bad input is refused in Chinese and writes nothing: no document, no position, an unsupported file', async () => {
    const before = await counts();
    const empty = await preview(it_, { text: '   ' });
    expect(empty.status).to.equal(422);
    expect(empty.json.error).to.include('请选择要导入的文件');
    const nothing = await preview(it_, { text: '这是一段与岗位无关的文字。\n第二行。', name: '随便.txt' });
    expect(nothing.status).to.equal(422);
    expect(nothing.json.error).to.include('随便.txt').and.include('没有找到任何岗位');
    const pdf = await preview(it_, { file: { name: '说明书.pdf', bytes: Buffer.from('%PDF-1.4\n') } });
    expect(pdf.status).to.equal(422);
    expect(pdf.json.error).to.include('说明书.pdf');
    const large = await preview(it_, { file: { name: '很大.txt', bytes: Buffer.alloc(5 * 1024 * 1024 + 1, 0x41) } });
    expect(large.status).to.equal(413);
    expect(large.json.error).to.include('很大.txt').and.include('5 MB');
    const noDigest = await confirm(it_, { text: document('无校验码岗位') }, {});
    expect(noDigest.status).to.equal(422);
    expect(await counts()).to.deep.equal(before);
  });

  it('系统管理员 may import; the cashier, the director and no session may not, and nothing is written', async () => {
    const name = `收费员兼文员${crypto.randomBytes(3).toString('hex')}`;
    const doc = { text: document(name), name: 'who.txt' };
    const digest = (await preview(it_, doc)).json.digest;
    const sessions = { cashier: await client('cashier'), director: await client('director') };
    const before = await counts();
    for (const [code, session] of Object.entries(sessions)) {
      const refusedPreview = await preview(session, doc);
      expect(refusedPreview.status, code).to.equal(403);
      expect(refusedPreview.json.error).to.be.a('string').and.not.equal('');
      const refused = await confirm(session, doc, { digest });
      expect(refused.status, code).to.equal(403);
    }
    expect((await preview(null, doc)).status).to.equal(401);
    expect(await counts()).to.deep.equal(before);
    const allowed = await confirm(it_, doc, { digest });
    expect(allowed.status, allowed.text).to.equal(200);
  });
});
