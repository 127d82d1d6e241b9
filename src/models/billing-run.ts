import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Transaction,
} from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { monthLabel, shanghaiDay } from '../lib/shanghai.js';
import { withStoredRow } from './model-helpers.js';
import { PERIOD_PATTERN } from './bill.js';
import { oneOf, required, requiredText, validDate } from './validators.js';

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

const label = fieldNames('BillingRun');

const count = (name: string) => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  defaultValue: 0,
  validate: {
    notNull: { msg: `${name}不能为空` },
    isInt: { msg: `${name}必须是整数` },
    min: { args: [0] as [number], msg: `${name}不能为负数` },
  },
});

BillingRun.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    // NOT NULL in the table; beforeCreate fills it when left out.
    title: {
      type: DataTypes.STRING(80),
      allowNull: true,
      validate: { notEmpty: { msg: `${label('title')}不能为空` } },
    },
    period: {
      type: DataTypes.STRING(7),
      allowNull: false,
      validate: {
        ...requiredText(label('period')),
        is: { args: PERIOD_PATTERN, msg: `${label('period')}格式应为 YYYY-MM` },
      },
    },
    staffId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('staffId')) },
    ranAt: {
      type: DataTypes.DATE,
      allowNull: false,
      validate: { ...required(label('ranAt')), ...validDate(label('ranAt')) },
    },
    managementCount: count(label('managementCount')),
    parkingCount: count(label('parkingCount')),
    skippedCount: count(label('skippedCount')),
    status: {
      type: DataTypes.ENUM(...BILLING_RUN_STATUSES),
      allowNull: false,
      defaultValue: 'done',
      validate: { ...required(label('status')), ...oneOf(BILLING_RUN_STATUSES, label('status')) },
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
        if (this.status === 'undone' && !stamped)
          throw new Error(`撤销的生成记录须写明${label('undoneById')}和${label('undoneAt')}`);
        if (this.status === 'done' && (this.undoneById != null || this.undoneAt != null))
          throw new Error(`未撤销的生成记录不能有${label('undoneById')}或${label('undoneAt')}`);
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
