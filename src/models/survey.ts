import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { datesInOrder, oneOf, required, requiredText, validDate } from './validators.js';

/** Survey workflow: draft 草拟 → running 进行中 → closed 已结束. */
export const SURVEY_STATUSES = ['draft', 'running', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** 满意度调查: the plan (title, period, planned dates), its running, and the analysis report. */
export class Survey extends Model<InferAttributes<Survey>, InferCreationAttributes<Survey>> {
  declare id: CreationOptional<number>;
  declare title: string;
  /** 调查期间 as the office names it, e.g. "2026年第三季度". */
  declare period: CreationOptional<string | null>;
  declare description: CreationOptional<string | null>;
  declare status: CreationOptional<SurveyStatus>;
  /** 计划开始/结束日期 (YYYY-MM-DD). */
  declare plannedStart: CreationOptional<string | null>;
  declare plannedEnd: CreationOptional<string | null>;
  /** 组织人 (Staff), normally the 客户服务助理. */
  declare ownerStaffId: number;
  declare startedAt: CreationOptional<Date | null>;
  declare closedAt: CreationOptional<Date | null>;
  /** 调查分析报告 (Survey.report). */
  declare reportSummary: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('Survey');

Survey.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: {
      type: DataTypes.STRING(100),
      allowNull: false,
      validate: {
        ...requiredText(label('title')),
        len: { args: [1, 100], msg: `${label('title')}不能超过 100 个字` },
      },
    },
    period: {
      type: DataTypes.STRING(40),
      allowNull: true,
      validate: { len: { args: [0, 40], msg: `${label('period')}不能超过 40 个字` } },
    },
    description: { type: DataTypes.TEXT, allowNull: true },
    status: {
      type: DataTypes.ENUM(...SURVEY_STATUSES),
      allowNull: false,
      defaultValue: 'draft',
      validate: { ...required(label('status')), ...oneOf(SURVEY_STATUSES, label('status')) },
    },
    plannedStart: {
      type: DataTypes.DATEONLY,
      allowNull: true,
      validate: validDate(label('plannedStart')),
    },
    plannedEnd: {
      type: DataTypes.DATEONLY,
      allowNull: true,
      validate: validDate(label('plannedEnd')),
    },
    ownerStaffId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { ...required(label('ownerStaffId')), isInt: { msg: `${label('ownerStaffId')}不正确` } },
    },
    startedAt: { type: DataTypes.DATE, allowNull: true },
    closedAt: { type: DataTypes.DATE, allowNull: true },
    reportSummary: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'Survey',
    modelName: 'Survey',
    indexes: [
      { fields: ['status'] },
      { fields: ['ownerStaffId'] },
      { fields: ['plannedStart'] },
      { fields: ['title'] },
    ],
    validate: {
      plannedInOrder: datesInOrder(label, 'plannedStart', 'plannedEnd'),
      runInOrder: datesInOrder(label, 'startedAt', 'closedAt'),
    },
  },
);
