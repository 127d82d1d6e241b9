import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { withStoredRow } from './model-helpers.js';
import { datesInOrder } from './validators.js';

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

Notice.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: {
      type: DataTypes.STRING(120),
      allowNull: false,
      validate: { notNull: { msg: '标题不能为空' }, notEmpty: { msg: '标题不能为空' } },
    },
    content: {
      type: DataTypes.TEXT,
      allowNull: false,
      validate: { notNull: { msg: '正文不能为空' }, notEmpty: { msg: '正文不能为空' } },
    },
    status: {
      type: DataTypes.ENUM(...NOTICE_STATUSES),
      allowNull: false,
      defaultValue: 'draft',
      validate: {
        notNull: { msg: '状态不能为空' },
        isIn: { args: [NOTICE_STATUSES as unknown as string[]], msg: '状态不正确' },
      },
    },
    audience: { type: DataTypes.STRING(200), allowNull: true },
    authorId: { type: DataTypes.INTEGER, allowNull: false, validate: { notNull: { msg: '拟稿人不能为空' } } },
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
      withdrawnAfterPublished: datesInOrder('publishedAt', 'withdrawnAt', '撤回时间不能早于发布时间'),
      withdrawnOnlyOncePublished(this: Notice) {
        if (this.withdrawnAt && !this.publishedAt) throw new Error('未发布的通知不能撤回');
      },
    },
    hooks: { beforeValidate: (notice, options) => withStoredRow(notice, options) },
  },
);
