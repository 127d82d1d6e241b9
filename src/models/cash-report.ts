import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Transaction,
} from 'sequelize';
import { sequelize } from '../db.js';
import { withStoredRow } from './model-helpers.js';
import { datesInOrder, moneyFen } from './validators.js';

export const CASH_REPORT_STATUSES = ['open', 'submitted', 'reconciled'] as const;
export type CashReportStatus = (typeof CASH_REPORT_STATUSES)[number];

/**
 * 现金日报表: one cashier's day (reportDate, Asia/Shanghai), built from that cashier's receipts of the day
 * (Payment.cashReportId). Totals count only `valid` receipts (voided ones stay linked but count nothing):
 * - receiptCount: valid receipts, refunds included;
 * - cash/card/wechat/alipay/transferAmount: money received (inflows) by method, in fen;
 * - refundAmount: money paid out (`deposit_refund` receipts), in fen;
 * - totalAmount: net, in fen = cash + card + wechat + alipay + transfer − refund (may be negative).
 * computeCashReportTotals() in src/domain/cash-report-totals.ts computes exactly these fields.
 * Submitted by its cashier, then reconciled (核对) by another collector.
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

const fen = (label: string) => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  defaultValue: 0,
  validate: { notNull: { msg: `${label}不能为空` }, ...moneyFen(label) },
});

CashReport.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    // NOT NULL in the table; beforeCreate fills it when left out.
    title: { type: DataTypes.STRING(80), allowNull: true, validate: { notEmpty: { msg: '日报表名称不能为空' } } },
    cashierId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: { name: 'CashReport_cashierId_reportDate', msg: '该收费员当天已有现金日报表' },
      validate: { notNull: { msg: '收款人不能为空' } },
    },
    reportDate: {
      type: DataTypes.DATEONLY,
      allowNull: false,
      unique: { name: 'CashReport_cashierId_reportDate', msg: '该收费员当天已有现金日报表' },
      validate: { notNull: { msg: '报表日期不能为空' }, isDate: { args: true, msg: '报表日期格式不正确' } },
    },
    status: {
      type: DataTypes.ENUM(...CASH_REPORT_STATUSES),
      allowNull: false,
      defaultValue: 'open',
      validate: {
        notNull: { msg: '状态不能为空' },
        isIn: { args: [CASH_REPORT_STATUSES as unknown as string[]], msg: '状态不正确' },
      },
    },
    receiptCount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: {
        notNull: { msg: '收据张数不能为空' },
        isInt: { msg: '收据张数必须是整数' },
        min: { args: [0], msg: '收据张数不能为负数' },
      },
    },
    totalAmount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: { notNull: { msg: '合计金额不能为空' }, isInt: { msg: '合计金额必须是以分为单位的整数' } },
    },
    cashAmount: fen('现金金额'),
    cardAmount: fen('刷卡金额'),
    wechatAmount: fen('微信金额'),
    alipayAmount: fen('支付宝金额'),
    transferAmount: fen('转账金额'),
    refundAmount: fen('退款金额'),
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
          throw new Error('核对人不能是本人，须由另一名收费员核对');
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
        if (net !== this.totalAmount) throw new Error('合计金额应等于各收款方式金额之和减去退款金额');
      },
      reconciledAfterSubmitted: datesInOrder('submittedAt', 'reconciledAt', '核对时间不能早于提交时间'),
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
