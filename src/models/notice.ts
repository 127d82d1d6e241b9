import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { withStoredRow } from './model-helpers.js';
import { datesInOrder, oneOf, required, requiredText } from './validators.js';

export const NOTICE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** 通知/告示: written as a draft, published to residents, withdrawn when no longer valid. */
export class Notice extends Model<InferAttributes<Notice>, InferCreationAttributes<Notice>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare content: string;
  declare status: CreationOptional<NoticeStatus>;
  /** 发布范围, e.g. "翠湖花园全体业主", "3栋住户". */
  declare audience: CreationOptional<string | null>;
  /** 拟稿人 (Staff). */
  declare authorId: number;
  declare publishedAt: CreationOptional<Date | null>;
  declare withdrawnAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('Notice');

Notice.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: {
      type: DataTypes.STRING(120),
      allowNull: false,
      validate: requiredText(label('title')),
    },
    content: {
      type: DataTypes.TEXT,
      allowNull: false,
      validate: requiredText(label('content')),
    },
    status: {
      type: DataTypes.ENUM(...NOTICE_STATUSES),
      allowNull: false,
      defaultValue: 'draft',
      validate: { ...required(label('status')), ...oneOf(NOTICE_STATUSES, label('status')) },
    },
    audience: { type: DataTypes.STRING(200), allowNull: true },
    authorId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('authorId')) },
    publishedAt: { type: DataTypes.DATE, allowNull: true },
    withdrawnAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'Notice',
    modelName: 'Notice',
    indexes: [{ fields: ['status', 'publishedAt'] }, { fields: ['authorId'] }, { fields: ['title'] }],
    validate: {
      withdrawnAfterPublished: datesInOrder(label, 'publishedAt', 'withdrawnAt'),
      withdrawnOnlyOncePublished(this: Notice) {
        if (this.withdrawnAt && !this.publishedAt) throw new Error('未发布的通知不能撤回');
      },
    },
    hooks: { beforeValidate: (notice, options) => withStoredRow(notice, options) },
  },
);
