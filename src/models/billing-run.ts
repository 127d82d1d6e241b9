import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Transaction,
} from 'sequelize';
import { sequelize } from '../db.js';
import { monthLabel, shanghaiDay } from '../lib/shanghai.js';
import { withStoredRow } from './model-helpers.js';
import { PERIOD_PATTERN } from './bill.js';
import { requiredText } from './validators.js';

/** done 已生成 | undone 已撤销 (its bills deleted). */
export const BILLING_RUN_STATUSES = ['done', 'undone'] as const;
export type BillingRunStatus = (typeof BILLING_RUN_STATUSES)[number];

/**
 * 账单生成记录: one monthly billing run (Bill.generate) — who ran it for which period, when, and what it made.
 * Each bill it made points at it (Bill.billingRunId); undoing the run (BillingRun.undo) deletes those bills, once.
 */
export class BillingRun extends Model<InferAttributes<BillingRun>, InferCreationAttributes<BillingRun>> {
  declare id: CreationOptional<number>;
  /** Shown wherever a bill points at its run, e.g. "2026年12月账单（2026-12-01 王芳）"; filled on create when left out. */
  declare title: CreationOptional<string>;
  /** 账期 'YYYY-MM'. */
  declare period: string;
  /** Who ran it (a cashier). */
  declare staffId: number;
  declare ranAt: Date;
  /** Bills the run made, by fee kind, and those it skipped because they already existed. */
  declare managementCount: CreationOptional<number>;
  declare parkingCount: CreationOptional<number>;
  declare skippedCount: CreationOptional<number>;
  declare status: CreationOptional<BillingRunStatus>;
  declare undoneById: CreationOptional<number | null>;
  declare undoneAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const count = (label: string) => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  defaultValue: 0,
  validate: {
    notNull: { msg: `${label}不能为空` },
    isInt: { msg: `${label}必须是整数` },
    min: { args: [0] as [number], msg: `${label}不能为负数` },
  },
});

BillingRun.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    // NOT NULL in the table; beforeCreate fills it when left out.
    title: { type: DataTypes.STRING(80), allowNull: true, validate: { notEmpty: { msg: '生成记录名称不能为空' } } },
    period: {
      type: DataTypes.STRING(7),
      allowNull: false,
      validate: { ...requiredText('账期'), is: { args: PERIOD_PATTERN, msg: '账期格式应为 YYYY-MM' } },
    },
    staffId: { type: DataTypes.INTEGER, allowNull: false, validate: { notNull: { msg: '生成人不能为空' } } },
    ranAt: {
      type: DataTypes.DATE,
      allowNull: false,
      validate: { notNull: { msg: '生成时间不能为空' }, isDate: { args: true, msg: '生成时间格式不正确' } },
    },
    managementCount: count('物业管理费账单数'),
    parkingCount: count('车位租金账单数'),
    skippedCount: count('已存在账单数'),
    status: {
      type: DataTypes.ENUM(...BILLING_RUN_STATUSES),
      allowNull: false,
      defaultValue: 'done',
      validate: {
        notNull: { msg: '状态不能为空' },
        isIn: { args: [BILLING_RUN_STATUSES as unknown as string[]], msg: '状态不正确' },
      },
    },
    undoneById: { type: DataTypes.INTEGER, allowNull: true },
    undoneAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'BillingRun',
    modelName: 'BillingRun',
    indexes: [{ fields: ['period'] }, { fields: ['status'] }, { fields: ['staffId'] }, { fields: ['ranAt'] }],
    validate: {
      undoneSaysWhoAndWhen(this: BillingRun) {
        if (this.status === undefined) return;
        const stamped = this.undoneById != null && this.undoneAt != null;
        if (this.status === 'undone' && !stamped) throw new Error('撤销的生成记录须写明撤销人和撤销时间');
        if (this.status === 'done' && (this.undoneById != null || this.undoneAt != null))
          throw new Error('未撤销的生成记录不能有撤销人或撤销时间');
      },
    },
    hooks: {
      // Model.update validates a partial build: let the row rules see the stored row.
      beforeValidate: (run, options) => withStoredRow(run, options),
      async beforeCreate(run, options) {
        if (run.title || !run.period || !run.ranAt) return;
        const staff = run.staffId
          ? ((await sequelize.model('Staff').findByPk(run.staffId, {
              attributes: ['name'],
              transaction: (options.transaction as Transaction | undefined) ?? undefined,
            })) as { get(k: 'name'): string } | null)
          : null;
        run.title = billingRunTitle(run.period, run.ranAt, staff?.get('name'));
      },
    },
  },
);

/** "2026年12月账单（2026-12-01 王芳）". */
export function billingRunTitle(period: string, ranAt: Date, staffName?: string): string {
  return `${monthLabel(period)}账单（${shanghaiDay(new Date(ranAt))}${staffName ? ` ${staffName}` : ''}）`;
}
