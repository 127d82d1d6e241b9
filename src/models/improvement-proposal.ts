import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { TICKET_CATEGORIES, type TicketCategory } from './ticket.js';
import { oneOf, required, requiredText } from './validators.js';
import { MONTH_PATTERN } from './work-plan.js';

/** proposed 已提出 → adopted 已采纳 | rejected 未采纳; adopted → done 已落实. */
export const IMPROVEMENT_PROPOSAL_STATUSES = ['proposed', 'adopted', 'rejected', 'done'] as const;
export type ImprovementProposalStatus = (typeof IMPROVEMENT_PROPOSAL_STATUSES)[number];

/**
 * 改进意见: what the coordinator concludes from a month's return-visit feedback (协调员 职权4) — the finding and the
 * proposal, for a department and a ticket category when it concerns one — followed up by the assistant until it is
 * done (助理 职权1).
 */
export class ImprovementProposal extends Model<
  InferAttributes<ImprovementProposal>,
  InferCreationAttributes<ImprovementProposal>
> {
  declare id: CreationOptional<number>;
  /** 'YYYY-MM' (Asia/Shanghai): the month of feedback it answers. */
  declare period: string;
  declare departmentId: CreationOptional<number | null>;
  declare category: CreationOptional<TicketCategory | null>;
  /** 问题. */
  declare finding: string;
  /** 改进意见. */
  declare proposal: string;
  /** 提出人: the signed-in staff member, never the form. */
  declare proposerId: number;
  declare status: CreationOptional<ImprovementProposalStatus>;
  /** 跟踪落实情况. */
  declare followUpNote: CreationOptional<string | null>;
  declare followedById: CreationOptional<number | null>;
  declare followedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('ImprovementProposal');

ImprovementProposal.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    period: {
      type: DataTypes.STRING(7),
      allowNull: false,
      validate: {
        ...required(label('period')),
        is: { args: MONTH_PATTERN, msg: `${label('period')}格式应为 YYYY-MM（如 2026-11）` },
      },
    },
    departmentId: { type: DataTypes.INTEGER, allowNull: true },
    category: {
      type: DataTypes.ENUM(...TICKET_CATEGORIES),
      allowNull: true,
      validate: oneOf(TICKET_CATEGORIES, label('category')),
    },
    finding: { type: DataTypes.TEXT, allowNull: false, validate: requiredText(label('finding')) },
    proposal: { type: DataTypes.TEXT, allowNull: false, validate: requiredText(label('proposal')) },
    proposerId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('proposerId')) },
    status: {
      type: DataTypes.ENUM(...IMPROVEMENT_PROPOSAL_STATUSES),
      allowNull: false,
      defaultValue: 'proposed',
      validate: { ...required(label('status')), ...oneOf(IMPROVEMENT_PROPOSAL_STATUSES, label('status')) },
    },
    followUpNote: { type: DataTypes.TEXT, allowNull: true },
    followedById: { type: DataTypes.INTEGER, allowNull: true },
    followedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'ImprovementProposal',
    modelName: 'ImprovementProposal',
    indexes: [{ fields: ['period'] }, { fields: ['status'] }, { fields: ['proposerId'] }, { fields: ['departmentId'] }],
  },
);
