import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';

/** 'YYYY-MM' with a real month. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 月工作计划(五周滚动计划): one staff member's plan for one month; its items are weeks 1–5. */
export class WorkPlan extends Model<InferAttributes<WorkPlan>, InferCreationAttributes<WorkPlan>> {
  declare id: CreationOptional<number>;
  /** 计划人: the plan's owner; the use case fills it in with the acting staff member. */
  declare staffId: number;
  /** 'YYYY-MM' (Asia/Shanghai), one plan per staff member and month. */
  declare month: string;
  declare title: string;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

WorkPlan.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    staffId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: { name: 'WorkPlan_staff_month', msg: '该员工这个月已有工作计划' },
      validate: { notNull: { msg: '计划人不能为空' } },
    },
    month: {
      type: DataTypes.STRING(7),
      allowNull: false,
      unique: { name: 'WorkPlan_staff_month', msg: '该员工这个月已有工作计划' },
      validate: {
        notNull: { msg: '月份不能为空' },
        is: { args: MONTH_PATTERN, msg: '月份格式应为 YYYY-MM（如 2026-05）' },
      },
    },
    title: {
      type: DataTypes.STRING(100),
      allowNull: false,
      validate: {
        notNull: { msg: '计划标题不能为空' },
        notEmpty: { msg: '计划标题不能为空' },
        len: { args: [1, 100], msg: '计划标题不能超过 100 个字' },
      },
    },
    note: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'WorkPlan',
    modelName: 'WorkPlan',
    indexes: [{ fields: ['month'] }],
  },
);
