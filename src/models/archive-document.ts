import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { oneOf, required, requiredText, validDate } from './validators.js';

/**
 * training 培训记录, minutes 会议记要, iso9002 ISO9002 资料, iso14000 ISO14000 资料, finance 财务资料,
 * mail 部门邮件, other 其他. Who may file which type is an authority rule (协调员 vs 收费员).
 */
export const ARCHIVE_DOC_TYPES = ['training', 'minutes', 'iso9002', 'iso14000', 'finance', 'mail', 'other'] as const;
export type ArchiveDocType = (typeof ARCHIVE_DOC_TYPES)[number];

/** 资料归档: one filed document, where it is kept (binder/shelf) and an optional scanned attachment. */
export class ArchiveDocument extends Model<InferAttributes<ArchiveDocument>, InferCreationAttributes<ArchiveDocument>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare docType: ArchiveDocType;
  /** 资料日期 (YYYY-MM-DD). */
  declare docDate: CreationOptional<string | null>;
  /** 保管人 (Staff). */
  declare keeperId: number;
  /** 存放位置, e.g. "客户中心资料柜 A-3 蓝色文件夹". */
  declare location: CreationOptional<string | null>;
  /** Attachment stored under the upload folder; path relative to it. */
  declare attachmentPath: CreationOptional<string | null>;
  declare attachmentName: CreationOptional<string | null>;
  /** Attachment size in bytes. */
  declare attachmentSize: CreationOptional<number | null>;
  declare attachmentMime: CreationOptional<string | null>;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('ArchiveDocument');

ArchiveDocument.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: {
      type: DataTypes.STRING(200),
      allowNull: false,
      validate: {
        ...requiredText(label('title')),
        len: { args: [1, 200], msg: `${label('title')}不能超过 200 个字` },
      },
    },
    docType: {
      type: DataTypes.ENUM(...ARCHIVE_DOC_TYPES),
      allowNull: false,
      validate: { ...required(label('docType')), ...oneOf(ARCHIVE_DOC_TYPES, label('docType')) },
    },
    docDate: {
      type: DataTypes.DATEONLY,
      allowNull: true,
      validate: validDate(label('docDate')),
    },
    keeperId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('keeperId')) },
    location: {
      type: DataTypes.STRING(100),
      allowNull: true,
      validate: { len: { args: [0, 100], msg: `${label('location')}不能超过 100 个字` } },
    },
    attachmentPath: { type: DataTypes.STRING(255), allowNull: true },
    attachmentName: { type: DataTypes.STRING(255), allowNull: true },
    attachmentSize: {
      type: DataTypes.INTEGER,
      allowNull: true,
      validate: {
        isInt: { msg: `${label('attachmentSize')}必须是整数（字节）` },
        min: { args: [0], msg: `${label('attachmentSize')}不能为负数` },
      },
    },
    attachmentMime: { type: DataTypes.STRING(100), allowNull: true },
    note: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'ArchiveDocument',
    modelName: 'ArchiveDocument',
    indexes: [{ fields: ['docType'] }, { fields: ['docDate'] }, { fields: ['keeperId'] }, { fields: ['title'] }],
  },
);
