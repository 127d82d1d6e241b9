import {
  DataTypes,
  Model,
  ValidationError,
  ValidationErrorItem,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Transaction,
} from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { jsonTextSetter } from './json-field.js';
import { isPlainObject } from '../lib/objects.js';
import { SurveyQuestion } from './survey-question.js';
import { required, requiredText } from './validators.js';

const label = fieldNames('SurveyResponse');

/** The answers of one response: question id → score (integer 1–5) or text; null = not answered. */
export type SurveyAnswers = Record<string, number | string | null>;

export const MAX_TEXT_ANSWER_LENGTH = 2000;

/** Refuses answers that are not `{ [questionId]: 1–5 | text | null }` (synchronous; the shape only). */
export function checkAnswersShape(value: unknown): void {
  if (!isPlainObject(value)) throw new Error(`${label('answers')}必须是 JSON 对象，如 {"12": 5, "13": "服务很好"}`);
  for (const [key, answer] of Object.entries(value)) {
    if (!/^[1-9]\d*$/.test(key)) throw new Error(`答卷中的题目编号“${key}”不正确`);
    if (answer === null) continue;
    if (typeof answer === 'number') {
      if (!Number.isInteger(answer) || answer < 1 || answer > 5) throw new Error('评分必须是 1 到 5 的整数');
    } else if (typeof answer === 'string') {
      if (answer.length > MAX_TEXT_ANSWER_LENGTH) throw new Error(`文字回答不能超过 ${MAX_TEXT_ANSWER_LENGTH} 字`);
    } else {
      throw new Error('每道题的回答必须是 1 到 5 的评分或文字');
    }
  }
}

/** 调查答卷: one respondent's answers, collected by a staff member (上门/电话). */
export class SurveyResponse extends Model<InferAttributes<SurveyResponse>, InferCreationAttributes<SurveyResponse>> {
  declare id: CreationOptional<number>;
  declare surveyId: number;
  declare ownerId: CreationOptional<number | null>;
  declare unitId: CreationOptional<number | null>;
  declare respondentName: string;
  /** 收集人 (Staff). */
  declare collectedById: number;
  declare collectedAt: CreationOptional<Date>;
  declare answers: CreationOptional<SurveyAnswers>;
  /** 总体满意度 1–5. */
  declare overallScore: number;
  declare comment: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

SurveyResponse.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    surveyId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('surveyId')) },
    ownerId: { type: DataTypes.INTEGER, allowNull: true },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    respondentName: {
      type: DataTypes.STRING(40),
      allowNull: false,
      validate: {
        ...requiredText(label('respondentName')),
        len: { args: [1, 40], msg: `${label('respondentName')}不能超过 40 个字` },
      },
    },
    collectedById: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('collectedById')) },
    collectedAt: {
      type: DataTypes.DATE,
      allowNull: false,
      defaultValue: DataTypes.NOW,
      validate: required(label('collectedAt')),
    },
    answers: {
      type: DataTypes.JSON,
      allowNull: false,
      defaultValue: {},
      set: jsonTextSetter('answers'),
      validate: { ...required(label('answers')), answersShape: checkAnswersShape },
    },
    overallScore: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: {
        ...required(label('overallScore')),
        isInt: { msg: `${label('overallScore')}必须是 1 到 5 的整数` },
        min: { args: [1], msg: `${label('overallScore')}必须是 1 到 5 的整数` },
        max: { args: [5], msg: `${label('overallScore')}必须是 1 到 5 的整数` },
      },
    },
    comment: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'SurveyResponse',
    modelName: 'SurveyResponse',
    indexes: [
      { fields: ['surveyId'] },
      { fields: ['ownerId'] },
      { fields: ['unitId'] },
      { fields: ['collectedById'] },
      { fields: ['collectedAt'] },
    ],
  },
);

function refuse(response: SurveyResponse, message: string): never {
  throw new ValidationError(message, [
    new ValidationErrorItem(
      message,
      'validation error',
      'answers',
      JSON.stringify(response.answers),
      response,
      'answersMatchQuestions',
      'answersMatchQuestions',
      [],
    ),
  ]);
}

/**
 * Each answer must belong to a question of the response's survey and fit its kind (a score question takes
 * a number, a text question takes text). Runs in the caller's transaction, so questions created in the same
 * transaction count. The shape (scores 1–5) is the attribute validator's job.
 */
async function checkAnswersAgainstQuestions(responses: SurveyResponse[], transaction?: Transaction | null) {
  const toCheck = responses.filter((r) => isPlainObject(r.answers) && Object.keys(r.answers).length > 0 && r.surveyId);
  if (toCheck.length === 0) return;
  const surveyIds = [...new Set(toCheck.map((r) => r.surveyId))];
  const questions = await SurveyQuestion.findAll({
    where: { surveyId: surveyIds },
    attributes: ['id', 'surveyId', 'number', 'kind'],
    transaction,
  });
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const response of toCheck) {
    for (const [key, answer] of Object.entries(response.answers)) {
      const question = byId.get(Number(key));
      if (!question || question.surveyId !== response.surveyId) refuse(response, `题目 ${key} 不属于该调查`);
      if (answer === null) continue;
      if (question.kind === 'score' && typeof answer !== 'number')
        refuse(response, `第 ${question.number} 题是评分题，请填 1 到 5 的整数`);
      if (question.kind === 'text' && typeof answer !== 'string')
        refuse(response, `第 ${question.number} 题是文字题，请填写文字`);
    }
  }
}

SurveyResponse.addHook('beforeCreate', (response: SurveyResponse, options: { transaction?: Transaction | null }) =>
  checkAnswersAgainstQuestions([response], options.transaction),
);
SurveyResponse.addHook(
  'beforeUpdate',
  async (response: SurveyResponse, options: { transaction?: Transaction | null }) => {
    if (response.changed('answers') || response.changed('surveyId'))
      await checkAnswersAgainstQuestions([response], options.transaction);
  },
);
SurveyResponse.addHook(
  'beforeBulkCreate',
  (responses: SurveyResponse[], options: { transaction?: Transaction | null; individualHooks?: boolean }) =>
    options.individualHooks ? undefined : checkAnswersAgainstQuestions(responses, options.transaction),
);
