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
import { DunningTarget } from './dunning-target.js';
import { oneOf, required, validDate } from './validators.js';

/** 催缴方式: phone 电话 | visit 上门 | letter 催缴函 | sms 短信. */
export const DUNNING_METHODS = ['phone', 'visit', 'letter', 'sms'] as const;
export type DunningMethod = (typeof DUNNING_METHODS)[number];

/** 催缴结果: promised 承诺缴费 | paid 已缴费 | refused 拒绝缴费 | unreachable 联系不上. */
export const DUNNING_RESULTS = ['promised', 'paid', 'refused', 'unreachable'] as const;
export type DunningResult = (typeof DUNNING_RESULTS)[number];

/** 催缴记录: one contact with an owner under a started plan, and its result. */
export class DunningRecord extends Model<InferAttributes<DunningRecord>, InferCreationAttributes<DunningRecord>> {
  declare id: CreationOptional<number>;
  /** Plan and owner follow the target when only the target is given. */
  declare planId: CreationOptional<number>;
  declare targetId: CreationOptional<number | null>;
  declare ownerId: CreationOptional<number>;
  /** Who made the contact. */
  declare staffId: number;
  declare contactedAt: Date;
  declare method: DunningMethod;
  declare result: DunningResult;
  /** 承诺缴费日期 (YYYY-MM-DD), required when the result is `promised`. */
  declare promisedDate: CreationOptional<string | null>;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('DunningRecord');

DunningRecord.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    planId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('planId')) },
    targetId: { type: DataTypes.INTEGER, allowNull: true },
    ownerId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('ownerId')) },
    staffId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('staffId')) },
    contactedAt: {
      type: DataTypes.DATE,
      allowNull: false,
      validate: { ...required(label('contactedAt')), ...validDate(label('contactedAt')) },
    },
    method: {
      type: DataTypes.ENUM(...DUNNING_METHODS),
      allowNull: false,
      validate: { ...required(label('method')), ...oneOf(DUNNING_METHODS, label('method')) },
    },
    result: {
      type: DataTypes.ENUM(...DUNNING_RESULTS),
      allowNull: false,
      validate: { ...required(label('result')), ...oneOf(DUNNING_RESULTS, label('result')) },
    },
    promisedDate: {
      type: DataTypes.DATEONLY,
      allowNull: true,
      validate: validDate(label('promisedDate')),
    },
    note: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'DunningRecord',
    modelName: 'DunningRecord',
    indexes: [
      { fields: ['planId'] },
      { fields: ['targetId'] },
      { fields: ['ownerId'] },
      { fields: ['staffId'] },
      { fields: ['contactedAt'] },
      { fields: ['result'] },
    ],
    validate: {
      promisedNeedsDate(this: DunningRecord) {
        if (this.result === 'promised' && !this.promisedDate)
          throw new Error(`承诺缴费时必须填写${label('promisedDate')}`);
      },
    },
    hooks: {
      async beforeValidate(record, options) {
        if (!record.targetId || (record.planId && record.ownerId)) return;
        const target = await DunningTarget.findByPk(record.targetId, {
          attributes: ['planId', 'ownerId'],
          transaction: (options as { transaction?: Transaction }).transaction,
        });
        if (!target) return;
        record.planId ??= target.planId;
        record.ownerId ??= target.ownerId;
      },
    },
  },
);
