import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { isPartialUpdate, withStoredRow } from './model-helpers.js';
import { moneyFen, oneOf, required, requiredText, validDate } from './validators.js';

export const CLUBHOUSE_CHARGE_STATUSES = ['pending', 'verified'] as const;
export type ClubhouseChargeStatus = (typeof CLUBHOUSE_CHARGE_STATUSES)[number];

/** The usual clubhouse items (the item is free text; these are suggestions). */
export const CLUBHOUSE_ITEMS = ['游泳', '健身', '桌球', '乒乓球', '羽毛球', '场地租用'] as const;

/** 会所收费: one charge line at the clubhouse, verified (校核) by a cashier. amount = quantity × unitPrice. */
export class ClubhouseCharge extends Model<InferAttributes<ClubhouseCharge>, InferCreationAttributes<ClubhouseCharge>> {
  declare id: CreationOptional<number>;
  /** 收费项目: 游泳 / 健身 / 桌球 / 场地租用 … */
  declare item: string;
  declare customerName: string;
  declare ownerId: CreationOptional<number | null>;
  /** YYYY-MM-DD. */
  declare chargeDate: string;
  /** 数量 (次数/小时/场), an integer ≥ 1. */
  declare quantity: number;
  /** 单价, in fen. */
  declare unitPrice: number;
  /** 金额, in fen = quantity × unitPrice; computed on save when left out or when quantity/price change alone. */
  declare amount: CreationOptional<number>;
  declare status: CreationOptional<ClubhouseChargeStatus>;
  /** 登记人 (Staff). */
  declare recordedById: number;
  /** 校核人 (Staff, a cashier). */
  declare verifiedById: CreationOptional<number | null>;
  declare verifiedAt: CreationOptional<Date | null>;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('ClubhouseCharge');

ClubhouseCharge.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    item: { type: DataTypes.STRING(40), allowNull: false, validate: requiredText(label('item')) },
    customerName: { type: DataTypes.STRING(40), allowNull: false, validate: requiredText(label('customerName')) },
    ownerId: { type: DataTypes.INTEGER, allowNull: true },
    chargeDate: {
      type: DataTypes.DATEONLY,
      allowNull: false,
      validate: { ...required(label('chargeDate')), ...validDate(label('chargeDate')) },
    },
    quantity: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 1,
      validate: {
        ...required(label('quantity')),
        isInt: { msg: `${label('quantity')}必须是整数` },
        min: { args: [1], msg: `${label('quantity')}至少为 1` },
      },
    },
    unitPrice: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { ...required(label('unitPrice')), ...moneyFen(label('unitPrice')) },
    },
    amount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { ...required(label('amount')), ...moneyFen(label('amount')) },
    },
    status: {
      type: DataTypes.ENUM(...CLUBHOUSE_CHARGE_STATUSES),
      allowNull: false,
      defaultValue: 'pending',
      validate: { ...required(label('status')), ...oneOf(CLUBHOUSE_CHARGE_STATUSES, label('status')) },
    },
    recordedById: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('recordedById')) },
    verifiedById: { type: DataTypes.INTEGER, allowNull: true },
    verifiedAt: { type: DataTypes.DATE, allowNull: true },
    note: { type: DataTypes.STRING(200), allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'ClubhouseCharge',
    modelName: 'ClubhouseCharge',
    indexes: [
      { fields: ['status'] },
      { fields: ['chargeDate'] },
      { fields: ['item'] },
      { fields: ['ownerId'] },
      { fields: ['recordedById'] },
      { fields: ['verifiedById'] },
    ],
    validate: {
      amountIsQuantityTimesPrice(this: ClubhouseCharge) {
        if (![this.quantity, this.unitPrice, this.amount].every((v) => Number.isInteger(v))) return;
        if (this.amount !== this.quantity * this.unitPrice)
          throw new Error(`${label('amount')}必须等于${label('quantity')}乘以${label('unitPrice')}`);
      },
    },
    hooks: {
      // On create and on instance.update the amount follows quantity × unit price unless it is given. Model.update
      // (a partial update) cannot add a column it was not given, so there the amount must come with the change.
      async beforeValidate(charge, options) {
        if (isPartialUpdate(options)) return withStoredRow(charge, options);
        const quantity = Number(charge.quantity);
        const unitPrice = Number(charge.unitPrice);
        if (!Number.isInteger(quantity) || !Number.isInteger(unitPrice)) return;
        const inputsChangedAlone =
          !charge.isNewRecord &&
          (charge.changed('quantity') || charge.changed('unitPrice')) &&
          !charge.changed('amount');
        if (charge.amount == null || inputsChangedAlone) charge.amount = quantity * unitPrice;
      },
      // save() fixes the columns it writes before validation; an amount recomputed above must be written too.
      beforeUpdate(charge, options) {
        if (charge.changed('amount') && Array.isArray(options.fields) && !options.fields.includes('amount'))
          options.fields.push('amount');
      },
    },
  },
);
