import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { copyParentFact } from './parent-facts.js';
import { WorkPlan } from './work-plan.js';
import { oneOf, required, requiredText } from './validators.js';

/** todo 未开始, doing 进行中, done 已完成, carried 已转下月 (carried forward to next month's plan). */
export const WORK_PLAN_ITEM_STATUSES = ['todo', 'doing', 'done', 'carried'] as const;
export type WorkPlanItemStatus = (typeof WORK_PLAN_ITEM_STATUSES)[number];

/** 计划事项: one item of a monthly plan, in week 1–5 of the month. */
export class WorkPlanItem extends Model<InferAttributes<WorkPlanItem>, InferCreationAttributes<WorkPlanItem>> {
  declare id: CreationOptional<number>;
  declare planId: number;
  /**
   * The plan's owner, copied onto the row for the authority rules ("only your own plan"): written with the
   * plan (below), pushed down when the plan changes hands by the hooks in associations/office.ts.
   */
  declare planStaffId: CreationOptional<number>;
  /** 第几周 (1–5) of the plan's month. */
  declare week: number;
  declare content: string;
  declare status: CreationOptional<WorkPlanItemStatus>;
  /** The previous month's item this one was carried forward from. */
  declare carriedFromId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('WorkPlanItem');

WorkPlanItem.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    planId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('planId')) },
    planStaffId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { notNull: { msg: `找不到${label('planId')}` } },
    },
    week: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: {
        ...required(label('week')),
        isInt: { msg: `${label('week')}必须是 1 到 5 的整数` },
        min: { args: [1], msg: `${label('week')}必须是 1 到 5 的整数` },
        max: { args: [5], msg: `${label('week')}必须是 1 到 5 的整数` },
      },
    },
    content: {
      type: DataTypes.TEXT,
      allowNull: false,
      validate: requiredText(label('content')),
    },
    status: {
      type: DataTypes.ENUM(...WORK_PLAN_ITEM_STATUSES),
      allowNull: false,
      defaultValue: 'todo',
      validate: { ...required(label('status')), ...oneOf(WORK_PLAN_ITEM_STATUSES, label('status')) },
    },
    carriedFromId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'WorkPlanItem',
    modelName: 'WorkPlanItem',
    indexes: [
      { fields: ['planId', 'week'] },
      { fields: ['planStaffId'] },
      { fields: ['status'] },
      { fields: ['carriedFromId'] },
    ],
    validate: {
      notCarriedFromItself(this: WorkPlanItem) {
        if (this.id && this.carriedFromId === this.id) throw new Error('计划事项不能由自身转入');
      },
    },
  },
);

copyParentFact(WorkPlanItem, { key: 'planId', parent: WorkPlan, from: 'staffId', to: 'planStaffId' });
