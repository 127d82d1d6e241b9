import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { positiveFen, required } from './validators.js';

/**
 * 收据分摊: how much of one receipt went to one bill. A fee receipt settles one or more bills of one owner, oldest
 * period first; its amount is the sum of its allocations. A voided receipt keeps its allocations (what it had
 * settled), but they count nothing: a bill's paid amount is the sum of the allocations of its valid receipts.
 */
export class PaymentAllocation extends Model<
  InferAttributes<PaymentAllocation>,
  InferCreationAttributes<PaymentAllocation>
> {
  declare id: CreationOptional<number>;
  declare paymentId: number;
  declare billId: number;
  /** 分摊金额, in fen (> 0). */
  declare amount: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('PaymentAllocation');

PaymentAllocation.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    paymentId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: required(label('paymentId')),
      unique: { name: 'PaymentAllocation_paymentId_billId', msg: '同一张收据不能重复分摊到同一张账单' },
    },
    billId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: required(label('billId')),
      unique: { name: 'PaymentAllocation_paymentId_billId', msg: '同一张收据不能重复分摊到同一张账单' },
    },
    amount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { ...required(label('amount')), ...positiveFen(label('amount')) },
    },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'PaymentAllocation',
    modelName: 'PaymentAllocation',
    indexes: [{ fields: ['billId'] }],
  },
);
