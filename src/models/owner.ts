import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { datesInOrder, phone, validDate } from './validators.js';

/** 业主档案: an owner's contacts; units point at their owner. Reviewed periodically (定期清理). */
export class Owner extends Model<InferAttributes<Owner>, InferCreationAttributes<Owner>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare phone: CreationOptional<string | null>;
  declare altPhone: CreationOptional<string | null>;
  declare email: CreationOptional<string | null>;
  /** 入住日期 (YYYY-MM-DD). */
  declare moveInDate: CreationOptional<string | null>;
  /** 最近清理/核对档案的日期 (YYYY-MM-DD). */
  declare lastReviewedOn: CreationOptional<string | null>;
  declare notes: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('Owner');

Owner.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(40), allowNull: false, validate: { notEmpty: { msg: `${label('name')}不能为空` } } },
    phone: {
      type: DataTypes.STRING(20),
      allowNull: true,
      validate: phone(label('phone')),
    },
    altPhone: {
      type: DataTypes.STRING(20),
      allowNull: true,
      validate: phone(label('altPhone')),
    },
    email: {
      type: DataTypes.STRING(120),
      allowNull: true,
      validate: { isEmail: { msg: `${label('email')}格式不正确` } },
    },
    moveInDate: {
      type: DataTypes.DATEONLY,
      allowNull: true,
      validate: validDate(label('moveInDate')),
    },
    lastReviewedOn: {
      type: DataTypes.DATEONLY,
      allowNull: true,
      validate: validDate(label('lastReviewedOn')),
    },
    notes: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'Owner',
    modelName: 'Owner',
    indexes: [{ fields: ['name'] }, { fields: ['phone'] }, { fields: ['lastReviewedOn'] }],
    validate: { reviewAfterMoveIn: datesInOrder(label, 'moveInDate', 'lastReviewedOn') },
  },
);
