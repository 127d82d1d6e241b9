import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { withStoredRow } from './model-helpers.js';
import { datesInOrder, oneOf, phone, positiveFen, required, requiredText, validDate } from './validators.js';

export const PARKING_RENTAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ParkingRentalStatus = (typeof PARKING_RENTAL_STATUSES)[number];
/** The states in which a rental holds its space: a space is let to one of these at a time. */
export const SPACE_HOLDING_STATUSES = ['pending', 'approved'] as const satisfies readonly ParkingRentalStatus[];

/**
 * A mainland plate: province + letter + 5 characters (粤B12345, 粤BD12345 / 粤B12345D new-energy, 粤B1234学/警/挂…).
 * Letters I and O are never used.
 */
export const PLATE_PATTERN =
  /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]|[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF])$/;

/** 车位租赁: a space let over dates, registered by a garage keeper 车库管理员, reviewed (approved/rejected) by a cashier. */
export class ParkingRental extends Model<InferAttributes<ParkingRental>, InferCreationAttributes<ParkingRental>> {
  declare id: CreationOptional<number>;
  /** 登记人 (Staff, the garage keeper). */
  declare registeredById: number;
  declare ownerId: CreationOptional<number | null>;
  declare unitId: CreationOptional<number | null>;
  declare renterName: string;
  declare renterPhone: string;
  /** 车牌号, upper-case without spaces, e.g. "粤B12345". */
  declare plateNumber: string;
  /** 车位 (ParkingSpace): pending and approved rentals of one space never overlap (domain/parking.ts). */
  declare spaceId: number;
  declare startDate: string;
  declare endDate: string;
  /** 月租金, in fen (> 0). */
  declare monthlyRent: number;
  declare status: CreationOptional<ParkingRentalStatus>;
  declare reviewedById: CreationOptional<number | null>;
  declare reviewedAt: CreationOptional<Date | null>;
  declare reviewNote: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('ParkingRental');

ParkingRental.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    registeredById: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('registeredById')) },
    ownerId: { type: DataTypes.INTEGER, allowNull: true },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    renterName: { type: DataTypes.STRING(40), allowNull: false, validate: requiredText(label('renterName')) },
    renterPhone: {
      type: DataTypes.STRING(20),
      allowNull: false,
      validate: { ...requiredText(label('renterPhone')), ...phone(label('renterPhone')) },
    },
    plateNumber: {
      type: DataTypes.STRING(10),
      allowNull: false,
      validate: {
        ...requiredText(label('plateNumber')),
        is: { args: PLATE_PATTERN, msg: `${label('plateNumber')}格式不正确` },
      },
      set(value: string) {
        this.setDataValue(
          'plateNumber',
          typeof value === 'string' ? value.replace(/[\s·•-]/g, '').toUpperCase() : value,
        );
      },
    },
    spaceId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('spaceId')) },
    startDate: {
      type: DataTypes.DATEONLY,
      allowNull: false,
      validate: { ...required(label('startDate')), ...validDate(label('startDate')) },
    },
    endDate: {
      type: DataTypes.DATEONLY,
      allowNull: false,
      validate: { ...required(label('endDate')), ...validDate(label('endDate')) },
    },
    monthlyRent: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { ...required(label('monthlyRent')), ...positiveFen(label('monthlyRent')) },
    },
    status: {
      type: DataTypes.ENUM(...PARKING_RENTAL_STATUSES),
      allowNull: false,
      defaultValue: 'pending',
      validate: { ...required(label('status')), ...oneOf(PARKING_RENTAL_STATUSES, label('status')) },
    },
    reviewedById: { type: DataTypes.INTEGER, allowNull: true },
    reviewedAt: { type: DataTypes.DATE, allowNull: true },
    reviewNote: { type: DataTypes.STRING(200), allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'ParkingRental',
    modelName: 'ParkingRental',
    indexes: [
      { fields: ['status'] },
      { fields: ['registeredById'] },
      { fields: ['ownerId'] },
      { fields: ['unitId'] },
      { fields: ['plateNumber'] },
      { fields: ['spaceId', 'startDate'] },
      { fields: ['startDate'] },
    ],
    validate: { endAfterStart: datesInOrder(label, 'startDate', 'endDate') },
    // Model.update validates a partial build: let the row rules see the stored row.
    hooks: { beforeValidate: (rental, options) => withStoredRow(rental, options) },
  },
);
