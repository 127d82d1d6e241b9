import { expect } from 'chai';
import { Survey, SurveyQuestion, SurveyResponse, type SurveyStatus } from '../../src/models/index.js';
import { analyseSurvey, type SurveyAnalysis } from '../../src/domain/survey-report.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

type Answer = number | string | null;
interface Respondent {
  name: string;
  at: string;
  overall: number;
  answers: Answer[];
  comment?: string | null;
}

let yearCounter = 2046;

/** A survey with its questions (by text and kind) and responses (answers in question order). */
async function surveyOf(
  title: string,
  status: SurveyStatus,
  startedAt: string | null,
  questions: Array<[string, 'score' | 'text']>,
  respondents: Respondent[],
) {
  const collector = await staff('assistant');
  const survey = await Survey.create({
    title,
    ownerStaffId: collector.id,
    status,
    startedAt: startedAt ? new Date(startedAt) : null,
    closedAt: status === 'closed' && startedAt ? new Date(new Date(startedAt).getTime() + 20 * 86_400_000) : null,
  } as never);
  const rows: SurveyQuestion[] = [];
  for (const [i, [text, kind]] of questions.entries())
    rows.push(await SurveyQuestion.create({ surveyId: survey.id, number: i + 1, text, kind }));
  for (const r of respondents) {
    const answers = Object.fromEntries(
      r.answers.map((a, i) => [String(rows[i].id), a]).filter(([, a]) => a !== undefined),
    );
    await SurveyResponse.create({
      surveyId: survey.id,
      respondentName: r.name,
      collectedById: collector.id,
      collectedAt: new Date(r.at),
      overallScore: r.overall,
      answers,
      comment: r.comment ?? null,
    } as never);
  }
  return { survey, questions: rows };
}

/**
 * This year's survey (running, 5 responses) and the surveys around it: the previous closed one (same first question,
 * different second), an older closed one, a later closed one and an earlier one still running — only the first counts.
 */
async function surveysOfAYear() {
  const year = ++yearCounter;
  await surveyOf(
    `${year}年更早的调查`,
    'closed',
    `${year}-01-01T02:00:00Z`,
    [['服务态度', 'score']],
    [{ name: '甲', at: `${year}-01-02T02:00:00Z`, overall: 1, answers: [1] }],
  );
  const previous = await surveyOf(
    `${year}年第一季度满意度调查`,
    'closed',
    `${year}-02-01T02:00:00Z`,
    [
      ['服务态度', 'score'],
      ['绿化养护', 'score'],
    ],
    [
      { name: '乙', at: `${year}-02-02T02:00:00Z`, overall: 3, answers: [3, 5] },
      { name: '丙', at: `${year}-02-03T02:00:00Z`, overall: 4, answers: [3, 5] },
      { name: '丁', at: `${year}-02-04T02:00:00Z`, overall: 2, answers: [4, 5] },
    ],
  );
  await surveyOf(
    `${year}年未结束的调查`,
    'running',
    `${year}-03-01T02:00:00Z`,
    [['服务态度', 'score']],
    [{ name: '戊', at: `${year}-03-02T02:00:00Z`, overall: 5, answers: [5] }],
  );
  const current = await surveyOf(
    `${year}年第二季度满意度调查`,
    'running',
    `${year}-04-01T02:00:00Z`,
    [
      ['服务态度', 'score'],
      ['保洁质量', 'score'],
      ['其他意见', 'text'],
    ],
    [
      {
        name: '张三',
        at: `${year}-04-02T02:00:00Z`,
        overall: 5,
        answers: [5, 4, '前台很热情'],
        comment: '希望增加停车位',
      },
      { name: '李四', at: `${year}-04-03T02:00:00Z`, overall: 4, answers: [4, null, ''] },
      // 18:00 UTC is already the next day in Shanghai.
      { name: '王五', at: `${year}-04-04T18:00:00Z`, overall: 4, answers: [5, 3, '电梯维修太慢'], comment: '' },
      { name: '赵六', at: `${year}-04-04T02:00:00Z`, overall: 2, answers: [3, 2], comment: '保安夜间巡逻不够' },
      { name: '钱七', at: `${year}-04-01T03:00:00Z`, overall: 5, answers: [4, 5, '   '] },
    ],
  );
  await surveyOf(
    `${year}年第三季度满意度调查`,
    'closed',
    `${year}-07-01T02:00:00Z`,
    [['服务态度', 'score']],
    [{ name: '己', at: `${year}-07-02T02:00:00Z`, overall: 5, answers: [5] }],
  );
  return { year, previous, current };
}

const shares = (analysisPart: { distribution: { score: number; count: number; percent: number }[] }) =>
  analysisPart.distribution.map((d) => [d.score, d.count, d.percent]);

describe('调查分析 (Survey.report opened)', () => {
  it('客户服务协调员 sees the analysis: averages, spreads, comments and the comparison with the previous closed survey', async () => {
    const { year, previous, current } = await surveysOfAYear();
    const client = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
    const { status, body } = await client.open('Survey', current.survey.id, 'report');
    expect(status).to.equal(200);
    expect(body.record.baseError ?? null, JSON.stringify(body.notice)).to.equal(null);
    expect(String(body.record.id)).to.equal(String(current.survey.id));
    const analysis = JSON.parse(body.record.params.analysis) as SurveyAnalysis;

    expect(analysis.survey).to.include({
      id: current.survey.id,
      title: `${year}年第二季度满意度调查`,
      status: 'running',
    });
    expect(analysis).to.include({ responses: 5, average: 4.0, satisfied: 4, satisfactionRate: 80.0 });
    expect(shares(analysis)).to.deep.equal([
      [1, 0, 0],
      [2, 1, 20],
      [3, 0, 0],
      [4, 2, 40],
      [5, 2, 40],
    ]);

    const [attitude, cleaning] = analysis.scoreQuestions;
    expect(analysis.scoreQuestions).to.have.length(2);
    expect(attitude).to.include({
      number: 1,
      text: '服务态度',
      answered: 5,
      average: 4.2,
      previousAverage: 3.3,
      change: 0.9,
    });
    expect(shares(attitude)).to.deep.equal([
      [1, 0, 0],
      [2, 0, 0],
      [3, 1, 20],
      [4, 2, 40],
      [5, 2, 40],
    ]);
    expect(cleaning).to.include({
      number: 2,
      text: '保洁质量',
      answered: 4,
      average: 3.5,
      previousAverage: null,
      change: null,
    });
    expect(shares(cleaning)).to.deep.equal([
      [1, 0, 0],
      [2, 1, 25],
      [3, 1, 25],
      [4, 1, 25],
      [5, 1, 25],
    ]);

    expect(analysis.textQuestions).to.have.length(1);
    expect(analysis.textQuestions[0]).to.include({ number: 3, text: '其他意见', total: 2 });
    expect(analysis.textQuestions[0].items.map((c) => [c.respondentName, c.date, c.text])).to.deep.equal([
      ['王五', `${year}-04-05`, '电梯维修太慢'],
      ['张三', `${year}-04-02`, '前台很热情'],
    ]);
    expect(analysis.comments.total).to.equal(2);
    expect(analysis.comments.items.map((c) => [c.respondentName, c.date, c.text])).to.deep.equal([
      ['赵六', `${year}-04-04`, '保安夜间巡逻不够'],
      ['张三', `${year}-04-02`, '希望增加停车位'],
    ]);

    expect(analysis.previous).to.not.equal(null);
    expect(analysis.previous!.survey).to.include({ id: previous.survey.id, title: `${year}年第一季度满意度调查` });
    expect(analysis.previous).to.deep.include({ responses: 3, average: 3.0, satisfactionRate: 33.3 });
    expect(analysis.previous!.change).to.deep.equal({ responses: 2, average: 1.0, satisfactionRate: 46.7 });
  });

  it('writing the report (POST) uses the same figures, the comparison included', async () => {
    const { year, current } = await surveysOfAYear();
    const client = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
    const { body } = await client.act('Survey', current.survey.id, 'report');
    expect(body.notice.type, JSON.stringify(body.notice)).to.equal('success');
    await current.survey.reload();
    const report = current.survey.reportSummary ?? '';
    expect(report).to.contain('有效答卷：5 份');
    expect(report).to.contain('总体满意度平均分：4.0 分（满分 5 分）');
    expect(report).to.contain('满意率（总体评分 4 分及以上）：80.0%（4 份）');
    expect(report).to.contain(
      '总体评分分布：5 分 2 份（40.0%），4 分 2 份（40.0%），3 分 0 份（0.0%），2 分 1 份（20.0%），1 分 0 份（0.0%）',
    );
    expect(report).to.contain('1. 服务态度：4.2 分（5 人作答）');
    expect(report).to.contain('2. 保洁质量：3.5 分（4 人作答）');
    expect(report).to.contain('3. 其他意见：2 条意见');
    expect(report).to.contain('答卷意见与建议：2 条');
    expect(report).to.contain(`与上次调查《${year}年第一季度满意度调查》相比：`);
    expect(report).to.contain('有效答卷 3 份 → 5 份（+2）');
    expect(report).to.contain('总体满意度平均分 3.0 分 → 4.0 分（+1.0）');
    expect(report).to.contain('满意率 33.3% → 80.0%（+46.7 个百分点）');
    expect(report).to.contain('1. 服务态度：3.3 分 → 4.2 分（+0.9）');
    expect(report).to.not.contain('2. 保洁质量：—');
  });

  it('客户服务收费员 may neither open nor write it', async () => {
    const { current } = await surveysOfAYear();
    const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
    const opened = await client.open('Survey', current.survey.id, 'report');
    expect(opened.body.record.baseError.type).to.equal('ForbiddenError');
    expect(opened.body.record.baseError.message).to.match(/规则|没有任何规则/);
    expect(opened.body.record.params.analysis).to.equal(undefined);
    const written = await client.act('Survey', current.survey.id, 'report');
    expect(written.body.record.baseError.type).to.equal('ForbiddenError');
    await current.survey.reload();
    expect(current.survey.reportSummary).to.equal(null);
  });

  it('a draft survey opens with no responses, and its report is refused by its state', async () => {
    const { survey } = await surveyOf('尚在草拟的调查', 'draft', null, [['服务态度', 'score']], []);
    const client = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
    const opened = await client.open('Survey', survey.id, 'report');
    const analysis = JSON.parse(opened.body.record.params.analysis) as SurveyAnalysis;
    expect(analysis).to.include({ responses: 0, average: null, satisfactionRate: null });
    expect(analysis.scoreQuestions[0]).to.include({ answered: 0, average: null });
    const written = await client.act('Survey', survey.id, 'report');
    expect(written.body.notice).to.deep.equal({ message: '调查尚未开始，没有可分析的答卷', type: 'error' });
    await survey.reload();
    expect(survey.reportSummary).to.equal(null);
  });

  it('lists the newest 50 comments of many, and counts them all', async () => {
    const year = ++yearCounter;
    const respondents = Array.from({ length: 55 }, (_, i) => ({
      name: `业主${i + 1}`,
      at: new Date(Date.UTC(year, 4, 1) + i * 3_600_000).toISOString(),
      overall: 4,
      answers: [`第${i + 1}条`],
      comment: `备注${i + 1}`,
    }));
    // Collected out of order: the order is by collection time, not by entry.
    respondents.reverse();
    const { survey } = await surveyOf(
      `${year}年大量意见的调查`,
      'running',
      `${year}-05-01T00:00:00Z`,
      [['其他意见', 'text']],
      respondents,
    );
    const analysis = await analyseSurvey(survey.id);
    expect(analysis.textQuestions[0].total).to.equal(55);
    expect(analysis.textQuestions[0].items).to.have.length(50);
    expect(analysis.textQuestions[0].items[0].text).to.equal('第55条');
    expect(analysis.textQuestions[0].items[49].text).to.equal('第6条');
    expect(analysis.comments.total).to.equal(55);
    expect(analysis.comments.items.map((c) => c.text).slice(0, 2)).to.deep.equal(['备注55', '备注54']);
  });
});
