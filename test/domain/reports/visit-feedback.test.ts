// 回访意见汇总 against figures worked out by hand on a small known set of visits across the October/November 2018
// boundary in Shanghai time, against plain counts over every visit of the run, and through GET /api/reports/visitFeedback
// as the positions the rules name (and those they do not).
import { expect } from 'chai';
import { Op, type CreationAttributes } from 'sequelize';
import { ImprovementProposal, ReturnVisit, Ticket, type Department, type Staff } from '../../../src/models/index.js';
import { visitFeedback } from '../../../src/domain/reports/visit-feedback.js';
import { currentPeriod, periodBounds } from '../../../src/domain/reports/period.js';
import type { ReportResult, ReportSection } from '../../../src/domain/reports/report.js';
import { smallEstate, type SmallEstate } from '../../support/estate.js';
import { department, staff, TEST_PASSWORD } from '../../support/factories.js';
import { send, signedInClient } from '../../support/http.js';

const section = (result: ReportResult, key: string): ReportSection => result.sections!.find((s) => s.key === key)!;
const headline = (result: ReportResult, key: string) => result.headlines!.find((h) => h.key === key)!;
const at = (iso: string) => new Date(iso);

describe('回访意见汇总 (Report.visitFeedback)', function () {
  this.timeout(60_000);
  // November 2018 in Shanghai: 2018-10-31T16:00Z to 2018-11-30T16:00Z; no other test visits then.
  const P = '2018-11';
  let estate: SmallEstate;
  let d1: Department;
  let d2: Department;
  let visitor: Staff;
  let checker: Staff;
  let coordinator: Staff;
  let result: ReportResult;
  const numbers: string[] = [];

  async function visited(
    departmentId: number,
    category: Ticket['category'],
    visits: { at: string; score: number; feedback?: string; by?: Staff; spotOf?: number; finding?: string }[],
  ) {
    const unit = estate.units[numbers.length % estate.units.length];
    const ticket = await Ticket.create({
      channel: 'phone',
      category,
      title: '测试回访',
      reporterName: '李秀英',
      unitId: unit.id,
      ownerId: unit.ownerId,
      departmentId,
      registeredById: visitor.id,
      reportedAt: at('2018-10-01T02:00:00Z'),
      dueAt: at('2018-10-02T02:00:00Z'),
      dispatchedAt: at('2018-10-01T03:00:00Z'),
      completedAt: at('2018-10-01T05:00:00Z'),
      status: 'completed',
      result: '已处理',
    } as CreationAttributes<Ticket>);
    numbers.push(ticket.number);
    const made: ReturnVisit[] = [];
    for (const v of visits)
      made.push(
        await ReturnVisit.create({
          ticketId: ticket.id,
          visitorId: (v.by ?? visitor).id,
          visitedAt: at(v.at),
          method: 'phone',
          satisfaction: v.score,
          feedback: v.feedback ?? null,
          isSpotCheck: v.spotOf !== undefined,
          spotCheckOfId: v.spotOf ?? null,
          finding: v.finding ?? null,
        }),
      );
    return { ticket, made };
  }

  before(async () => {
    estate = await smallEstate(3);
    const tag = Date.now().toString(36);
    d1 = await department(`回访一部${tag}`);
    d2 = await department(`回访二部${tag}`);
    visitor = await staff('receptionist');
    checker = await staff('assistant');
    coordinator = await staff('coordinator');
    // 一部 repairs: 5 and 4 in November (the 4 at 23:59 on 30 November Shanghai), a 1 at 00:00 on 1 December (out).
    await visited(d1.id, 'repair', [{ at: '2018-11-03T02:00:00Z', score: 5, feedback: '很满意' }]);
    await visited(d1.id, 'repair', [{ at: '2018-11-30T15:59:00Z', score: 4 }]);
    await visited(d1.id, 'repair', [{ at: '2018-11-30T16:00:00Z', score: 1, feedback: '十二月的' }]);
    // 一部 complaints: a 2 on 1 November 00:30 Shanghai (in), a 5 on 31 October 23:30 Shanghai (out: October's).
    const complaint = await visited(d1.id, 'complaint', [
      { at: '2018-10-31T16:30:00Z', score: 2, feedback: '维修太慢' },
    ]);
    await visited(d1.id, 'complaint', [{ at: '2018-10-31T15:30:00Z', score: 5 }]);
    // 二部 inquiries: a 3 and a 1, by the coordinator.
    await visited(d2.id, 'inquiry', [{ at: '2018-11-10T02:00:00Z', score: 3, by: coordinator }]);
    await visited(d2.id, 'inquiry', [{ at: '2018-11-20T02:00:00Z', score: 1, feedback: '没人回电', by: coordinator }]);
    // A spot check of the complaint's visit, by the assistant: not a visit of the month's figures.
    await ReturnVisit.create({
      ticketId: complaint.ticket.id,
      visitorId: checker.id,
      visitedAt: at('2018-11-05T02:00:00Z'),
      method: 'phone',
      satisfaction: 2,
      isSpotCheck: true,
      spotCheckOfId: complaint.made[0].id,
      finding: '回访记录与业主说法不符',
    });
    await ImprovementProposal.create({
      period: P,
      departmentId: d1.id,
      category: 'complaint',
      finding: '投诉处理慢',
      proposal: '投诉当天回电',
      proposerId: coordinator.id,
    });
    await ImprovementProposal.create({
      period: '2018-10',
      finding: '十月的',
      proposal: '不属于十一月',
      proposerId: coordinator.id,
    });
    result = await visitFeedback({ period: P, communityId: estate.community.id });
  });

  it('groups the month’s visits (Shanghai time, spot checks apart) by department and category', () => {
    const rows = result.rows.map((r) => [r.department, r.category, r.visits, r.satisfied, r.dissatisfied, r.rate]);
    expect(rows).to.have.deep.members([
      [d1.name, '维修', 2, 2, 0, 1],
      [d1.name, '投诉', 1, 0, 1, 0],
      [d2.name, '咨询', 2, 0, 1, 0],
    ]);
    expect(result.totals).to.include({ visits: 5, satisfied: 2, neutral: 1, dissatisfied: 2, rate: 0.4, average: 3 });
  });

  it('headlines beside October: one visit then, satisfied', () => {
    expect(headline(result, 'visits')).to.include({ value: 5, previous: 1 });
    expect(headline(result, 'rate')).to.include({ value: 0.4, previous: 1 });
    expect(headline(result, 'spotChecks')).to.include({ value: 1, previous: 0 });
    expect(headline(result, 'proposals')).to.include({ value: 1, previous: 1 });
  });

  it('lists the visits, dissatisfied first, then by time, with the owner’s words', () => {
    const list = section(result, 'visits').rows.map((r) => [r.satisfaction, r.feedback, r.day]);
    expect(list).to.deep.equal([
      ['2 分 不满意', '维修太慢', '2018-11-01'],
      ['1 分 非常不满意', '没人回电', '2018-11-20'],
      ['5 分 非常满意', '很满意', '2018-11-03'],
      ['3 分 一般', '', '2018-11-10'],
      ['4 分 满意', '', '2018-11-30'],
    ]);
    expect(section(result, 'visits').note).to.equal('共 5 次回访。');
  });

  it('spot checks by department, with their findings', () => {
    expect(section(result, 'spotChecks').rows).to.deep.equal([
      { department: d1.name, checks: 1, dissatisfied: 1, findings: 1, average: 2 },
    ]);
    const [finding] = section(result, 'spotCheckFindings').rows;
    expect(finding).to.include({ department: d1.name, visitor: checker.name, finding: '回访记录与业主说法不符' });
  });

  it('the improvement proposals recorded against the month, linking to their pages', () => {
    const rows = section(result, 'proposals').rows;
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({
      finding: '投诉处理慢',
      proposal: '投诉当天回电',
      status: '已提出',
      proposer: coordinator.name,
    });
    expect(String(rows[0].href)).to.match(/^\/admin\/resources\/ImprovementProposal\/records\/\d+\/show$/);
  });

  it('filters by department and by the person who made the visit', async () => {
    const d2only = await visitFeedback({ period: P, communityId: estate.community.id, departmentId: d2.id });
    expect(d2only.totals).to.include({ visits: 2, dissatisfied: 1 });
    const byCoordinator = await visitFeedback({ period: P, communityId: estate.community.id, staffId: coordinator.id });
    expect(byCoordinator.totals.visits).to.equal(2);
  });

  it('over every visit of the run, the month’s totals equal plain counts', async () => {
    for (const period of [P, currentPeriod()]) {
      const { start, end } = periodBounds(period);
      const whole = await visitFeedback({ period });
      const where = { visitedAt: { [Op.gte]: start, [Op.lt]: end }, isSpotCheck: false };
      expect(whole.totals.visits, period).to.equal(await ReturnVisit.count({ where }));
      expect(whole.totals.satisfied, period).to.equal(
        await ReturnVisit.count({ where: { ...where, satisfaction: { [Op.gte]: 4 } } }),
      );
    }
  });

  describe('GET /api/reports/visitFeedback', () => {
    const url = `/api/reports/visitFeedback?period=${P}`;

    it('协调员 may read it, with the 记录改进意见 button for the month', async () => {
      const client = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
      const { status, body } = await client.json('GET', `${url}&communityId=${estate.community.id}`);
      expect(status).to.equal(200);
      expect(body.totals.visits).to.equal(5);
      expect(body.links).to.deep.include({
        label: '记录改进意见',
        href: `/admin/resources/ImprovementProposal/actions/new?period=${P}`,
        action: 'ImprovementProposal.new',
      });
    });

    it('接待员 reads it without the 记录改进意见 button (the rules give it the coordinator)', async () => {
      const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
      const { status, body } = await client.json('GET', url);
      expect(status).to.equal(200);
      expect(body.links.map((l: { label: string }) => l.label)).to.not.include('记录改进意见');
    });

    it('收费员 and 工程部主管 may not read it (403), nor anyone without a session (401)', async () => {
      for (const code of ['cashier', 'engineering_supervisor']) {
        const client = await signedInClient((await staff(code)).email, TEST_PASSWORD);
        const refused = await client.json('GET', url);
        expect(refused.status, code).to.equal(403);
        expect(refused.body.rows, code).to.equal(undefined);
      }
      expect((await send(null, 'GET', url)).status).to.equal(401);
    });
  });
});
