import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { withStoredRow } from './model-helpers.js';
import { moneyFen, oneOf, positiveFen, required, requiredText, validDate } from './validators.js';

export const BILL_STATUSES = ['unpaid', 'partial', 'paid'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

/** 物管费 | 有偿服务 | 车位 | 会所 | 其他. */
export const BILL_FEE_KINDS = ['management', 'service', 'parking', 'clubhouse', 'other'] as const;
export type BillFeeKind = (typeof BILL_FEE_KINDS)[number];

/** 账期 'YYYY-MM'. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Default management-fee rate: 2.80 元 per m² per month, in fen. */
export const DEFAULT_MANAGEMENT_RATE_FEN = 280;

/** The status a bill must have for what has been paid on it (unpaid → partial → paid). */
export function billStatusFor(amount: number, paidAmount: number): BillStatus {
  if (paidAmount <= 0) return 'unpaid';
  return paidAmount >= amount ? 'paid' : 'partial';
}

/** 物管费 of one month: area (m²) × rate (fen per m²), rounded to the fen. */
export function managementFeeFen(area: number, rateFen: number = DEFAULT_MANAGEMENT_RATE_FEN): number {
  // area has two decimals: work in hundredths of m² so 89.45 × 280 does not come out as 25045.999…
  return Math.round((Math.round(area * 100) * rateFen) / 100);
}

/**
 * The key that makes a billing run idempotent: one bill per (fee kind, subject, period), e.g.
 * 'management:12:2026-11' (unit 12) or 'parking:7:2026-11' (parking rental 7).
 */
export function billingKeyFor(feeKind: BillFeeKind, subjectId: number, period: string): string {
  return `${feeKind}:${subjectId}:${period}`;
}

/** 账单: what a unit owes for one fee kind and period; paid by one or more Payments (收据). */
export class Bill extends Model<InferAttributes<Bill>, InferCreationAttributes<Bill>> {
  declare id: CreationOptional<number>;
  declare unitId: number;
  /** The owner billed (the unit's owner when the bill was made); null for a vacant unit. */
  declare ownerId: CreationOptional<number | null>;
  /** 账期 'YYYY-MM'. */
  declare period: string;
  declare feeKind: BillFeeKind;
  /** Shown as the bill's title, e.g. "2026年11月物业管理费（翠湖花园 3栋 1203）". */
  declare description: string;
  /** 应收金额, in fen (> 0). */
  declare amount: number;
  /** 已收金额, in fen: the sum of the bill's valid payments (0 ≤ paidAmount ≤ amount). */
  declare paidAmount: CreationOptional<number>;
  /** Always billStatusFor(amount, paidAmount). */
  declare status: CreationOptional<BillStatus>;
  /** 缴费期限 (YYYY-MM-DD); in arrears when unpaid/partial and past it. */
  declare dueDate: string;
  /** The paid service's WorkOrder (有偿服务), when the bill is for one. */
  declare workOrderId: CreationOptional<number | null>;
  /** billingKeyFor(...) for bills made by a billing run; null for one-off bills. Unique. */
  declare billingKey: CreationOptional<string | null>;
  /** The BillingRun that made the bill; null for one-off bills (and bills made before runs were recorded). */
  declare billingRunId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('Bill');

Bill.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    unitId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('unitId')) },
    ownerId: { type: DataTypes.INTEGER, allowNull: true },
    period: {
      type: DataTypes.STRING(7),
      allowNull: false,
      validate: {
        ...requiredText(label('period')),
        is: { args: PERIOD_PATTERN, msg: `${label('period')}格式应为 YYYY-MM` },
      },
    },
    feeKind: {
      type: DataTypes.ENUM(...BILL_FEE_KINDS),
      allowNull: false,
      validate: { ...required(label('feeKind')), ...oneOf(BILL_FEE_KINDS, label('feeKind')) },
    },
    description: { type: DataTypes.STRING(200), allowNull: false, validate: requiredText(label('description')) },
    amount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { ...required(label('amount')), ...positiveFen(label('amount')) },
    },
    paidAmount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: { ...required(label('paidAmount')), ...moneyFen(label('paidAmount')) },
    },
    status: {
      type: DataTypes.ENUM(...BILL_STATUSES),
      allowNull: false,
      defaultValue: 'unpaid',
      validate: { ...required(label('status')), ...oneOf(BILL_STATUSES, label('status')) },
    },
    dueDate: {
      type: DataTypes.DATEONLY,
      allowNull: false,
      validate: { ...required(label('dueDate')), ...validDate(label('dueDate')) },
    },
    workOrderId: { type: DataTypes.INTEGER, allowNull: true },
    billingKey: {
      type: DataTypes.STRING(80),
      allowNull: true,
      unique: { name: 'Bill_billingKey', msg: '该账单已生成，不能重复生成' },
    },
    billingRunId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'Bill',
    modelName: 'Bill',
    indexes: [
      { fields: ['status'] },
      { fields: ['period'] },
      { fields: ['unitId'] },
      { fields: ['ownerId'] },
      { fields: ['dueDate'] },
      { fields: ['feeKind'] },
      { fields: ['workOrderId'] },
      { fields: ['billingRunId'] },
    ],
    validate: {
      paidNotAboveAmount(this: Bill) {
        if (Number.isInteger(this.amount) && Number.isInteger(this.paidAmount) && this.paidAmount > this.amount) {
          throw new Error(`${label('paidAmount')}不能超过${label('amount')}`);
        }
      },
      statusMatchesPaid(this: Bill) {
        if (!Number.isInteger(this.amount) || !Number.isInteger(this.paidAmount) || this.paidAmount > this.amount)
          return;
        if (this.status !== billStatusFor(this.amount, this.paidAmount ?? 0))
          throw new Error(`账单${label('status')}与${label('paidAmount')}不一致`);
      },
    },
    // Model.update validates a partial build: let the row rules see the stored row.
    hooks: { beforeValidate: (bill, options) => withStoredRow(bill, options) },
  },
);
