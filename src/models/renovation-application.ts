import {
  DataTypes,
  Model,
  Op,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Transaction,
} from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { shanghaiYear } from '../lib/shanghai.js';
import { datesInOrder, oneOf, phone, required, requiredText, validDate } from './validators.js';

/** submitted 已提交 → reviewed 工程部已审核 → approved 已核批 | rejected 未获核批 → inspected 已验收. */
export const RENOVATION_STATUSES = ['submitted', 'reviewed', 'approved', 'rejected', 'inspected'] as const;
export type RenovationStatus = (typeof RENOVATION_STATUSES)[number];

/** 验收结果: passed 验收合格 | failed 验收不合格. */
export const INSPECTION_RESULTS = ['passed', 'failed'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** The application number shown on the paper form, e.g. "ZX2026-0012". */
export function formatRenovationNumber(year: number, sequence: number): string {
  return `ZX${year}-${String(sequence).padStart(4, '0')}`;
}

/** The next free sequence of the year's application numbers (ZX<year>-NNNN). */
export async function nextRenovationSequence(year: number, transaction?: Transaction): Promise<number> {
  // Longest first, then highest: "ZX2026-10000" sorts after "ZX2026-9999".
  const last = await RenovationApplication.findOne({
    attributes: ['number'],
    where: { number: { [Op.like]: `ZX${year}-%` } },
    order: [
      [sequelize.fn('length', sequelize.col('number')), 'DESC'],
      ['number', 'DESC'],
    ],
    transaction,
  });
  const max = last ? Number(last.number.slice(`ZX${year}-`.length)) || 0 : 0;
  return max + 1;
}

/** 装修申请: an owner's renovation procedure — engineering review, the assistant's decision, inspection 验收. */
export class RenovationApplication extends Model<
  InferAttributes<RenovationApplication>,
  InferCreationAttributes<RenovationApplication>
> {
  declare id: CreationOptional<number>;
  /** 申请编号, e.g. "ZX2026-0012"; filled in on registration when left empty. */
  declare number: CreationOptional<string>;
  declare unitId: number;
  declare ownerId: number;
  /** 施工单位. */
  declare contractor: string;
  declare contractorPhone: string;
  /** 装修项目及范围. */
  declare scope: string;
  /** 计划开工/完工日期 (YYYY-MM-DD). */
  declare startDate: string;
  declare endDate: string;
  declare status: CreationOptional<RenovationStatus>;
  /** 工程部审核意见. */
  declare reviewOpinion: CreationOptional<string | null>;
  declare reviewedById: CreationOptional<number | null>;
  declare reviewedAt: CreationOptional<Date | null>;
  /** 核批 (approve or reject) by 客户服务助理. */
  declare decidedById: CreationOptional<number | null>;
  declare decidedAt: CreationOptional<Date | null>;
  declare decisionNote: CreationOptional<string | null>;
  /** Null until inspected; required once the status is `inspected`. */
  declare inspectionResult: CreationOptional<InspectionResult | null>;
  declare inspectedById: CreationOptional<number | null>;
  declare inspectedAt: CreationOptional<Date | null>;
  declare inspectionNote: CreationOptional<string | null>;
  /** The front-desk clerk who registered the application. */
  declare registeredById: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('RenovationApplication');

RenovationApplication.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    number: {
      type: DataTypes.STRING(20),
      allowNull: false,
      unique: true,
      validate: requiredText(label('number')),
    },
    unitId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('unitId')) },
    ownerId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('ownerId')) },
    contractor: {
      type: DataTypes.STRING(100),
      allowNull: false,
      validate: requiredText(label('contractor')),
    },
    contractorPhone: {
      type: DataTypes.STRING(20),
      allowNull: false,
      validate: { ...required(label('contractorPhone')), ...phone(label('contractorPhone')) },
    },
    scope: {
      type: DataTypes.TEXT,
      allowNull: false,
      validate: requiredText(label('scope')),
    },
    startDate: {
      type: DataTypes.DATEONLY,
      allowNull: false,
      validate: { ...required(label('startDate')), ...validDate(label('startDate')) },
    },
    endDate: {
      type: DataTypes.DATEONLY,
      allowNull: false,
      validate: { ...required(label('endDate')), ...validDate(label('endDate')) },
    },
    status: {
      type: DataTypes.ENUM(...RENOVATION_STATUSES),
      allowNull: false,
      defaultValue: 'submitted',
      validate: oneOf(RENOVATION_STATUSES, label('status')),
    },
    reviewOpinion: { type: DataTypes.TEXT, allowNull: true },
    reviewedById: { type: DataTypes.INTEGER, allowNull: true },
    reviewedAt: { type: DataTypes.DATE, allowNull: true },
    decidedById: { type: DataTypes.INTEGER, allowNull: true },
    decidedAt: { type: DataTypes.DATE, allowNull: true },
    decisionNote: { type: DataTypes.TEXT, allowNull: true },
    inspectionResult: {
      type: DataTypes.ENUM(...INSPECTION_RESULTS),
      allowNull: true,
      validate: oneOf(INSPECTION_RESULTS, label('inspectionResult')),
    },
    inspectedById: { type: DataTypes.INTEGER, allowNull: true },
    inspectedAt: { type: DataTypes.DATE, allowNull: true },
    inspectionNote: { type: DataTypes.TEXT, allowNull: true },
    registeredById: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'RenovationApplication',
    modelName: 'RenovationApplication',
    indexes: [
      { unique: true, fields: ['number'] },
      { fields: ['status'] },
      { fields: ['unitId'] },
      { fields: ['ownerId'] },
      { fields: ['startDate'] },
      { fields: ['inspectionResult'] },
    ],
    validate: {
      datesInOrder: datesInOrder(label, 'startDate', 'endDate'),
      inspectionResultMatchesStatus(this: RenovationApplication) {
        if (this.status === 'inspected' && !this.inspectionResult)
          throw new Error(`验收后必须填写${label('inspectionResult')}`);
        if (this.status !== 'inspected' && this.inspectionResult)
          throw new Error(`尚未验收的申请不能有${label('inspectionResult')}`);
      },
    },
    hooks: {
      // A registration that leaves the number empty gets the next one of the year (Asia/Shanghai).
      async beforeValidate(application, options) {
        if (application.number) return;
        const year = shanghaiYear(new Date());
        application.number = formatRenovationNumber(
          year,
          await nextRenovationSequence(year, (options as { transaction?: Transaction }).transaction),
        );
      },
    },
  },
);
