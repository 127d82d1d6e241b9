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
import { INSPECTION_RESULTS, RenovationApplication, type InspectionResult } from './renovation-application.js';
import { moneyFen, oneOf, positiveFen, required, requiredText } from './validators.js';

/** held 押金在押 → refunded 已退还 (possibly with a deduction) | forfeited 已没收. */
export const DEPOSIT_STATUSES = ['held', 'refunded', 'forfeited'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];

/** The deposit's number mirrors its application's: "ZX2026-0012" → "YJ2026-0012". */
export function depositNumberFor(applicationNumber: string): string {
  return applicationNumber.replace(/^ZX/, 'YJ');
}

/**
 * 装修押金: collected once an application is approved (a Payment of kind `deposit`), then refunded — in full
 * or less a deduction for damages (a Payment of kind `deposit_refund`) — or forfeited after inspection.
 */
export class RenovationDeposit extends Model<
  InferAttributes<RenovationDeposit>,
  InferCreationAttributes<RenovationDeposit>
> {
  declare id: CreationOptional<number>;
  /** 押金编号, e.g. "YJ2026-0012"; taken from the application when left empty (as are unit and owner). */
  declare number: CreationOptional<string>;
  declare applicationId: number;
  declare unitId: CreationOptional<number>;
  declare ownerId: CreationOptional<number>;
  /** The deposit collected, in fen. */
  declare amount: number;
  declare status: CreationOptional<DepositStatus>;
  /** Copied from the application when it is inspected, so authority rules read it on the row. */
  declare inspectionResult: CreationOptional<InspectionResult | null>;
  /** The receipt (Payment kind `deposit`) of the collection. */
  declare receiptPaymentId: CreationOptional<number | null>;
  /** Paid back to the owner, in fen; refundedAmount + deduction = amount once refunded. */
  declare refundedAmount: CreationOptional<number>;
  /** Kept for damages, in fen. */
  declare deduction: CreationOptional<number>;
  /** The refund receipt (Payment kind `deposit_refund`). */
  declare refundPaymentId: CreationOptional<number | null>;
  declare refundedAt: CreationOptional<Date | null>;
  declare refundedById: CreationOptional<number | null>;
  declare forfeitedAt: CreationOptional<Date | null>;
  declare forfeitedById: CreationOptional<number | null>;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('RenovationDeposit');

RenovationDeposit.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    number: {
      type: DataTypes.STRING(20),
      allowNull: false,
      unique: true,
      validate: requiredText(label('number')),
    },
    applicationId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: true,
      validate: required(label('applicationId')),
    },
    unitId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('unitId')) },
    ownerId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('ownerId')) },
    amount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { ...required(label('amount')), ...positiveFen(label('amount')) },
    },
    status: {
      type: DataTypes.ENUM(...DEPOSIT_STATUSES),
      allowNull: false,
      defaultValue: 'held',
      validate: oneOf(DEPOSIT_STATUSES, label('status')),
    },
    inspectionResult: {
      type: DataTypes.ENUM(...INSPECTION_RESULTS),
      allowNull: true,
      validate: oneOf(INSPECTION_RESULTS, label('inspectionResult')),
    },
    receiptPaymentId: { type: DataTypes.INTEGER, allowNull: true },
    refundedAmount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: { ...required(label('refundedAmount')), ...moneyFen(label('refundedAmount')) },
    },
    deduction: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: { ...required(label('deduction')), ...moneyFen(label('deduction')) },
    },
    refundPaymentId: { type: DataTypes.INTEGER, allowNull: true },
    refundedAt: { type: DataTypes.DATE, allowNull: true },
    refundedById: { type: DataTypes.INTEGER, allowNull: true },
    forfeitedAt: { type: DataTypes.DATE, allowNull: true },
    forfeitedById: { type: DataTypes.INTEGER, allowNull: true },
    note: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'RenovationDeposit',
    modelName: 'RenovationDeposit',
    indexes: [
      { unique: true, fields: ['number'] },
      { unique: true, fields: ['applicationId'] },
      { fields: ['status'] },
      { fields: ['unitId'] },
      { fields: ['ownerId'] },
      { fields: ['inspectionResult'] },
    ],
    validate: {
      // The deposit's money invariants (refund + deduction = amount), checked on every save whatever path wrote the row.
      refundAddsUp(this: RenovationDeposit) {
        const refunded = Number(this.refundedAmount ?? 0);
        const deduction = Number(this.deduction ?? 0);
        if (this.status === 'refunded' && refunded + deduction !== Number(this.amount)) {
          throw new Error(`${label('refundedAmount')}与${label('deduction')}之和必须等于${label('amount')}`);
        }
        if (this.status === 'refunded' && refunded > 0 && !this.refundPaymentId)
          throw new Error(`退还押金必须有${label('refundPaymentId')}`);
      },
      forfeitHasNoRefund(this: RenovationDeposit) {
        if (this.status === 'forfeited' && (this.refundPaymentId || Number(this.refundedAmount ?? 0) !== 0)) {
          throw new Error('已没收的押金不能有退款');
        }
      },
      heldHasNoRefund(this: RenovationDeposit) {
        if (
          this.status === 'held' &&
          (this.refundPaymentId || Number(this.refundedAmount ?? 0) !== 0 || Number(this.deduction ?? 0) !== 0)
        ) {
          throw new Error('押金尚未退还，不能有退款或扣款');
        }
      },
    },
    hooks: {
      // Registered from its application alone: the number, unit and owner follow the application.
      async beforeValidate(deposit, options) {
        if ((deposit.number && deposit.unitId && deposit.ownerId) || !deposit.applicationId) return;
        const application = await RenovationApplication.findByPk(deposit.applicationId, {
          attributes: ['number', 'unitId', 'ownerId'],
          transaction: (options as { transaction?: Transaction }).transaction,
        });
        if (!application) return;
        deposit.number ||= depositNumberFor(application.number);
        deposit.unitId ??= application.unitId;
        deposit.ownerId ??= application.ownerId;
      },
    },
  },
);
