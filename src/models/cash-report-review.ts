import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { oneOf, required } from './validators.js';

/** 核对无误 | 有差异 (退回). */
export const CASH_REPORT_REVIEW_OUTCOMES = ['matched', 'different'] as const;
export type CashReportReviewOutcome = (typeof CASH_REPORT_REVIEW_OUTCOMES)[number];

/**
 * 日报核对记录: one check of a submitted 现金日报表 by another collector — 核对无误 (the report is reconciled) or 有差异
 * (sent back to its cashier). Kept for good: a report sent back, corrected and checked again has each check here.
 * differenceAmount is signed fen, as cashiers count it: money on hand minus the report's figure — positive is 长款
 * (more money than receipts), negative is 短款 (money missing); 0 on 核对无误, or on 有差异 when the net agrees and a
 * detail does not (a receipt under the wrong method), which the note then names.
 */
export class CashReportReview extends Model<
  InferAttributes<CashReportReview>,
  InferCreationAttributes<CashReportReview>
> {
  declare id: CreationOptional<number>;
  declare cashReportId: number;
  /** 核对人: another collector, never the report's own cashier (the rules and the use case see to it). */
  declare reviewerId: number;
  declare outcome: CashReportReviewOutcome;
  /** In fen, signed: + 长款, − 短款. */
  declare differenceAmount: CreationOptional<number>;
  /** Required when 有差异: what differs and what to correct. */
  declare note: CreationOptional<string | null>;
  declare reviewedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('CashReportReview');

CashReportReview.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    cashReportId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('cashReportId')) },
    reviewerId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('reviewerId')) },
    outcome: {
      type: DataTypes.ENUM(...CASH_REPORT_REVIEW_OUTCOMES),
      allowNull: false,
      validate: { ...required(label('outcome')), ...oneOf(CASH_REPORT_REVIEW_OUTCOMES, label('outcome')) },
    },
    differenceAmount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: {
        ...required(label('differenceAmount')),
        isInt: { msg: `${label('differenceAmount')}必须是以分为单位的整数` },
      },
    },
    note: { type: DataTypes.TEXT, allowNull: true },
    reviewedAt: { type: DataTypes.DATE, allowNull: false, validate: required(label('reviewedAt')) },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'CashReportReview',
    modelName: 'CashReportReview',
    indexes: [{ fields: ['cashReportId'] }, { fields: ['reviewerId'] }],
    validate: {
      differenceOnlyWhenDifferent(this: CashReportReview) {
        if (this.outcome === 'matched' && Number(this.differenceAmount ?? 0) !== 0)
          throw new Error(`${label('differenceAmount')}在核对无误时应为零`);
      },
      noteWhenDifferent(this: CashReportReview) {
        if (this.outcome === 'different' && String(this.note ?? '').trim() === '')
          throw new Error(`${label('note')}不能为空：请写明差异所在`);
      },
    },
  },
);
