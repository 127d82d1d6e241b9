// The 报表 group's framework: GET /api/reports/<name> decided by `Report.<name>` (401, 403 with the reason and a
// decision-log line, 404, 422 for bad filters), the reports each person may read, the .xlsx and the print page of
// the same figures, the report pages in the admin, and 满意度调查统计's figures against the responses themselves.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { Op } from 'sequelize';
import { AuthorityRule, DecisionLog, Survey, SurveyQuestion, SurveyResponse, Ticket } from '../../src/models/index.js';
import { refreshRules } from '../../src/rules/store.js';
import { shanghaiDay } from '../../src/lib/shanghai.js';
import { restoreRulesAndTests } from '../support/rule-changes.js';
import { actionsProblem } from '../../src/rules/validate.js';
import { REPORTS } from '../../src/domain/reports/index.js';
import { REPORT_ACTIONS } from '../../src/rules/catalogue.js';
import { send, signedInClient, testServer, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

const get = (client: Client | null, path: string) => send(client, 'GET', path);

async function clientFor(code: string) {
  return signedInClient((await staff(code)).email, TEST_PASSWORD);
}

/** A survey started on `startedAt` with one score question and responses scored `overall` (and 4 on the question). */
async function survey(title: string, startedAt: string, overall: number[]) {
  const assistant = await staff('assistant');
  const created = await Survey.create({
    title,
    period: title,
    ownerStaffId: assistant.id,
    status: 'closed',
    startedAt: new Date(startedAt),
    closedAt: new Date(new Date(startedAt).getTime() + 10 * 86_400_000),
  } as never);
  const question = await SurveyQuestion.create({ surveyId: created.id, number: 1, text: '维修及时', kind: 'score' });
  for (const [i, score] of overall.entries()) {
    await SurveyResponse.create({
      surveyId: created.id,
      respondentName: `业主${i}`,
      collectedById: assistant.id,
      collectedAt: new Date(new Date(startedAt).getTime() + 86_400_000),
      overallScore: score,
      answers: { [String(question.id)]: 4 },
    } as never);
  }
  return created;
}

describe('reports — the API, the export, the print page and the pages', () => {
  let assistant: Client;
  let garage: Client;

  before(async () => {
    assistant = await clientFor('assistant');
    garage = await clientFor('garage_keeper');
    await survey('2031年第一季度', '2031-02-10T02:00:00Z', [5, 4, 2]);
    await survey('2031年第二季度', '2031-05-06T02:00:00Z', [5, 5, 3, 1]);
    await survey('<b>特别调查</b>', '2031-06-02T02:00:00Z', [4]);
    // Started on 1 July in Shanghai (30 June in UTC): outside a June report.
    await survey('2031年第三季度', '2031-06-30T17:00:00Z', [1]);
  });

  it('every report of the registry is a catalogued action and every catalogued report is registered', () => {
    expect(REPORTS.map((r) => `Report.${r.name}`).sort()).to.deep.equal(Object.keys(REPORT_ACTIONS).sort());
  });

  it('answers 401 without a session, for the data, the workbook and the print page', async () => {
    expect((await get(null, '/api/reports/satisfaction')).status).to.equal(401);
    expect((await get(null, '/api/reports/satisfaction.xlsx')).status).to.equal(401);
    const print = await get(null, '/admin/print/Report/satisfaction');
    expect(print.status).to.equal(401);
    expect(print.text).to.include('请先登录');
  });

  it('客户服务助理 may read 满意度调查统计; its figures are the responses’ own', async () => {
    const answer = await get(assistant, '/api/reports/satisfaction?period=2031-06');
    expect(answer.status, answer.text).to.equal(200);
    const { rows, totals, columns, charts, report } = answer.json;
    expect(report.title).to.equal('满意度调查统计');
    expect(columns.map((c: { label: string }) => c.label)).to.include.members(['调查', '答卷', '满意率']);
    const mine = rows.filter((r: { title: string }) => r.title.startsWith('2031'));
    expect(mine.map((r: { title: string }) => r.title)).to.deep.equal(['2031年第一季度', '2031年第二季度']);
    expect(mine[0]).to.include({ responses: 3, satisfied: 2 });
    expect(mine[0].average).to.be.closeTo(11 / 3, 1e-9);
    expect(mine[1]).to.include({ responses: 4, satisfied: 2, rate: 0.5 });
    // The totals, computed again from the listed surveys' responses.
    const listed = await Survey.findAll({ where: { title: rows.map((r: { title: string }) => r.title) } });
    const responses = await SurveyResponse.findAll({ where: { surveyId: listed.map((s) => s.id) } });
    expect(totals.responses).to.equal(responses.length);
    expect(totals.satisfied).to.equal(responses.filter((r) => r.overallScore >= 4).length);
    expect(totals.average).to.be.closeTo(responses.reduce((s, r) => s + r.overallScore, 0) / responses.length, 1e-9);
    expect(charts.map((c: { title: string }) => c.title)).to.include('历次调查满意率');
    // The latest survey with answers (特别调查, one response) against the one before it (第二季度, 2 of 4 satisfied).
    const rate = answer.json.headlines.find((h: { key: string }) => h.key === 'latestRate');
    expect(rate).to.include({ value: 1, previous: 0.5 });
    const [question] = answer.json.sections[0].rows;
    expect(question).to.include({
      text: '维修及时',
      answered: 1,
      score4: 1,
      score5: 0,
      average: 4,
      previousAverage: 4,
    });
  });

  it('车库管理员 may not: 403 with the rule’s reason, a decision-log line, and no figures', async () => {
    const before = await DecisionLog.count({ where: { action: 'Report.satisfaction', allowed: false } });
    const answer = await get(garage, '/api/reports/satisfaction?period=2031-06');
    expect(answer.status).to.equal(403);
    expect(answer.json.message).to.match(/没有任何规则允许|不能/);
    expect(answer.json.rows).to.equal(undefined);
    expect(await DecisionLog.count({ where: { action: 'Report.satisfaction', allowed: false } })).to.equal(before + 1);
    expect((await get(garage, '/api/reports/satisfaction.xlsx')).status).to.equal(403);
    const print = await get(garage, '/admin/print/Report/satisfaction');
    expect(print.status).to.equal(403);
    expect(print.text).to.include('没有权限');
  });

  it('bad filters are refused in Chinese; an unknown report is 404', async () => {
    const period = await get(assistant, '/api/reports/satisfaction?period=2031-13');
    expect(period.status).to.equal(422);
    expect(period.json.message).to.include('统计期间');
    const community = await get(assistant, '/api/reports/collection?period=2031-06&communityId=abc');
    expect(community.status).to.equal(422);
    expect(community.json.message).to.include('小区');
    // Larger than an INTEGER column holds: refused in words, not a database error.
    const huge = await get(assistant, '/api/reports/collection?period=2031-06&communityId=9999999999');
    expect(huge.status).to.equal(422);
    const options = await get(assistant, '/api/reports/options?communityId=9999999999');
    expect(options.status).to.equal(200);
    const unknown = await get(assistant, '/api/reports/constructor');
    expect(unknown.status).to.equal(404);
    expect(unknown.json.message).to.include('报表');
  });

  it('each person is offered the reports their rules allow', async () => {
    const names = async (code: string) =>
      ((await get(await clientFor(code), '/api/reports')).json as { name: string }[]).map((r) => r.name).sort();
    expect(await names('receptionist')).to.deep.equal(['monthlyTickets', 'visitFeedback']);
    expect(await names('cashier')).to.include.members(['collection', 'deposits', 'arrearsAgeing', 'dunningResults']);
    expect(await names('cashier')).not.to.include('monthlyTickets');
    expect(await names('garage_keeper')).to.deep.equal([]);
    expect((await get(garage, '/api/reports/options')).status).to.equal(403);
  });

  it('the workbook holds the same figures, with Chinese headers', async () => {
    const server = await testServer();
    const raw = await fetch(`${server.url}/api/reports/satisfaction.xlsx?period=2031-06`, {
      headers: { cookie: assistant.cookieHeader() },
    });
    expect(raw.status).to.equal(200);
    expect(raw.headers.get('content-disposition')).to.include(encodeURIComponent('满意度调查统计'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await raw.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).to.include.members(['概览', '满意度调查统计']);
    const sheet = book.getWorksheet('满意度调查统计')!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header).to.include.members(['调查', '答卷', '满意率']);
    const titles = sheet.getColumn(1).values as unknown[];
    expect(titles).to.include('2031年第二季度');
  });

  it('the print page shows the report with its figures, escaped', async () => {
    const print = await get(assistant, '/admin/print/Report/satisfaction?period=2031-06');
    expect(print.status, print.text).to.equal(200);
    expect(print.headers.get('content-type')).to.include('text/html');
    expect(print.text).to.include('满意度调查统计');
    expect(print.text).to.include('2031年6月');
    expect(print.text).to.include('2031年第二季度');
    expect(print.text).to.include('<svg');
    expect(print.text).to.include('&lt;b&gt;特别调查&lt;/b&gt;');
    expect(print.text).not.to.include('<b>特别调查');
  });

  it('a report page is in the admin for whoever may read it, and refused for anyone else', async () => {
    const allowed = await assistant.request('GET', '/admin/api/resources/ReportSatisfaction/actions/list');
    expect(allowed.status).to.equal(200);
    const refused = await garage.request('GET', '/admin/api/resources/ReportSatisfaction/actions/list');
    const body = (await refused.json()) as { notice?: { type: string } };
    expect(refused.status === 403 || body.notice?.type === 'error').to.equal(true);
  });

  describe('我的工作台 charts', () => {
    afterEach(() => restoreRulesAndTests());
    const desk = async (client: Client) =>
      (await get(client, '/api/reports/desk')).json as { key: string; report: string; href: string; chart: any }[];

    it('each person gets the charts of their work, each linking to its report', async () => {
      const reception = await desk(await clientFor('receptionist'));
      expect(reception.map((c) => c.key)).to.deep.equal(['ticketsPerDay', 'overdueTrend']);
      expect(reception[0].href).to.equal('/admin/resources/ReportMonthlyTickets');
      const cashier = await desk(await clientFor('cashier'));
      expect(cashier.map((c) => c.key)).to.deep.equal(['collectionsAgainstLastMonth', 'collectionRate']);
      expect(cashier[1].chart.valueKind).to.equal('rate');
      expect((await desk(await clientFor('director'))).map((c) => c.key)).to.deep.equal([
        'collectionRate',
        'onTimeRate',
        'ticketsPerDay',
      ]);
      expect(await desk(garage)).to.deep.equal([]);
      expect((await get(null, '/api/reports/desk')).status).to.equal(401);
    });

    it('the tickets per day are the tickets reported on each Shanghai day', async () => {
      const [perDay] = await desk(await clientFor('receptionist'));
      const { series, labels } = perDay.chart as { labels: string[]; series: { values: number[] }[] };
      expect(labels).to.have.length(30);
      const today = shanghaiDay(new Date());
      const start = new Date(`${today}T00:00:00+08:00`);
      const count = await Ticket.count({
        where: { reportedAt: { [Op.gte]: start, [Op.lt]: new Date(start.getTime() + 86_400_000) } },
      });
      expect(labels.at(-1)).to.equal(today.slice(5));
      expect(series[0].values.at(-1)).to.equal(count);
    });

    it('a chart goes when the rule that lets the person read its report is switched off', async () => {
      const reception = await clientFor('receptionist');
      await AuthorityRule.update({ enabled: false }, { where: { name: '查看月度报事统计' } });
      await refreshRules();
      expect(await desk(reception)).to.deep.equal([]);
    });
  });

  describe('reports in the rules', () => {
    it('a rule may name one report or all of them (Report.*); an unknown report is refused with the near one', () => {
      expect(actionsProblem(['Report.collection'])).to.equal(null);
      expect(actionsProblem(['Report.*'])).to.equal(null);
      expect(actionsProblem(['Report.colection'])).to.include('Report.collection');
    });

    it('the rule editor offers the 报表 group and the matrix names it in Chinese', async () => {
      const director = await clientFor('director');
      const editor = await send(director, 'GET', '/api/authority/editor');
      const group = editor.json.actions.find((g: { resource: string }) => g.resource === 'Report');
      expect(group.label).to.equal('报表');
      expect(group.actions.map((a: { code: string }) => a.code)).to.include.members([
        'Report.monthlyTickets',
        'Report.*',
      ]);
      expect(group.actions.find((a: { code: string }) => a.code === 'Report.collection').label).to.equal(
        '查看报表「收费统计」',
      );
      const matrix = await send(director, 'GET', '/api/authority/matrix');
      const rows = (matrix.json.rows ?? matrix.json) as { action: string; resourceLabel: string }[];
      expect(rows.find((r) => r.action === 'Report.deposits')?.resourceLabel).to.equal('报表');
    });
  });
});
