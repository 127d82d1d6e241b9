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
import { Owner } from './owner.js';
import { Unit } from './unit.js';
import { moneyFen, required, requiredText } from './validators.js';

/** A target's label: "王伟 · 翠湖花园 3栋 1203" (the owner alone when no unit is named). */
export function unitLabelled(ownerName: string, unitLabel?: string | null): string {
  return unitLabel ? `${ownerName} · ${unitLabel}` : ownerName;
}

/** 催缴对象: one owner in arrears listed by a DunningPlan, with the arrears when the plan was drawn up. */
export class DunningTarget extends Model<InferAttributes<DunningTarget>, InferCreationAttributes<DunningTarget>> {
  declare id: CreationOptional<number>;
  declare planId: number;
  declare ownerId: number;
  /** The unit the arrears are mostly for (an owner may hold several). */
  declare unitId: CreationOptional<number | null>;
  /** Shown wherever a record points at its target, e.g. "王伟 · 翠湖花园 3栋 1203"; built from owner and unit when empty. */
  declare label: CreationOptional<string>;
  /** Unpaid total of the owner's overdue bills, in fen. */
  declare arrearsAmount: CreationOptional<number>;
  /** Distinct billing periods (months) overdue. */
  declare monthsInArrears: CreationOptional<number>;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('DunningTarget');

DunningTarget.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    planId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('planId')) },
    ownerId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('ownerId')) },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    label: {
      type: DataTypes.STRING(140),
      allowNull: false,
      validate: requiredText(label('label')),
    },
    arrearsAmount: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: { ...required(label('arrearsAmount')), ...moneyFen(label('arrearsAmount')) },
    },
    monthsInArrears: {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
      validate: {
        ...required(label('monthsInArrears')),
        isInt: { msg: `${label('monthsInArrears')}必须是整数` },
        min: { args: [0], msg: `${label('monthsInArrears')}不能为负数` },
      },
    },
    note: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'DunningTarget',
    modelName: 'DunningTarget',
    indexes: [
      { unique: true, fields: ['planId', 'ownerId'] },
      { fields: ['ownerId'] },
      { fields: ['unitId'] },
      { fields: ['label'] },
    ],
    hooks: {
      async beforeValidate(target, options) {
        if (target.label || !target.ownerId) return;
        const transaction = (options as { transaction?: Transaction }).transaction;
        const owner = await Owner.findByPk(target.ownerId, { attributes: ['name'], transaction });
        const unit = target.unitId ? await Unit.findByPk(target.unitId, { attributes: ['label'], transaction }) : null;
        if (owner) target.label = unitLabelled(owner.name, unit?.label);
      },
    },
  },
);
