// 调查分析报告: the answers of a running or closed survey summed up (responses, average overall score,
// satisfaction rate, each score question's average) and written onto the survey as its report.
import { Op, type Transaction } from 'sequelize';
import { AuditLog, Survey, SurveyQuestion, SurveyResponse, type SurveyAnswers } from '../models/index.js';
import { ForbiddenByRule, NotFound, ValidationFailed } from '../errors.js';
import { decide } from '../rules/decide.js';
import type { Actor } from '../rules/actor.js';
import { shanghaiDay } from './shanghai.js';
import { inTransaction } from './transaction.js';

const BATCH = 2000;
/** An overall score of 4 (满意) or 5 (非常满意) counts as satisfied. */
const SATISFIED_FROM = 4;

interface Tally {
  count: number;
  sum: number;
}

interface Totals {
  responses: number;
  overallSum: number;
  satisfied: number;
  /** Question id → the scores given to it. */
  byQuestion: Map<number, Tally>;
  /** Question id → how many wrote something. */
  written: Map<number, number>;
}

const oneDecimal = (numerator: number, denominator: number): string => (Math.round((numerator * 10) / denominator) / 10).toFixed(1);

/** Reads the survey's responses in batches, so a survey of many thousand answers never sits in memory at once. */
async function tally(surveyId: number, transaction: Transaction): Promise<Totals> {
  const totals: Totals = { responses: 0, overallSum: 0, satisfied: 0, byQuestion: new Map(), written: new Map() };
  let after = 0;
  for (;;) {
    const batch = await SurveyResponse.findAll({
      attributes: ['id', 'overallScore', 'answers'],
      where: { surveyId, id: { [Op.gt]: after } },
      order: [['id', 'ASC']],
      limit: BATCH,
      transaction,
    });
    for (const response of batch) {
      totals.responses += 1;
      totals.overallSum += response.overallScore;
      if (response.overallScore >= SATISFIED_FROM) totals.satisfied += 1;
      const answers: SurveyAnswers = typeof response.answers === 'string' ? JSON.parse(response.answers) : (response.answers ?? {});
      for (const [key, answer] of Object.entries(answers)) {
        const id = Number(key);
        if (typeof answer === 'number') {
          const t = totals.byQuestion.get(id) ?? { count: 0, sum: 0 };
          t.count += 1;
          t.sum += answer;
          totals.byQuestion.set(id, t);
        } else if (typeof answer === 'string' && answer.trim() !== '') {
          totals.written.set(id, (totals.written.get(id) ?? 0) + 1);
        }
      }
    }
    if (batch.length < BATCH) return totals;
    after = batch[batch.length - 1].id;
  }
}

function reportText(survey: Survey, questions: SurveyQuestion[], totals: Totals, now: Date): string {
  const lines = [
    `《${survey.title}》分析报告（${shanghaiDay(now)} 生成）`,
    `有效答卷：${totals.responses} 份`,
    `总体满意度平均分：${oneDecimal(totals.overallSum, totals.responses)} 分（满分 5 分）`,
    `满意率（总体评分 ${SATISFIED_FROM} 分及以上）：${oneDecimal(totals.satisfied * 100, totals.responses)}%（${totals.satisfied} 份）`,
  ];
  const scored = questions.filter((q) => q.kind === 'score');
  if (scored.length > 0) {
    lines.push('各评分题平均分：');
    for (const q of scored) {
      const t = totals.byQuestion.get(q.id);
      lines.push(t ? `${q.number}. ${q.text}：${oneDecimal(t.sum, t.count)} 分（${t.count} 人作答）` : `${q.number}. ${q.text}：无人作答`);
    }
  }
  const texts = questions.filter((q) => q.kind === 'text');
  if (texts.length > 0) {
    lines.push('文字题：');
    for (const q of texts) lines.push(`${q.number}. ${q.text}：${totals.written.get(q.id) ?? 0} 条意见`);
  }
  return lines.join('\n');
}

/** Survey.report: writes the analysis report of a running or closed survey into reportSummary. */
export function reportSurvey(actor: Actor | null, id: number, _input: Record<string, unknown>, now = new Date()): Promise<Survey> {
  return inTransaction(async (transaction) => {
    const survey = await Survey.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!survey) throw new NotFound();
    const decision = decide(actor, 'Survey.report', survey.get({ plain: true }) as Record<string, unknown>);
    if (!decision.allowed || !actor) throw new ForbiddenByRule(decision);
    if (survey.status === 'draft') throw new ValidationFailed('调查尚未开始，没有可分析的答卷');
    const totals = await tally(survey.id, transaction);
    if (totals.responses === 0) throw new ValidationFailed('调查还没有收回答卷，没有可分析的内容');
    const questions = await SurveyQuestion.findAll({ where: { surveyId: survey.id }, order: [['number', 'ASC']], transaction });
    const before = survey.reportSummary ?? null;
    const reportSummary = reportText(survey, questions, totals, now);
    await survey.update({ reportSummary }, { transaction });
    await AuditLog.create(
      {
        staffId: actor.id,
        action: 'Survey.report',
        resource: 'Survey',
        recordId: String(survey.id),
        changes: { reportSummary: [before, reportSummary] },
        note: `分析报告：${totals.responses} 份答卷，满意率 ${oneDecimal(totals.satisfied * 100, totals.responses)}%`,
      },
      { transaction },
    );
    return survey;
  });
}
