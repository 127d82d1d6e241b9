// 改进意见 through the admin API the UI uses: 协调员 records them (协调员 职权4) and edits their own while proposed;
// 助理 and 主任 follow them up (助理 职权1: adopted or not, then done); the front desk reads them. Each authority with
// the position that may and one that may not — and a refused request writes nothing. Following up is a one-way step:
// several follow-ups sent at once leave exactly one.
import { expect } from 'chai';
import { AuditLog, ImprovementProposal, type Staff } from '../../src/models/index.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { signedInClient, type Client } from '../support/http.js';

async function as(code: string): Promise<{ member: Staff; client: Client }> {
  const member = await staff(code);
  return { member, client: await signedInClient(member.email, TEST_PASSWORD) };
}

const proposalOf = (proposer: Staff, fields: Partial<ImprovementProposal> = {}) =>
  ImprovementProposal.create({
    period: '2026-11',
    finding: `维修回访不满意集中在夜间报修 ${Date.now()}`,
    proposal: '夜间报修次日上午回电',
    proposerId: proposer.id,
    ...fields,
  } as ImprovementProposal);

const refusal = (body: any) => body.record?.baseError;

describe('改进意见 (ImprovementProposal)', function () {
  this.timeout(60_000);

  it('协调员 may record one for a month: the proposer is the coordinator, whoever the form names', async () => {
    const { member, client } = await as('coordinator');
    const someoneElse = await staff('assistant');
    const finding = `投诉回访不满意偏多 ${Date.now()}`;
    const { body } = await client.create('ImprovementProposal', {
      period: '2026-11',
      category: 'complaint',
      finding,
      proposal: '投诉当天回电，三天内回访',
      proposerId: someoneElse.id,
      status: 'done',
    });
    expect(body.notice?.type, JSON.stringify(body).slice(0, 300)).to.equal('success');
    const row = await ImprovementProposal.findOne({ where: { finding } });
    expect(row).to.include({ proposerId: member.id, status: 'proposed', period: '2026-11', category: 'complaint' });
  });

  it('接待员 may not record one: refused with the reason, nothing written', async () => {
    const { client } = await as('receptionist');
    const finding = `接待员写的 ${Date.now()}`;
    const { body } = await client.create('ImprovementProposal', { period: '2026-11', finding, proposal: '—' });
    expect(refusal(body)?.type).to.equal('ForbiddenError');
    expect(refusal(body).message).to.include('客户接待员');
    expect(await ImprovementProposal.count({ where: { finding } })).to.equal(0);
  });

  it('a month that is not YYYY-MM is refused in words, nothing written', async () => {
    const { client } = await as('coordinator');
    const finding = `月份不对 ${Date.now()}`;
    const { body } = await client.create('ImprovementProposal', { period: '2026-13', finding, proposal: '—' });
    expect(JSON.stringify(body.record?.errors ?? {})).to.include('回访月份格式应为 YYYY-MM');
    expect(await ImprovementProposal.count({ where: { finding } })).to.equal(0);
  });

  it('协调员 may edit their own proposal while it is proposed', async () => {
    const { member, client } = await as('coordinator');
    const row = await proposalOf(member);
    const { body } = await client.edit('ImprovementProposal', row.id, { proposal: '夜间报修当晚回电' });
    expect(body.notice?.type, JSON.stringify(body).slice(0, 300)).to.equal('success');
    expect((await row.reload()).proposal).to.equal('夜间报修当晚回电');
  });

  it('another 协调员 may not edit it: refused, nothing changed', async () => {
    const author = await staff('coordinator');
    const { client } = await as('coordinator');
    const row = await proposalOf(author);
    const { body } = await client.edit('ImprovementProposal', row.id, { proposal: '改掉别人的' });
    expect(refusal(body)?.type).to.equal('ForbiddenError');
    expect((await row.reload()).proposal).to.equal('夜间报修次日上午回电');
  });

  it('助理 may follow one up: adopted, with what was found, by whom and when', async () => {
    const author = await staff('coordinator');
    const { member, client } = await as('assistant');
    const row = await proposalOf(author);
    const { body } = await client.act('ImprovementProposal', row.id, 'follow', {
      outcome: 'adopted',
      note: '工程部同意，下周起执行',
    });
    expect(body.notice?.type, JSON.stringify(body).slice(0, 300)).to.equal('success');
    await row.reload();
    expect(row).to.include({ status: 'adopted', followUpNote: '工程部同意，下周起执行', followedById: member.id });
    expect(row.followedAt).to.be.instanceOf(Date);
  });

  it('协调员 may not follow one up (助理 职权1): refused, nothing changed', async () => {
    const { member, client } = await as('coordinator');
    const row = await proposalOf(member);
    const { body } = await client.act('ImprovementProposal', row.id, 'follow', {
      outcome: 'adopted',
      note: '自己采纳',
    });
    expect(refusal(body)?.type).to.equal('ForbiddenError');
    expect((await row.reload()).status).to.equal('proposed');
  });

  it('主任 may record an adopted one as done; a proposal is not done before it is adopted', async () => {
    const author = await staff('coordinator');
    const { client } = await as('director');
    const fresh = await proposalOf(author);
    const skipped = await client.act('ImprovementProposal', fresh.id, 'follow', { outcome: 'done', note: '已落实' });
    expect(skipped.body.notice?.type).to.equal('error');
    expect(JSON.stringify(skipped.body)).to.include('落实要在采纳之后');
    expect((await fresh.reload()).status).to.equal('proposed');

    const adopted = await proposalOf(author, { status: 'adopted', followUpNote: '已采纳' });
    const { body } = await client.act('ImprovementProposal', adopted.id, 'follow', {
      outcome: 'done',
      note: '十二月回访无同类投诉',
    });
    expect(body.notice?.type, JSON.stringify(body).slice(0, 300)).to.equal('success');
    await adopted.reload();
    expect(adopted.status).to.equal('done');
    expect(adopted.followUpNote).to.equal('已采纳\n十二月回访无同类投诉');
  });

  it('a done or rejected proposal is not followed up again (the rules cover proposed and adopted only)', async () => {
    const author = await staff('coordinator');
    const { client } = await as('assistant');
    const rejected = await proposalOf(author, { status: 'rejected' });
    const { body } = await client.act('ImprovementProposal', rejected.id, 'follow', { outcome: 'done', note: '—' });
    expect(refusal(body)?.type ?? body.notice?.type).to.be.oneOf(['ForbiddenError', 'error']);
    expect((await rejected.reload()).status).to.equal('rejected');
  });

  it('follow-ups sent at once are taken once: one adoption, one audit line', async () => {
    const author = await staff('coordinator');
    const row = await proposalOf(author);
    const clients = await Promise.all([as('assistant'), as('assistant'), as('director')]);
    const answers = await Promise.all(
      clients.map(({ client }, i) =>
        client.act('ImprovementProposal', row.id, 'follow', { outcome: 'adopted', note: `第 ${i + 1} 次` }),
      ),
    );
    const succeeded = answers.filter((a) => a.body.notice?.type === 'success');
    expect(succeeded, JSON.stringify(answers.map((a) => a.body.notice))).to.have.length(1);
    await row.reload();
    expect(row.status).to.equal('adopted');
    expect(row.followUpNote).to.match(/^第 \d 次$/);
    expect(
      await AuditLog.count({
        where: { resource: 'ImprovementProposal', recordId: String(row.id), action: 'ImprovementProposal.follow' },
      }),
    ).to.equal(1);
  });

  it('接待员 may read the list; 收费员 may not', async () => {
    const reception = await as('receptionist');
    const listed = await reception.client.list('ImprovementProposal', {}, { perPage: 5 });
    expect(listed.record?.baseError, JSON.stringify(listed).slice(0, 300)).to.equal(undefined);
    expect(listed.records).to.be.an('array');
    const cashier = await as('cashier');
    const refused = await cashier.client.list('ImprovementProposal', {}, { perPage: 5 });
    expect(refused.records ?? []).to.have.length(0);
  });
});
