import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { copyParentFact } from './parent-facts.js';
import { Survey, SURVEY_STATUSES, type SurveyStatus } from './survey.js';
import { oneOf, required, requiredText } from './validators.js';

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

const label = fieldNames('SurveyQuestion');
const numberTaken = `该调查已有这个${label('number')}`;

SurveyQuestion.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    surveyId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: { name: 'SurveyQuestion_survey_number', msg: numberTaken },
      validate: required(label('surveyId')),
    },
    number: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: { name: 'SurveyQuestion_survey_number', msg: numberTaken },
      validate: {
        ...required(label('number')),
        isInt: { msg: `${label('number')}必须是整数` },
        min: { args: [1], msg: `${label('number')}从 1 开始` },
      },
    },
    text: {
      type: DataTypes.TEXT,
      allowNull: false,
      validate: requiredText(label('text')),
    },
    kind: {
      type: DataTypes.ENUM(...SURVEY_QUESTION_KINDS),
      allowNull: false,
      defaultValue: 'score',
      validate: {
        ...required(label('kind')),
        isIn: { args: [SURVEY_QUESTION_KINDS as unknown as string[]], msg: `${label('kind')}必须是评分题或文字题` },
      },
    },
    surveyStatus: {
      type: DataTypes.ENUM(...SURVEY_STATUSES),
      allowNull: false,
      defaultValue: 'draft',
      validate: oneOf(SURVEY_STATUSES, label('surveyStatus')),
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
