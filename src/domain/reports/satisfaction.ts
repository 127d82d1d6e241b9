// 满意度调查统计 (助理 职责2, 协调员 职责7): the trend across the office's surveys up to the chosen month — responses,
// average overall score and satisfaction rate per survey — and, for the latest of them, the spread of scores overall
// and per question (as the analysis of Survey.report counts them), each counted by the database.
import { Op, QueryTypes } from 'sequelize';
import { isPostgres, sequelize } from '../../db.js';
import { Survey, SurveyQuestion } from '../../models/index.js';
import { valueLabel } from '../../vocabulary/fields.js';
import { shanghaiDay } from '../../lib/shanghai.js';
import { periodBounds } from './period.js';
import type { ReportDefinition, ReportFilters, ReportResult, ReportRow } from './report.js';

/** How many surveys the trend shows, newest last. */
export const SURVEYS_SHOWN = 12;
const SATISFIED_FROM = 4;
const SCORE_WORDS = ['非常不满意', '不满意', '一般', '满意', '非常满意'];

interface SurveyFigures {
  surveyId: number;
  responses: number;
  scoreSum: number;
  satisfied: number;
}

async function figuresOf(surveyIds: number[]): Promise<Map<number, SurveyFigures>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await sequelize.query<{ surveyId: number; responses: number; scoreSum: number; satisfied: number }>(
    `SELECT "surveyId", COUNT(*) AS responses, SUM("overallScore") AS "scoreSum",
            SUM(CASE WHEN "overallScore" >= :satisfiedFrom THEN 1 ELSE 0 END) AS satisfied
       FROM "SurveyResponse" WHERE "surveyId" IN (:surveyIds) GROUP BY "surveyId"`,
    { type: QueryTypes.SELECT, replacements: { surveyIds, satisfiedFrom: SATISFIED_FROM } },
  );
  return new Map(
    rows.map((row) => [
      Number(row.surveyId),
      {
        surveyId: Number(row.surveyId),
        responses: Number(row.responses),
        scoreSum: Number(row.scoreSum),
        satisfied: Number(row.satisfied),
      },
    ]),
  );
}

/** One score answer of a response: `answers` holds { "<question id>": 1–5 | text }. */
const answerSql = (questionId: number) =>
  isPostgres ? `("answers" ->> '${questionId}')` : `json_extract("answers", '$."${questionId}"')`;

/** How many gave each score 1–5, overall (`null`) or to one question, counted by the database. */
async function spreadOf(surveyId: number, questionId: number | null): Promise<number[]> {
  const value = questionId === null ? '"overallScore"' : answerSql(questionId);
  const rows = await sequelize.query<{ score: unknown; answers: unknown }>(
    `SELECT ${value} AS score, COUNT(*) AS answers FROM "SurveyResponse" WHERE "surveyId" = :surveyId GROUP BY ${value}`,
    { type: QueryTypes.SELECT, replacements: { surveyId } },
  );
  const counts = [0, 0, 0, 0, 0];
  for (const row of rows) {
    const score = Number(row.score);
    if (Number.isInteger(score) && score >= 1 && score <= 5) counts[score - 1] += Number(row.answers);
  }
  return counts;
}

const averageOf = (counts: number[]) => {
  const answered = counts.reduce((a, b) => a + b, 0);
  return answered ? counts.reduce((sum, count, i) => sum + count * (i + 1), 0) / answered : null;
};

/** The score questions of a survey with their spreads; `previous` the same questions (same text) of the survey before. */
async function questionSpreads(surveyId: number, previousId: number | null) {
  const questions = await SurveyQuestion.findAll({
    where: { surveyId: previousId ? [surveyId, previousId] : surveyId, kind: 'score' },
    order: [['number', 'ASC']],
  });
  const current = questions.filter((q) => q.surveyId === surveyId);
  const before = new Map(questions.filter((q) => q.surveyId === previousId).map((q) => [q.text, q]));
  return Promise.all(
    current.map(async (question) => {
      const counts = await spreadOf(surveyId, question.id);
      const earlier = before.get(question.text);
      return {
        number: question.number,
        text: question.text,
        counts,
        average: averageOf(counts),
        previousAverage: earlier ? averageOf(await spreadOf(previousId!, earlier.id)) : null,
      };
    }),
  );
}

export async function satisfactionReport(filters: ReportFilters): Promise<ReportResult> {
  const { end } = periodBounds(filters.period);
  // Surveys that had started by the end of the month, the latest SURVEYS_SHOWN of them.
  const surveys = (
    await Survey.findAll({
      where: { startedAt: { [Op.ne]: null, [Op.lt]: end } },
      order: [
        ['startedAt', 'DESC'],
        ['id', 'DESC'],
      ],
      limit: SURVEYS_SHOWN,
    })
  ).reverse();
  const figures = await figuresOf(surveys.map((s) => s.id));
  const rows: ReportRow[] = surveys.map((survey) => {
    const f = figures.get(survey.id);
    const responses = f?.responses ?? 0;
    return {
      title: survey.title,
      period: survey.period ?? '',
      status: valueLabel('Survey', 'status', survey.status),
      startedOn: survey.startedAt ? shanghaiDay(survey.startedAt) : '',
      responses,
      average: responses ? f!.scoreSum / responses : null,
      satisfied: f?.satisfied ?? 0,
      rate: responses ? f!.satisfied / responses : null,
    };
  });
  const responses = rows.reduce((sum, row) => sum + Number(row.responses), 0);
  const satisfied = rows.reduce((sum, row) => sum + Number(row.satisfied), 0);
  const scoreSum = [...figures.values()].reduce((sum, f) => sum + f.scoreSum, 0);

  const answered = surveys.filter((survey) => (figures.get(survey.id)?.responses ?? 0) > 0);
  const latest = answered.at(-1) ?? null;
  const previous = answered.at(-2) ?? null;
  const withResponses = rows.filter((row) => Number(row.responses) > 0);
  const figuresOfSurvey = (survey: Survey | null) => {
    const f = survey ? figures.get(survey.id) : undefined;
    return f && f.responses > 0
      ? { responses: f.responses, average: f.scoreSum / f.responses, rate: f.satisfied / f.responses }
      : null;
  };
  const now = figuresOfSurvey(latest);
  const before = figuresOfSurvey(previous);
  const [overall, questions] = latest
    ? await Promise.all([spreadOf(latest.id, null), questionSpreads(latest.id, previous?.id ?? null)])
    : [[], []];

  const result: ReportResult = {
    columns: [
      { key: 'title', label: '调查' },
      { key: 'period', label: '调查期间' },
      { key: 'status', label: '状态' },
      { key: 'startedOn', label: '开始日期', kind: 'day' },
      { key: 'responses', label: '答卷', kind: 'count' },
      { key: 'average', label: '平均分（1–5）', kind: 'score' },
      { key: 'satisfied', label: '满意（4–5 分）', kind: 'count' },
      { key: 'rate', label: '满意率', kind: 'rate' },
    ],
    rows,
    totals: {
      surveys: rows.length,
      responses,
      satisfied,
      average: responses ? scoreSum / responses : null,
      rate: responses ? satisfied / responses : null,
    },
    headlines:
      latest && now
        ? [
            { key: 'latestResponses', label: `最近一次调查的答卷（${latest.title}）`, value: now.responses },
            {
              key: 'latestAverage',
              label: '最近一次平均分',
              value: now.average,
              kind: 'score',
              previous: before?.average ?? null,
            },
            {
              key: 'latestRate',
              label: '最近一次满意率',
              value: now.rate,
              kind: 'rate',
              previous: before?.rate ?? null,
            },
          ]
        : [],
    charts: [],
    sections: [],
    notes: [
      `列出 ${filters.period} 月底前已开始的最近 ${SURVEYS_SHOWN} 次调查；总体评分 ${SATISFIED_FROM} 分及以上计为满意。`,
    ],
  };
  if (withResponses.length > 0) {
    result.charts!.push({
      kind: 'line',
      title: '历次调查满意率',
      labels: withResponses.map((row) => String(row.period || row.title)),
      series: [{ name: '满意率', values: withResponses.map((row) => row.rate as number | null) }],
      valueKind: 'rate',
    });
  }
  if (latest) {
    result.charts!.push({
      kind: 'bar',
      title: `总体评分分布（${latest.title}）`,
      labels: SCORE_WORDS,
      series: [{ name: '答卷', values: overall }],
    });
    if (questions.length > 0) {
      result.charts!.push({
        kind: 'bar',
        title: '各题平均分',
        labels: questions.map((q) => `第${q.number}题`),
        series: [
          { name: '本次', values: questions.map((q) => q.average) },
          ...(questions.some((q) => q.previousAverage !== null)
            ? [{ name: '上次', values: questions.map((q) => q.previousAverage) }]
            : []),
        ],
        valueKind: 'score',
      });
    }
    result.sections!.push({
      key: 'questions',
      title: `各题评分分布（${latest.title}）`,
      columns: [
        { key: 'number', label: '题号', kind: 'count' },
        { key: 'text', label: '题目' },
        { key: 'answered', label: '作答', kind: 'count' },
        ...SCORE_WORDS.map((word, i) => ({ key: `score${i + 1}`, label: word, kind: 'count' as const })),
        { key: 'average', label: '平均分', kind: 'score' },
        { key: 'previousAverage', label: '上次平均分', kind: 'score' },
      ],
      rows: questions.map((q) => ({
        number: q.number,
        text: q.text,
        answered: q.counts.reduce((a, b) => a + b, 0),
        ...Object.fromEntries(q.counts.map((count, i) => [`score${i + 1}`, count])),
        average: q.average,
        previousAverage: q.previousAverage,
      })),
    });
  }
  return result;
}

export const satisfaction: ReportDefinition = {
  name: 'satisfaction',
  title: '满意度调查统计',
  clause: '助理 职责2、协调员 职责7：客户满意度调查的统计、分析',
  filters: [],
  run: (filters) => satisfactionReport(filters),
};
