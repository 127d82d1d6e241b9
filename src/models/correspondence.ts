import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { oneOf, required, requiredText, validDate } from './validators.js';

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

const label = fieldNames('Correspondence');

Correspondence.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    kind: {
      type: DataTypes.ENUM(...CORRESPONDENCE_KINDS),
      allowNull: false,
      validate: { ...required(label('kind')), ...oneOf(CORRESPONDENCE_KINDS, label('kind')) },
    },
    direction: {
      type: DataTypes.ENUM(...CORRESPONDENCE_DIRECTIONS),
      allowNull: false,
      defaultValue: 'incoming',
      validate: { ...required(label('direction')), ...oneOf(CORRESPONDENCE_DIRECTIONS, label('direction')) },
    },
    party: {
      type: DataTypes.STRING(100),
      allowNull: false,
      validate: requiredText(label('party')),
    },
    subject: {
      type: DataTypes.STRING(200),
      allowNull: false,
      validate: requiredText(label('subject')),
    },
    content: { type: DataTypes.TEXT, allowNull: true },
    handlerId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('handlerId')) },
    occurredOn: {
      type: DataTypes.DATEONLY,
      allowNull: false,
      validate: { ...required(label('occurredOn')), ...validDate(label('occurredOn')) },
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
