import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { PHONE_PATTERN, datesInOrder } from './validators.js';

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

Owner.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(40), allowNull: false, validate: { notEmpty: { msg: '业主姓名不能为空' } } },
    phone: {
      type: DataTypes.STRING(20),
      allowNull: true,
      validate: { is: { args: PHONE_PATTERN, msg: '电话号码格式不正确' } },
    },
    altPhone: {
      type: DataTypes.STRING(20),
      allowNull: true,
      validate: { is: { args: PHONE_PATTERN, msg: '备用电话格式不正确' } },
    },
    email: { type: DataTypes.STRING(120), allowNull: true, validate: { isEmail: { msg: '邮箱格式不正确' } } },
    moveInDate: {
      type: DataTypes.DATEONLY,
      allowNull: true,
      validate: { isDate: { msg: '入住日期格式不正确', args: true } },
    },
    lastReviewedOn: {
      type: DataTypes.DATEONLY,
      allowNull: true,
      validate: { isDate: { msg: '清理日期格式不正确', args: true } },
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
    validate: { reviewAfterMoveIn: datesInOrder('moveInDate', 'lastReviewedOn', '档案清理日期不能早于入住日期') },
  },
);
