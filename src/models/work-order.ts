import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Transaction,
} from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { isPartialUpdate, nextDailyNumber, txOf, withStoredRow } from './model-helpers.js';
import { datesInOrder, moneyFen, oneOf, required, requiredText } from './validators.js';

export const WORK_ORDER_STATUSES = ['open', 'done', 'reassigned', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const WORK_ORDER_NUMBER_PREFIX = 'PG';

/** 派工单: one dispatch of a ticket to a department (and maybe a person); may be a paid service 有偿服务. */
export class WorkOrder extends Model<InferAttributes<WorkOrder>, InferCreationAttributes<WorkOrder>> {
  declare id: CreationOptional<number>;
  /** 派工单号, e.g. "PG20261127-0001" (filled on create when left out). */
  declare number: CreationOptional<string>;
  declare ticketId: number;
  declare departmentId: number;
  declare assigneeId: CreationOptional<number | null>;
  /** 派工人 (Staff). */
  declare dispatchedById: number;
  declare dispatchedAt: CreationOptional<Date>;
  declare dueAt: Date;
  declare status: CreationOptional<WorkOrderStatus>;
  /** 有偿服务. */
  declare isPaidService: CreationOptional<boolean>;
  /** 服务费, in fen; only a paid service has one. */
  declare feeAmount: CreationOptional<number>;
  declare note: CreationOptional<string | null>;
  declare completedAt: CreationOptional<Date | null>;
  declare result: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function nextWorkOrderNumber(at: Date, transaction?: Transaction | null): Promise<string> {
  return nextDailyNumber(WorkOrder as unknown as ModelStatic<Model>, WORK_ORDER_NUMBER_PREFIX, at, transaction);
}

const label = fieldNames('WorkOrder');

WorkOrder.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    number: {
      type: DataTypes.STRING(30),
      allowNull: false,
      unique: true,
      validate: requiredText(label('number')),
    },
    ticketId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('ticketId')) },
    departmentId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('departmentId')) },
    assigneeId: { type: DataTypes.INTEGER, allowNull: true },
    dispatchedById: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('dispatchedById')) },
    dispatchedAt: {
      type: DataTypes.DATE,
      allowNull: false,
      defaultValue: DataTypes.NOW,
      validate: required(label('dispatchedAt')),
    },
    dueAt: { type: DataTypes.DATE, allowNull: false, validate: required(label('dueAt')) },
    status: {
      type: DataTypes.ENUM(...WORK_ORDER_STATUSES),
      allowNull: false,
      defaultValue: 'open',
      validate: { ...required(label('status')), ...oneOf(WORK_ORDER_STATUSES, label('status')) },
    },
    isPaidService: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    feeAmount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: { ...required(label('feeAmount')), ...moneyFen(label('feeAmount')) },
    },
    note: { type: DataTypes.TEXT, allowNull: true },
    completedAt: { type: DataTypes.DATE, allowNull: true },
    result: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'WorkOrder',
    modelName: 'WorkOrder',
    indexes: [
      { fields: ['ticketId'] },
      { fields: ['departmentId', 'status'] },
      { fields: ['assigneeId'] },
      { fields: ['status', 'dueAt'] },
      { fields: ['dispatchedAt'] },
    ],
    validate: {
      dueAfterDispatched: datesInOrder(label, 'dispatchedAt', 'dueAt'),
      completedAfterDispatched: datesInOrder(label, 'dispatchedAt', 'completedAt'),
      feeOnlyForPaidService(this: WorkOrder) {
        if (!this.isPaidService && Number(this.feeAmount ?? 0) > 0)
          throw new Error(`非${label('isPaidService')}不能收取${label('feeAmount')}`);
      },
    },
    hooks: {
      async beforeValidate(order, options) {
        if (isPartialUpdate(options)) return withStoredRow(order, options);
        if (!order.dispatchedAt) order.dispatchedAt = new Date();
        if (!order.number) order.number = await nextWorkOrderNumber(new Date(order.dispatchedAt), txOf(options));
      },
    },
  },
);
