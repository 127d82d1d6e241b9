import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { oneOf, requiredText } from './validators.js';

/** draft 草稿 → started 已启动 → closed 已结束. */
export const DUNNING_PLAN_STATUSES = ['draft', 'started', 'closed'] as const;
export type DunningPlanStatus = (typeof DUNNING_PLAN_STATUSES)[number];

/**
 * 催缴计划: drawn up by 协调员/助理 from the owners in arrears (its DunningTargets), started by a 收费员,
 * carried out by the customer centre (DunningRecords), then closed.
 */
export class DunningPlan extends Model<InferAttributes<DunningPlan>, InferCreationAttributes<DunningPlan>> {
  declare id: CreationOptional<number>;
  /** e.g. "2026年5月 翠湖花园物业费催缴". */
  declare title: string;
  declare status: CreationOptional<DunningPlanStatus>;
  /** Owners at least this many months in arrears belong in the plan. */
  declare minMonthsInArrears: CreationOptional<number>;
  declare createdById: CreationOptional<number | null>;
  declare startedById: CreationOptional<number | null>;
  declare startedAt: CreationOptional<Date | null>;
  declare closedById: CreationOptional<number | null>;
  declare closedAt: CreationOptional<Date | null>;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('DunningPlan');

DunningPlan.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: {
      type: DataTypes.STRING(100),
      allowNull: false,
      validate: requiredText(label('title')),
    },
    status: {
      type: DataTypes.ENUM(...DUNNING_PLAN_STATUSES),
      allowNull: false,
      defaultValue: 'draft',
      validate: oneOf(DUNNING_PLAN_STATUSES, label('status')),
    },
    minMonthsInArrears: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 1,
      validate: {
        notNull: { msg: `${label('minMonthsInArrears')}不能为空` },
        isInt: { msg: `${label('minMonthsInArrears')}必须是整数` },
        min: { args: [1], msg: `${label('minMonthsInArrears')}至少为 1` },
        max: { args: [120], msg: `${label('minMonthsInArrears')}不能超过 120` },
      },
    },
    createdById: { type: DataTypes.INTEGER, allowNull: true },
    startedById: { type: DataTypes.INTEGER, allowNull: true },
    startedAt: { type: DataTypes.DATE, allowNull: true },
    closedById: { type: DataTypes.INTEGER, allowNull: true },
    closedAt: { type: DataTypes.DATE, allowNull: true },
    note: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'DunningPlan',
    modelName: 'DunningPlan',
    indexes: [{ fields: ['status'] }, { fields: ['title'] }, { fields: ['createdById'] }],
    validate: {
      startedAtBeforeClosedAt(this: DunningPlan) {
        if (this.startedAt && this.closedAt && new Date(this.closedAt).getTime() < new Date(this.startedAt).getTime()) {
          throw new Error(`${label('closedAt')}不能早于${label('startedAt')}`);
        }
      },
    },
  },
);
