// 调查分析: the answers of a survey summed up — responses, average overall score, satisfaction rate, the spread of
// scores 1–5 overall and per score question, the written comments, and the comparison with the previous survey —
// shown on the analysis page (Survey.report, GET) and written onto the survey as its report (Survey.report, POST).
import { Op, col, fn, where, type Transaction } from 'sequelize';
import { Survey, SurveyQuestion, SurveyResponse, type SurveyAnswers, type SurveyStatus } from '../models/index.js';
import { NotFound, ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { shanghaiDay } from '../lib/shanghai.js';
import { inTransaction } from './transaction.js';
import { authorize } from './authorize.js';
import { audit } from './audit.js';

const BATCH = 2000;
/** An overall score of 4 (满意) or 5 (非常满意) counts as satisfied. */
const SATISFIED_FROM = 4;
/** The comments listed per question (and for the responses' own comment), newest first. */
const COMMENTS_SHOWN = 50;
const SCORES = [1, 2, 3, 4, 5] as const;

export interface ScoreShare {
  score: number;
  count: number;
  /** Share of the answers, in per cent, one decimal. */
  percent: number;
}

export interface WrittenComment {
  responseId: number;
  respondentName: string;
  /** The day the response was collected (Asia/Shanghai, YYYY-MM-DD). */
  date: string;
  text: string;
}

export interface ScoreQuestionAnalysis {
  id: number;
  number: number;
  text: string;
  answered: number;
  /** One decimal; null when nobody answered. */
  average: number | null;
  distribution: ScoreShare[];
  /** The same question (identical text) in the previous survey, when there is one. */
  previousAverage: number | null;
  change: number | null;
}

export interface CommentList {
  /** How many wrote something. */
  total: number;
  /** At most COMMENTS_SHOWN, newest first. */
  items: WrittenComment[];
}

export interface TextQuestionAnalysis extends CommentList {
  id: number;
  number: number;
  text: string;
}

export interface SurveyComparison {
  survey: { id: number; title: string; period: string | null; closedAt: string | null };
  responses: number;
  average: number | null;
  satisfactionRate: number | null;
  change: { responses: number; average: number | null; satisfactionRate: number | null };
}

export interface SurveyAnalysis {
  survey: { id: number; title: string; period: string | null; status: SurveyStatus };
  responses: number;
  /** Overall score, one decimal; null without responses. */
  average: number | null;
  satisfied: number;
  /** Share of responses with an overall score of SATISFIED_FROM or more, in per cent, one decimal. */
  satisfactionRate: number | null;
  distribution: ScoreShare[];
  scoreQuestions: ScoreQuestionAnalysis[];
  textQuestions: TextQuestionAnalysis[];
  /** The responses' own comment (意见与建议). */
  comments: CommentList;
  previous: SurveyComparison | null;
}

const oneDecimal = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator * 10) / denominator) / 10;
/** Differences of the shown (rounded) figures, so 3.7 against 3.5 reads +0.2. */
const difference = (now: number | null, before: number | null): number | null =>
  now === null || before === null ? null : Math.round((now - before) * 10) / 10;

type ScoreCounts = [number, number, number, number, number];
const noScores = (): ScoreCounts => [0, 0, 0, 0, 0];

function spread(counts: ScoreCounts): { answered: number; average: number | null; distribution: ScoreShare[] } {
  const answered = counts.reduce((a, b) => a + b, 0);
  const sum = counts.reduce((total, count, i) => total + count * (i + 1), 0);
  return {
    answered,
    average: oneDecimal(sum, answered),
    distribution: SCORES.map((score) => ({
      score,
      count: counts[score - 1],
      percent: oneDecimal(counts[score - 1] * 100, answered) ?? 0,
    })),
  };
}

/** Keeps the newest COMMENTS_SHOWN comments while the responses stream past in id order. */
class NewestComments {
  total = 0;
  private kept: Array<WrittenComment & { at: number }> = [];

  add(response: SurveyResponse, text: string) {
    this.total += 1;
    this.kept.push({
      responseId: response.id,
      respondentName: response.respondentName,
      date: shanghaiDay(response.collectedAt),
      text,
      at: response.collectedAt.getTime(),
    });
    if (this.kept.length >= COMMENTS_SHOWN * 4) this.trim();
  }

  private trim() {
    this.kept.sort((a, b) => b.at - a.at || b.responseId - a.responseId);
    this.kept.length = Math.min(this.kept.length, COMMENTS_SHOWN);
  }

  list(): CommentList {
    this.trim();
    return { total: this.total, items: this.kept.map(({ at: _at, ...comment }) => comment) };
  }
}

interface Totals {
  responses: number;
  overall: ScoreCounts;
  /** Question id → how many gave each score. */
  byQuestion: Map<number, ScoreCounts>;
  /** Question id → its written answers. */
  written: Map<number, NewestComments>;
  comments: NewestComments;
}

/**
 * Reads the survey's responses in batches, so a survey of many thousand answers never sits in memory at once.
 * `withText` false skips the written answers (the previous survey is compared by its scores only).
 */
async function tally(surveyId: number, withText: boolean, transaction?: Transaction): Promise<Totals> {
  const totals: Totals = {
    responses: 0,
    overall: noScores(),
    byQuestion: new Map(),
    written: new Map(),
    comments: new NewestComments(),
  };
  const attributes = withText
    ? ['id', 'overallScore', 'answers', 'comment', 'respondentName', 'collectedAt']
    : ['id', 'overallScore', 'answers'];
  let after = 0;
  for (;;) {
    const batch = await SurveyResponse.findAll({
      attributes,
      where: { surveyId, id: { [Op.gt]: after } },
      order: [['id', 'ASC']],
      limit: BATCH,
      transaction,
    });
    for (const response of batch) {
      totals.responses += 1;
      if (response.overallScore >= 1 && response.overallScore <= 5) totals.overall[response.overallScore - 1] += 1;
      const answers: SurveyAnswers =
        typeof response.answers === 'string' ? JSON.parse(response.answers) : (response.answers ?? {});
      for (const [key, answer] of Object.entries(answers)) {
        const id = Number(key);
        if (typeof answer === 'number') {
          if (!Number.isInteger(answer) || answer < 1 || answer > 5) continue;
          const counts = totals.byQuestion.get(id) ?? noScores();
          counts[answer - 1] += 1;
          totals.byQuestion.set(id, counts);
        } else if (withText && typeof answer === 'string' && answer.trim() !== '') {
          const list = totals.written.get(id) ?? new NewestComments();
          list.add(response, answer.trim());
          totals.written.set(id, list);
        }
      }
      if (withText && response.comment && response.comment.trim() !== '')
        totals.comments.add(response, response.comment.trim());
    }
    if (batch.length < BATCH) return totals;
    after = batch[batch.length - 1].id;
  }
}

/** When a survey ran: started, else closed, else created. */
const ranAt = (survey: Survey): Date => survey.startedAt ?? survey.closedAt ?? survey.createdAt;

/** The latest other closed survey that ran before this one. */
function previousSurvey(survey: Survey, transaction?: Transaction): Promise<Survey | null> {
  const ran = fn('COALESCE', col('startedAt'), col('closedAt'), col('createdAt'));
  return Survey.findOne({
    where: { [Op.and]: [{ status: 'closed', id: { [Op.ne]: survey.id } }, where(ran, Op.lt, ranAt(survey))] },
    order: [
      [ran, 'DESC'],
      ['id', 'DESC'],
    ],
    transaction,
  });
}

const questionsOf = (surveyId: number, transaction?: Transaction) =>
  SurveyQuestion.findAll({ where: { surveyId }, order: [['number', 'ASC']], transaction });

/** The analysis of one survey (any status; a draft simply has no responses yet). */
export async function analyseSurvey(surveyId: number, transaction?: Transaction): Promise<SurveyAnalysis> {
  const survey = await Survey.findByPk(surveyId, { transaction });
  if (!survey) throw new NotFound();
  return analyse(survey, transaction);
}

async function analyse(survey: Survey, transaction?: Transaction): Promise<SurveyAnalysis> {
  const questions = await questionsOf(survey.id, transaction);
  const totals = await tally(survey.id, true, transaction);
  const overall = spread(totals.overall);
  const satisfied = totals.overall[SATISFIED_FROM - 1] + totals.overall[4];
  const satisfactionRate = oneDecimal(satisfied * 100, totals.responses);

  const before = await previousSurvey(survey, transaction);
  let previous: SurveyComparison | null = null;
  const previousAverages = new Map<string, number | null>();
  if (before) {
    const previousQuestions = await questionsOf(before.id, transaction);
    const previousTotals = await tally(before.id, false, transaction);
    for (const q of previousQuestions) {
      const key = q.text.trim();
      if (q.kind === 'score' && !previousAverages.has(key))
        previousAverages.set(key, spread(previousTotals.byQuestion.get(q.id) ?? noScores()).average);
    }
    const previousAverage = spread(previousTotals.overall).average;
    const previousSatisfied = previousTotals.overall[SATISFIED_FROM - 1] + previousTotals.overall[4];
    const previousRate = oneDecimal(previousSatisfied * 100, previousTotals.responses);
    previous = {
      survey: {
        id: before.id,
        title: before.title,
        period: before.period ?? null,
        closedAt: before.closedAt ? shanghaiDay(before.closedAt) : null,
      },
      responses: previousTotals.responses,
      average: previousAverage,
      satisfactionRate: previousRate,
      change: {
        responses: totals.responses - previousTotals.responses,
        average: difference(overall.average, previousAverage),
        satisfactionRate: difference(satisfactionRate, previousRate),
      },
    };
  }

  return {
    survey: { id: survey.id, title: survey.title, period: survey.period ?? null, status: survey.status },
    responses: totals.responses,
    average: overall.average,
    satisfied,
    satisfactionRate,
    distribution: overall.distribution,
    scoreQuestions: questions
      .filter((q) => q.kind === 'score')
      .map((q) => {
        const s = spread(totals.byQuestion.get(q.id) ?? noScores());
        const previousAverage = previousAverages.get(q.text.trim()) ?? null;
        return {
          id: q.id,
          number: q.number,
          text: q.text,
          ...s,
          previousAverage,
          change: difference(s.average, previousAverage),
        };
      }),
    textQuestions: questions
      .filter((q) => q.kind === 'text')
      .map((q) => ({
        id: q.id,
        number: q.number,
        text: q.text,
        ...(totals.written.get(q.id)?.list() ?? { total: 0, items: [] }),
      })),
    comments: totals.comments.list(),
    previous,
  };
}

const signed = (value: number, digits = 1) =>
  `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(digits)}`;

export function reportText(analysis: SurveyAnalysis, now: Date): string {
  const lines = [
    `《${analysis.survey.title}》分析报告（${shanghaiDay(now)} 生成）`,
    `有效答卷：${analysis.responses} 份`,
    `总体满意度平均分：${analysis.average?.toFixed(1) ?? '—'} 分（满分 5 分）`,
    `满意率（总体评分 ${SATISFIED_FROM} 分及以上）：${analysis.satisfactionRate?.toFixed(1) ?? '—'}%（${analysis.satisfied} 份）`,
    `总体评分分布：${[...analysis.distribution]
      .reverse()
      .map((d) => `${d.score} 分 ${d.count} 份（${d.percent.toFixed(1)}%）`)
      .join('，')}`,
  ];
  if (analysis.scoreQuestions.length > 0) {
    lines.push('各评分题平均分：');
    for (const q of analysis.scoreQuestions) {
      lines.push(
        q.average === null
          ? `${q.number}. ${q.text}：无人作答`
          : `${q.number}. ${q.text}：${q.average.toFixed(1)} 分（${q.answered} 人作答）`,
      );
    }
  }
  if (analysis.textQuestions.length > 0) {
    lines.push('文字题：');
    for (const q of analysis.textQuestions) lines.push(`${q.number}. ${q.text}：${q.total} 条意见`);
  }
  lines.push(`答卷意见与建议：${analysis.comments.total} 条`);
  const previous = analysis.previous;
  if (previous) {
    lines.push(`与上次调查《${previous.survey.title}》相比：`);
    lines.push(
      `有效答卷 ${previous.responses} 份 → ${analysis.responses} 份（${signed(previous.change.responses, 0)}）`,
    );
    if (previous.change.average !== null) {
      lines.push(
        `总体满意度平均分 ${previous.average!.toFixed(1)} 分 → ${analysis.average!.toFixed(1)} 分（${signed(previous.change.average)}）`,
      );
    }
    if (previous.change.satisfactionRate !== null) {
      lines.push(
        `满意率 ${previous.satisfactionRate!.toFixed(1)}% → ${analysis.satisfactionRate!.toFixed(1)}%（${signed(previous.change.satisfactionRate)} 个百分点）`,
      );
    }
    for (const q of analysis.scoreQuestions) {
      if (q.change !== null)
        lines.push(
          `${q.number}. ${q.text}：${q.previousAverage!.toFixed(1)} 分 → ${q.average!.toFixed(1)} 分（${signed(q.change)}）`,
        );
    }
  } else {
    lines.push('没有更早结束的调查可供比较');
  }
  return lines.join('\n');
}

/** Survey.report, opened (GET): the analysis, after the same rule check as writing it. */
export async function surveyAnalysisFor(actor: Actor | null, id: number): Promise<SurveyAnalysis> {
  const survey = await Survey.findByPk(id);
  if (!survey) throw new NotFound();
  authorize(actor, 'Survey.report', survey);
  return analyse(survey);
}

/** Survey.report: writes the analysis report of a running or closed survey into reportSummary. */
export function reportSurvey(
  actor: Actor | null,
  id: number,
  _input: Record<string, unknown>,
  now = new Date(),
): Promise<Survey> {
  return inTransaction(async (transaction) => {
    const survey = await Survey.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!survey) throw new NotFound();
    const who = authorize(actor, 'Survey.report', survey);
    if (survey.status === 'draft') throw new ValidationFailed('调查尚未开始，没有可分析的答卷');
    const analysis = await analyse(survey, transaction);
    if (analysis.responses === 0) throw new ValidationFailed('调查还没有收回答卷，没有可分析的内容');
    const before = survey.reportSummary ?? null;
    const reportSummary = reportText(analysis, now);
    await survey.update({ reportSummary }, { transaction });
    await audit(
      {
        who,
        action: 'Survey.report',
        recordId: survey.id,
        changes: { reportSummary: [before, reportSummary] },
        note: `分析报告：${analysis.responses} 份答卷，满意率 ${analysis.satisfactionRate!.toFixed(1)}%`,
      },
      transaction,
    );
    return survey;
  });
}
