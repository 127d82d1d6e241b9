import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { required, requiredText } from './validators.js';

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

const label = fieldNames('WorkPlan');

WorkPlan.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    staffId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: { name: 'WorkPlan_staff_month', msg: '该员工这个月已有工作计划' },
      validate: required(label('staffId')),
    },
    month: {
      type: DataTypes.STRING(7),
      allowNull: false,
      unique: { name: 'WorkPlan_staff_month', msg: '该员工这个月已有工作计划' },
      validate: {
        ...required(label('month')),
        is: { args: MONTH_PATTERN, msg: `${label('month')}格式应为 YYYY-MM（如 2026-05）` },
      },
    },
    title: {
      type: DataTypes.STRING(100),
      allowNull: false,
      validate: {
        ...requiredText(label('title')),
        len: { args: [1, 100], msg: `${label('title')}不能超过 100 个字` },
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
