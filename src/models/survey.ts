import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { datesInOrder } from './validators.js';

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

Survey.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: {
      type: DataTypes.STRING(100),
      allowNull: false,
      validate: {
        notNull: { msg: '调查名称不能为空' },
        notEmpty: { msg: '调查名称不能为空' },
        len: { args: [1, 100], msg: '调查名称不能超过 100 个字' },
      },
    },
    period: {
      type: DataTypes.STRING(40),
      allowNull: true,
      validate: { len: { args: [0, 40], msg: '调查期间不能超过 40 个字' } },
    },
    description: { type: DataTypes.TEXT, allowNull: true },
    status: {
      type: DataTypes.ENUM(...SURVEY_STATUSES),
      allowNull: false,
      defaultValue: 'draft',
      validate: {
        notNull: { msg: '状态不能为空' },
        isIn: { args: [SURVEY_STATUSES as unknown as string[]], msg: '状态不正确' },
      },
    },
    plannedStart: {
      type: DataTypes.DATEONLY,
      allowNull: true,
      validate: { isDate: { args: true, msg: '计划开始日期格式不正确' } },
    },
    plannedEnd: {
      type: DataTypes.DATEONLY,
      allowNull: true,
      validate: { isDate: { args: true, msg: '计划结束日期格式不正确' } },
    },
    ownerStaffId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { notNull: { msg: '组织人不能为空' }, isInt: { msg: '组织人不正确' } },
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
      plannedInOrder: datesInOrder('plannedStart', 'plannedEnd', '计划结束日期不能早于计划开始日期'),
      runInOrder: datesInOrder('startedAt', 'closedAt', '结束时间不能早于开始时间'),
    },
  },
);
