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
import { formatReceiptNumber, receiptNumbering, type ReceiptNumbering } from './receipt-numbers.js';
import { shanghaiYear } from '../lib/shanghai.js';
import { withStoredRow } from './model-helpers.js';
import { oneOf, positiveFen, required, requiredText } from './validators.js';

/** 物业费等账单 | 装修押金 | 退押金 | 车位 | 会所 | 其他. */
export const PAYMENT_KINDS = ['fee', 'deposit', 'deposit_refund', 'parking', 'clubhouse', 'other'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** 现金 | 刷卡 | 微信 | 支付宝 | 转账. */
export const PAYMENT_METHODS = ['cash', 'card', 'wechat', 'alipay', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_STATUSES = ['valid', 'voided'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * 收款(收据): one receipt. Amounts are always positive; money going out (a deposit refund) is kind
 * `deposit_refund` with a positive amount. A receipt is voided, never deleted; its number is never reused.
 */
export class Payment extends Model<InferAttributes<Payment>, InferCreationAttributes<Payment>> {
  declare id: CreationOptional<number>;
  /** 收据号 'SK2026-000123' = formatReceiptNumber(receiptYear, receiptSequence); filled on create when left out. */
  declare receiptNumber: CreationOptional<string>;
  /** Asia/Shanghai year of paidAt. */
  declare receiptYear: CreationOptional<number>;
  /** 1, 2, 3 … within receiptYear, no gaps. */
  declare receiptSequence: CreationOptional<number>;
  declare kind: PaymentKind;
  declare method: PaymentMethod;
  /** 金额, in fen, > 0 (also for a refund). */
  declare amount: number;
  declare status: CreationOptional<PaymentStatus>;
  declare billId: CreationOptional<number | null>;
  /** RenovationDeposit collected or refunded by this receipt. */
  declare depositId: CreationOptional<number | null>;
  declare ownerId: CreationOptional<number | null>;
  declare unitId: CreationOptional<number | null>;
  /** 交款人 / 领款人. */
  declare payerName: string;
  /** 收款人 (Staff, a cashier). */
  declare cashierId: number;
  /** 现金日报表 the receipt is counted in. */
  declare cashReportId: CreationOptional<number | null>;
  declare paidAt: CreationOptional<Date>;
  declare voidedAt: CreationOptional<Date | null>;
  declare voidedById: CreationOptional<number | null>;
  declare voidReason: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('Payment');
const enumOf = (values: readonly string[], field: 'kind' | 'method' | 'status') => ({
  ...required(label(field)),
  ...oneOf(values, label(field)),
});
const receiptTaken = `该年度的${label('receiptSequence')}已被使用，${label('receiptNumber')}不能重复`;

Payment.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    // The three receipt fields are NOT NULL in the table; the model lets them be left out because beforeCreate fills them.
    receiptNumber: {
      type: DataTypes.STRING(20),
      allowNull: true,
      unique: {
        name: 'Payment_receiptNumber',
        msg: `${label('receiptNumber')}已被使用，${label('receiptNumber')}不能重复`,
      },
      validate: { notEmpty: { msg: `${label('receiptNumber')}不能为空` } },
    },
    receiptYear: {
      type: DataTypes.INTEGER,
      allowNull: true,
      unique: { name: 'Payment_receiptYear_receiptSequence', msg: receiptTaken },
      validate: {
        isInt: { msg: `${label('receiptYear')}不正确` },
        min: { args: [2000], msg: `${label('receiptYear')}不正确` },
        max: { args: [9999], msg: `${label('receiptYear')}不正确` },
      },
    },
    receiptSequence: {
      type: DataTypes.INTEGER,
      allowNull: true,
      unique: { name: 'Payment_receiptYear_receiptSequence', msg: receiptTaken },
      validate: {
        isInt: { msg: `${label('receiptSequence')}必须是正整数` },
        min: { args: [1], msg: `${label('receiptSequence')}必须是正整数` },
      },
    },
    kind: { type: DataTypes.ENUM(...PAYMENT_KINDS), allowNull: false, validate: enumOf(PAYMENT_KINDS, 'kind') },
    method: {
      type: DataTypes.ENUM(...PAYMENT_METHODS),
      allowNull: false,
      validate: enumOf(PAYMENT_METHODS, 'method'),
    },
    amount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { ...required(label('amount')), ...positiveFen(label('amount')) },
    },
    status: {
      type: DataTypes.ENUM(...PAYMENT_STATUSES),
      allowNull: false,
      defaultValue: 'valid',
      validate: enumOf(PAYMENT_STATUSES, 'status'),
    },
    billId: { type: DataTypes.INTEGER, allowNull: true },
    depositId: { type: DataTypes.INTEGER, allowNull: true },
    ownerId: { type: DataTypes.INTEGER, allowNull: true },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    payerName: {
      type: DataTypes.STRING(60),
      allowNull: false,
      validate: requiredText(label('payerName')),
    },
    cashierId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('cashierId')) },
    cashReportId: { type: DataTypes.INTEGER, allowNull: true },
    paidAt: {
      type: DataTypes.DATE,
      allowNull: false,
      defaultValue: DataTypes.NOW,
      validate: required(label('paidAt')),
    },
    voidedAt: { type: DataTypes.DATE, allowNull: true },
    voidedById: { type: DataTypes.INTEGER, allowNull: true },
    voidReason: { type: DataTypes.STRING(200), allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'Payment',
    modelName: 'Payment',
    indexes: [
      { fields: ['status'] },
      { fields: ['kind'] },
      { fields: ['method'] },
      { fields: ['billId'] },
      { fields: ['depositId'] },
      { fields: ['ownerId'] },
      { fields: ['unitId'] },
      { fields: ['cashierId', 'paidAt'] },
      { fields: ['cashReportId'] },
      { fields: ['paidAt'] },
      { fields: ['payerName'] },
    ],
    validate: {
      voidedNeedsReason(this: Payment) {
        if (this.status === 'voided' && !String(this.voidReason ?? '').trim())
          throw new Error(`作废收据必须填写${label('voidReason')}`);
      },
      numberMatchesSequence(this: Payment) {
        if (!Number.isInteger(this.receiptYear) || !Number.isInteger(this.receiptSequence) || this.receiptSequence < 1)
          return;
        if (this.receiptYear < 1000 || this.receiptYear > 9999) return;
        if (this.receiptNumber !== formatReceiptNumber(this.receiptYear, this.receiptSequence))
          throw new Error(`${label('receiptNumber')}与${label('receiptYear')}、${label('receiptSequence')}不一致`);
      },
      voidedAfterPaid(this: Payment) {
        if (this.voidedAt && this.paidAt && new Date(this.voidedAt).getTime() < new Date(this.paidAt).getTime())
          throw new Error(`${label('voidedAt')}不能早于${label('paidAt')}`);
      },
    },
    hooks: {
      // Model.update (AdminJS's edit, use cases) validates a partial build: let the row rules see the stored row.
      beforeValidate: (payment, options) => withStoredRow(payment, options),
      // A new receipt takes the next number of its year unless the caller already drew one. Numbered in beforeCreate
      // (not beforeValidate) because Model.update validates a partial build that looks new and would draw a number.
      async beforeCreate(payment, options) {
        if (!payment.paidAt) payment.paidAt = new Date();
        if (payment.receiptYear == null) payment.receiptYear = shanghaiYear(new Date(payment.paidAt));
        if (payment.receiptSequence == null) {
          payment.receiptSequence = await nextReceiptSequence(
            payment.receiptYear,
            (options.transaction as Transaction | undefined) ?? null,
          );
        }
        const { receiptYear: year, receiptSequence: sequence } = payment;
        if (
          !payment.receiptNumber &&
          Number.isInteger(year) &&
          year >= 1000 &&
          year <= 9999 &&
          Number.isInteger(sequence) &&
          sequence >= 1
        ) {
          payment.receiptNumber = formatReceiptNumber(year, sequence);
        }
      },
    },
  },
);

// Drawing receipt numbers. The unique (receiptYear, receiptSequence) index is the final guard: two cashiers issuing in
// the same instant may collide, and the loser retries with the next number.

/** The next receipt sequence of a year: the highest one issued (voided ones included) + 1. */
export async function nextReceiptSequence(year: number, transaction?: Transaction | null): Promise<number> {
  const max = await Payment.max<number | null, Payment>('receiptSequence', {
    where: { receiptYear: year },
    transaction: transaction ?? undefined,
  });
  return (Number(max) || 0) + 1;
}

/** Year, sequence and number for a receipt issued at `at` (its year is the Shanghai year: 2025-12-31T16:30Z is already 2026). */
export async function nextReceipt(at: Date, transaction?: Transaction | null): Promise<ReceiptNumbering> {
  const year = shanghaiYear(at);
  return receiptNumbering(year, await nextReceiptSequence(year, transaction));
}

/**
 * Numbers many receipts at once (the demo data), in the order given — the order they were issued in: each gets the
 * numbering nextReceipt would have given it, one after another, continuing after its year's highest sequence.
 * The rows are numbered in place and returned.
 */
export async function numberReceipts<T extends { paidAt: Date }>(
  rows: T[],
  transaction?: Transaction | null,
): Promise<Array<T & ReceiptNumbering>> {
  const next = new Map<number, number>();
  for (const row of rows) {
    const year = shanghaiYear(row.paidAt);
    const sequence = next.get(year) ?? (await nextReceiptSequence(year, transaction));
    next.set(year, sequence + 1);
    Object.assign(row, receiptNumbering(year, sequence));
  }
  return rows as Array<T & ReceiptNumbering>;
}
