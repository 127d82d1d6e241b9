import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { copyParentFact } from './parent-facts.js';
import { Survey, SURVEY_STATUSES, type SurveyStatus } from './survey.js';

/** score: answered 1–5 (5 = 非常满意); text: a written answer. */
export const SURVEY_QUESTION_KINDS = ['score', 'text'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

/** 调查题目: one numbered question of a Survey. */
export class SurveyQuestion extends Model<InferAttributes<SurveyQuestion>, InferCreationAttributes<SurveyQuestion>> {
  declare id: CreationOptional<number>;
  declare surveyId: number;
  declare number: number;
  declare text: string;
  declare kind: CreationOptional<SurveyQuestionKind>;
  /**
   * The survey's status, copied onto the row for the authority rules ("edit only while the survey is a
   * draft"): written with the survey (below), pushed down when the survey moves on by the hooks in
   * associations/office.ts.
   */
  declare surveyStatus: CreationOptional<SurveyStatus>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

SurveyQuestion.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    surveyId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: { name: 'SurveyQuestion_survey_number', msg: '该调查已有这个题号' },
      validate: { notNull: { msg: '所属调查不能为空' } },
    },
    number: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: { name: 'SurveyQuestion_survey_number', msg: '该调查已有这个题号' },
      validate: {
        notNull: { msg: '题号不能为空' },
        isInt: { msg: '题号必须是整数' },
        min: { args: [1], msg: '题号从 1 开始' },
      },
    },
    text: {
      type: DataTypes.TEXT,
      allowNull: false,
      validate: { notNull: { msg: '题目内容不能为空' }, notEmpty: { msg: '题目内容不能为空' } },
    },
    kind: {
      type: DataTypes.ENUM(...SURVEY_QUESTION_KINDS),
      allowNull: false,
      defaultValue: 'score',
      validate: {
        notNull: { msg: '题型不能为空' },
        isIn: { args: [SURVEY_QUESTION_KINDS as unknown as string[]], msg: '题型必须是评分题或文字题' },
      },
    },
    surveyStatus: {
      type: DataTypes.ENUM(...SURVEY_STATUSES),
      allowNull: false,
      defaultValue: 'draft',
      validate: { isIn: { args: [SURVEY_STATUSES as unknown as string[]], msg: '调查状态不正确' } },
    },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'SurveyQuestion',
    modelName: 'SurveyQuestion',
    indexes: [{ fields: ['surveyStatus'] }],
  },
);

copyParentFact(SurveyQuestion, { key: 'surveyId', parent: Survey, from: 'status', to: 'surveyStatus' });
