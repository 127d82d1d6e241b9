// 满意度调查统计 (助理 职责2, 协调员 职责7): the trend across the office's surveys up to the chosen month — responses,
// average overall score and satisfaction rate per survey — and, for the latest of them, the spread of scores overall
// and per question (the analysis of Survey.report, drawn as charts).
import { Op, QueryTypes } from 'sequelize';
import { sequelize } from '../../db.js';
import { Survey } from '../../models/index.js';
import { valueLabel } from '../../vocabulary/fields.js';
import { shanghaiDay } from '../../lib/shanghai.js';
import { analyseSurvey } from '../survey-report.js';
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

  const latest = [...surveys].reverse().find((survey) => (figures.get(survey.id)?.responses ?? 0) > 0);
  const analysis = latest ? await analyseSurvey(latest.id) : null;
  const withResponses = rows.filter((row) => Number(row.responses) > 0);

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
    headlines: analysis
      ? [
          {
            key: 'latestResponses',
            label: `最近一次调查的答卷（${analysis.survey.title}）`,
            value: analysis.responses,
          },
          {
            key: 'latestAverage',
            label: '最近一次平均分',
            value: analysis.average,
            kind: 'score',
            previous: analysis.previous?.average ?? null,
          },
          {
            key: 'latestRate',
            label: '最近一次满意率',
            value: analysis.satisfactionRate === null ? null : analysis.satisfactionRate / 100,
            kind: 'rate',
            previous:
              analysis.previous?.satisfactionRate === null || analysis.previous === null
                ? null
                : analysis.previous.satisfactionRate / 100,
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
  if (analysis) {
    result.charts!.push({
      kind: 'bar',
      title: `总体评分分布（${analysis.survey.title}）`,
      labels: SCORE_WORDS,
      series: [{ name: '答卷', values: analysis.distribution.map((d) => d.count) }],
    });
    if (analysis.scoreQuestions.length > 0) {
      result.charts!.push({
        kind: 'bar',
        title: '各题平均分',
        labels: analysis.scoreQuestions.map((q) => `第${q.number}题`),
        series: [
          { name: '本次', values: analysis.scoreQuestions.map((q) => q.average) },
          ...(analysis.previous
            ? [{ name: '上次', values: analysis.scoreQuestions.map((q) => q.previousAverage) }]
            : []),
        ],
        valueKind: 'score',
      });
    }
    result.sections!.push({
      key: 'questions',
      title: `各题评分分布（${analysis.survey.title}）`,
      columns: [
        { key: 'number', label: '题号', kind: 'count' },
        { key: 'text', label: '题目' },
        { key: 'answered', label: '作答', kind: 'count' },
        ...SCORE_WORDS.map((word, i) => ({ key: `score${i + 1}`, label: word, kind: 'count' as const })),
        { key: 'average', label: '平均分', kind: 'score' },
        { key: 'previousAverage', label: '上次平均分', kind: 'score' },
      ],
      rows: analysis.scoreQuestions.map((q) => ({
        number: q.number,
        text: q.text,
        answered: q.answered,
        ...Object.fromEntries(q.distribution.map((d) => [`score${d.score}`, d.count])),
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
