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
import { withStoredRow } from './model-helpers.js';
import { datesInOrder, moneyFen, oneOf, required, validDate } from './validators.js';

/** 未提交 → 已提交 → 已核对; 已提交 → 已退回 (有差异) → 已提交 again; 已提交 → 未提交 (重新打开, by its cashier). */
export const CASH_REPORT_STATUSES = ['open', 'submitted', 'reconciled', 'returned'] as const;
export type CashReportStatus = (typeof CASH_REPORT_STATUSES)[number];

/**
 * 现金日报表: one cashier's day (reportDate, Asia/Shanghai), built from that cashier's receipts of the day
 * (Payment.cashReportId). Totals count only `valid` receipts (voided ones stay linked but count nothing):
 * - receiptCount: valid receipts, refunds included;
 * - cash/card/wechat/alipay/transferAmount: money received (inflows) by method, in fen;
 * - refundAmount: money paid out (`deposit_refund` receipts), in fen;
 * - totalAmount: net, in fen = cash + card + wechat + alipay + transfer − refund (may be negative).
 * computeCashReportTotals() in src/domain/cash-report-totals.ts computes exactly these fields.
 * Submitted by its cashier, then checked by another collector: reconciled (核对无误), or returned (有差异) to be corrected
 * (void and reissue) and submitted again. Its cashier may reopen a submitted day to take its later receipts. Every
 * check is kept as a CashReportReview.
 */
export class CashReport extends Model<InferAttributes<CashReport>, InferCreationAttributes<CashReport>> {
  declare id: CreationOptional<number>;
  /** Shown wherever the report is referenced, e.g. "2026-11-27 王芳 现金日报"; filled on create when left out. */
  declare title: CreationOptional<string>;
  declare cashierId: number;
  /** YYYY-MM-DD, Asia/Shanghai. One report per cashier and day. */
  declare reportDate: string;
  declare status: CreationOptional<CashReportStatus>;
  declare receiptCount: CreationOptional<number>;
  /** Net total, in fen (inflows − refunds). */
  declare totalAmount: CreationOptional<number>;
  /** In fen. */
  declare cashAmount: CreationOptional<number>;
  /** In fen. */
  declare cardAmount: CreationOptional<number>;
  /** In fen. */
  declare wechatAmount: CreationOptional<number>;
  /** In fen. */
  declare alipayAmount: CreationOptional<number>;
  /** In fen. */
  declare transferAmount: CreationOptional<number>;
  /** Deposit refunds paid out, in fen. */
  declare refundAmount: CreationOptional<number>;
  declare submittedAt: CreationOptional<Date | null>;
  /** 核对人: another collector, never the report's own cashier. */
  declare reconciledById: CreationOptional<number | null>;
  declare reconciledAt: CreationOptional<Date | null>;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('CashReport');

const fen = (name: string) => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  defaultValue: 0,
  validate: { ...required(name), ...moneyFen(name) },
});

CashReport.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    // NOT NULL in the table; beforeCreate fills it when left out.
    title: {
      type: DataTypes.STRING(80),
      allowNull: true,
      validate: { notEmpty: { msg: `${label('title')}不能为空` } },
    },
    cashierId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: { name: 'CashReport_cashierId_reportDate', msg: '该收费员当天已有现金日报表' },
      validate: required(label('cashierId')),
    },
    reportDate: {
      type: DataTypes.DATEONLY,
      allowNull: false,
      unique: { name: 'CashReport_cashierId_reportDate', msg: '该收费员当天已有现金日报表' },
      validate: { ...required(label('reportDate')), ...validDate(label('reportDate')) },
    },
    status: {
      type: DataTypes.ENUM(...CASH_REPORT_STATUSES),
      allowNull: false,
      defaultValue: 'open',
      validate: { ...required(label('status')), ...oneOf(CASH_REPORT_STATUSES, label('status')) },
    },
    receiptCount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: {
        ...required(label('receiptCount')),
        isInt: { msg: `${label('receiptCount')}必须是整数` },
        min: { args: [0], msg: `${label('receiptCount')}不能为负数` },
      },
    },
    totalAmount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: { ...required(label('totalAmount')), isInt: { msg: `${label('totalAmount')}必须是以分为单位的整数` } },
    },
    cashAmount: fen(label('cashAmount')),
    cardAmount: fen(label('cardAmount')),
    wechatAmount: fen(label('wechatAmount')),
    alipayAmount: fen(label('alipayAmount')),
    transferAmount: fen(label('transferAmount')),
    refundAmount: fen(label('refundAmount')),
    submittedAt: { type: DataTypes.DATE, allowNull: true },
    reconciledById: { type: DataTypes.INTEGER, allowNull: true },
    reconciledAt: { type: DataTypes.DATE, allowNull: true },
    note: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'CashReport',
    modelName: 'CashReport',
    indexes: [{ fields: ['reportDate'] }, { fields: ['status'] }, { fields: ['reconciledById'] }],
    validate: {
      reconcilerIsAnotherCollector(this: CashReport) {
        if (
          this.reconciledById != null &&
          this.cashierId != null &&
          Number(this.reconciledById) === Number(this.cashierId)
        ) {
          throw new Error(`${label('reconciledById')}不能是本人，须由另一名收费员核对`);
        }
      },
      totalIsNetOfMethods(this: CashReport) {
        const parts = [
          this.cashAmount,
          this.cardAmount,
          this.wechatAmount,
          this.alipayAmount,
          this.transferAmount,
          this.refundAmount,
          this.totalAmount,
        ];
        if (!parts.every((v) => Number.isInteger(v))) return;
        const net =
          this.cashAmount +
          this.cardAmount +
          this.wechatAmount +
          this.alipayAmount +
          this.transferAmount -
          this.refundAmount;
        if (net !== this.totalAmount)
          throw new Error(`${label('totalAmount')}应等于各收款方式金额之和减去${label('refundAmount')}`);
      },
      reconciledAfterSubmitted: datesInOrder(label, 'submittedAt', 'reconciledAt'),
    },
    hooks: {
      // Model.update validates a partial build: let the row rules see the stored row.
      beforeValidate: (report, options) => withStoredRow(report, options),
      async beforeCreate(report, options) {
        if (report.title || !report.reportDate) return;
        const cashier = report.cashierId
          ? ((await sequelize.model('Staff').findByPk(report.cashierId, {
              attributes: ['name'],
              transaction: (options.transaction as Transaction | undefined) ?? undefined,
            })) as { get(k: 'name'): string } | null)
          : null;
        report.title = `${report.reportDate} ${cashier ? cashier.get('name') + ' ' : ''}现金日报`;
      },
    },
  },
);
