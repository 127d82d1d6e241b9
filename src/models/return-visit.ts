import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { shanghaiDayKey } from '../lib/shanghai.js';
import { isPartialUpdate, txOf, withStoredRow } from './model-helpers.js';
import { Ticket } from './ticket.js';
import { oneOf, required, requiredText } from './validators.js';

export const RETURN_VISIT_METHODS = ['phone', 'visit'] as const;
export type ReturnVisitMethod = (typeof RETURN_VISIT_METHODS)[number];

/**
 * 回访: a call or visit to the resident after the work was completed. A spot check 抽查 (isSpotCheck) re-checks
 * another visit (spotCheckOfId), usually one made for another department; its finding is recorded.
 */
export class ReturnVisit extends Model<InferAttributes<ReturnVisit>, InferCreationAttributes<ReturnVisit>> {
  declare id: CreationOptional<number>;
  /** Shown wherever a visit is referenced, e.g. "BS20261127-0001 回访 20261128" (filled on create when left out). */
  declare label: CreationOptional<string>;
  declare ticketId: number;
  /** 回访人 (Staff). */
  declare visitorId: number;
  declare visitedAt: CreationOptional<Date>;
  declare method: ReturnVisitMethod;
  /** 满意度 1–5. */
  declare satisfaction: number;
  /** 业主意见. */
  declare feedback: CreationOptional<string | null>;
  declare isSpotCheck: CreationOptional<boolean>;
  /** 被抽查的回访. */
  declare spotCheckOfId: CreationOptional<number | null>;
  /** 抽查结果. */
  declare finding: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function returnVisitLabel(ticketNumber: string, isSpotCheck: boolean, visitedAt: Date): string {
  return `${ticketNumber} ${isSpotCheck ? '抽查' : '回访'} ${shanghaiDayKey(visitedAt)}`;
}

const label = fieldNames('ReturnVisit');

ReturnVisit.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    label: {
      type: DataTypes.STRING(80),
      allowNull: false,
      validate: requiredText(label('label')),
    },
    ticketId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('ticketId')) },
    visitorId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('visitorId')) },
    visitedAt: {
      type: DataTypes.DATE,
      allowNull: false,
      defaultValue: DataTypes.NOW,
      validate: required(label('visitedAt')),
    },
    method: {
      type: DataTypes.ENUM(...RETURN_VISIT_METHODS),
      allowNull: false,
      defaultValue: 'phone',
      validate: { ...required(label('method')), ...oneOf(RETURN_VISIT_METHODS, label('method')) },
    },
    satisfaction: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: {
        ...required(label('satisfaction')),
        isInt: { msg: `${label('satisfaction')}必须是 1 到 5 的整数` },
        min: { args: [1], msg: `${label('satisfaction')}必须是 1 到 5 的整数` },
        max: { args: [5], msg: `${label('satisfaction')}必须是 1 到 5 的整数` },
      },
    },
    feedback: { type: DataTypes.TEXT, allowNull: true },
    isSpotCheck: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    spotCheckOfId: { type: DataTypes.INTEGER, allowNull: true },
    finding: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'ReturnVisit',
    modelName: 'ReturnVisit',
    indexes: [
      { fields: ['ticketId'] },
      { fields: ['visitorId'] },
      { fields: ['visitedAt'] },
      { fields: ['isSpotCheck'] },
      { fields: ['spotCheckOfId'] },
    ],
    validate: {
      spotCheckNamesItsVisit(this: ReturnVisit) {
        if (this.isSpotCheck && !this.spotCheckOfId)
          throw new Error(`${label('isSpotCheck')}必须指明${label('spotCheckOfId')}`);
        if (!this.isSpotCheck && this.spotCheckOfId)
          throw new Error(`只有${label('isSpotCheck')}才能关联${label('spotCheckOfId')}`);
        if (this.spotCheckOfId && this.id && this.spotCheckOfId === this.id) throw new Error('回访不能抽查自己');
      },
    },
    hooks: {
      async beforeValidate(visit, options) {
        if (isPartialUpdate(options)) return withStoredRow(visit, options);
        if (visit.label || !visit.ticketId) return;
        const ticket = await Ticket.findByPk(visit.ticketId, { attributes: ['number'], transaction: txOf(options) });
        // An unknown ticket is refused by the foreign key; the label only needs to be readable.
        visit.label = returnVisitLabel(
          ticket?.number ?? `#${visit.ticketId}`,
          !!visit.isSpotCheck,
          new Date(visit.visitedAt ?? Date.now()),
        );
      },
    },
  },
);
