import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';

export const CORRESPONDENCE_KINDS = ['mail', 'letter', 'external_call', 'phone_record'] as const;
export type CorrespondenceKind = (typeof CORRESPONDENCE_KINDS)[number];

export const CORRESPONDENCE_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type CorrespondenceDirection = (typeof CORRESPONDENCE_DIRECTIONS)[number];

/** 函件/邮件/外联电话: mail, owners' letters, external calls and phone records handled at the front desk. */
export class Correspondence extends Model<InferAttributes<Correspondence>, InferCreationAttributes<Correspondence>> {
  declare id: CreationOptional<number>;
  declare kind: CorrespondenceKind;
  declare direction: CorrespondenceDirection;
  /** 对方: who sent it, or whom it went to / who was called. */
  declare party: string;
  declare subject: string;
  declare content: CreationOptional<string | null>;
  /** 经办人 (Staff). */
  declare handlerId: number;
  /** 日期 (YYYY-MM-DD). */
  declare occurredOn: string;
  /** 处理结果. */
  declare result: CreationOptional<string | null>;
  /** The owner it concerns, if any. */
  declare ownerId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Correspondence.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    kind: {
      type: DataTypes.ENUM(...CORRESPONDENCE_KINDS),
      allowNull: false,
      validate: {
        notNull: { msg: '类别不能为空' },
        isIn: { args: [CORRESPONDENCE_KINDS as unknown as string[]], msg: '类别不正确' },
      },
    },
    direction: {
      type: DataTypes.ENUM(...CORRESPONDENCE_DIRECTIONS),
      allowNull: false,
      defaultValue: 'incoming',
      validate: {
        notNull: { msg: '收发方向不能为空' },
        isIn: { args: [CORRESPONDENCE_DIRECTIONS as unknown as string[]], msg: '收发方向不正确' },
      },
    },
    party: {
      type: DataTypes.STRING(100),
      allowNull: false,
      validate: { notNull: { msg: '对方不能为空' }, notEmpty: { msg: '对方不能为空' } },
    },
    subject: {
      type: DataTypes.STRING(200),
      allowNull: false,
      validate: { notNull: { msg: '事由不能为空' }, notEmpty: { msg: '事由不能为空' } },
    },
    content: { type: DataTypes.TEXT, allowNull: true },
    handlerId: { type: DataTypes.INTEGER, allowNull: false, validate: { notNull: { msg: '经办人不能为空' } } },
    occurredOn: {
      type: DataTypes.DATEONLY,
      allowNull: false,
      validate: { notNull: { msg: '日期不能为空' }, isDate: { args: true, msg: '日期格式不正确' } },
    },
    result: { type: DataTypes.TEXT, allowNull: true },
    ownerId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'Correspondence',
    modelName: 'Correspondence',
    indexes: [
      { fields: ['kind', 'occurredOn'] },
      { fields: ['occurredOn'] },
      { fields: ['direction'] },
      { fields: ['handlerId'] },
      { fields: ['ownerId'] },
      { fields: ['party'] },
    ],
  },
);
