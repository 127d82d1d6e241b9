import {
  DataTypes,
  Model,
  Op,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Transaction,
  type WhereOptions,
  ValidationError,
  ValidationErrorItem,
} from 'sequelize';
import { sequelize } from '../db.js';
import { Owner } from './owner.js';
import { Unit } from './unit.js';
import { fieldNames } from '../vocabulary/fields.js';
import { isPartialUpdate, nextDailyNumber, txOf, withStoredRow } from './model-helpers.js';
import { datesInOrder, oneOf, phone, required, requiredText } from './validators.js';

export const TICKET_STATUSES = [
  'reported',
  'dispatched',
  'completed',
  'visited',
  'approved',
  'archived',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** Statuses in which the work is still to be done: only these can be overdue. */
export const OPEN_TICKET_STATUSES = ['reported', 'dispatched'] as const satisfies readonly TicketStatus[];

export const TICKET_CHANNELS = ['phone', 'visit', 'letter', 'online'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_CATEGORIES = ['repair', 'complaint', 'inquiry', 'suggestion', 'comprehensive'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/** Default time allowed per category when the clerk gives no due time (hours after reportedAt). */
export const TICKET_DUE_HOURS: Record<TicketCategory, number> = {
  repair: 24,
  complaint: 48,
  inquiry: 24,
  suggestion: 168,
  comprehensive: 72,
};

/** 报事单: a resident's report, from registration to archive. The handling department lives on the row (rules need it). */
export class Ticket extends Model<InferAttributes<Ticket>, InferCreationAttributes<Ticket>> {
  declare id: CreationOptional<number>;
  /** 报事单号, e.g. "BS20261127-0001" (filled on create when left out). */
  declare number: CreationOptional<string>;
  declare channel: TicketChannel;
  declare category: TicketCategory;
  declare title: string;
  declare description: CreationOptional<string | null>;
  declare reporterName: string;
  declare reporterPhone: CreationOptional<string | null>;
  declare ownerId: CreationOptional<number | null>;
  declare unitId: CreationOptional<number | null>;
  declare status: CreationOptional<TicketStatus>;
  /** 处理部门. */
  declare departmentId: number;
  /** 处理人 (Staff), set when dispatched. */
  declare assigneeId: CreationOptional<number | null>;
  /** 登记人 (Staff). */
  declare registeredById: number;
  /** 要求完成时间; defaults to reportedAt + TICKET_DUE_HOURS[category]. */
  declare dueAt: CreationOptional<Date>;
  declare reportedAt: CreationOptional<Date>;
  declare dispatchedAt: CreationOptional<Date | null>;
  declare completedAt: CreationOptional<Date | null>;
  declare visitedAt: CreationOptional<Date | null>;
  declare approvedAt: CreationOptional<Date | null>;
  /** 审核主管 (the handling department's supervisor). */
  declare approvedById: CreationOptional<number | null>;
  declare archivedAt: CreationOptional<Date | null>;
  declare archivedById: CreationOptional<number | null>;
  declare cancelledAt: CreationOptional<Date | null>;
  declare cancelReason: CreationOptional<string | null>;
  /** 处理结果. */
  declare result: CreationOptional<string | null>;
  /** 满意度 1–5 from the return visit. */
  declare satisfaction: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Overdue: past its due time and the work not done yet (reported or dispatched). Cancelled tickets never are. */
export function isTicketOverdue(ticket: Pick<Ticket, 'status' | 'dueAt'>, now: Date = new Date()): boolean {
  if (!(OPEN_TICKET_STATUSES as readonly string[]).includes(ticket.status)) return false;
  if (!ticket.dueAt) return false;
  return new Date(ticket.dueAt).getTime() < now.getTime();
}

/** The same notion as a query condition (served by the (status, dueAt) index). */
export function overdueTicketWhere(now: Date = new Date()): WhereOptions<InferAttributes<Ticket>> {
  return { status: { [Op.in]: [...OPEN_TICKET_STATUSES] }, dueAt: { [Op.lt]: now } };
}

export function defaultTicketDueAt(category: TicketCategory, reportedAt: Date): Date {
  return new Date(reportedAt.getTime() + (TICKET_DUE_HOURS[category] ?? 24) * 3_600_000);
}

export const TICKET_NUMBER_PREFIX = 'BS';

export function nextTicketNumber(at: Date, transaction?: Transaction | null): Promise<string> {
  return nextDailyNumber(Ticket as unknown as ModelStatic<Model>, TICKET_NUMBER_PREFIX, at, transaction);
}

const label = fieldNames('Ticket');

/**
 * A ticket's owner is its room's owner, or nobody: the person who called is the 报事人 (reporterName), and what the
 * ticket costs (a paid service) is billed to the room's owner. Checked whenever the owner or the room is written
 * (a room sold later leaves its old tickets as they were); the message says who owns the room.
 */
async function ownerOwnsRoom(ticket: Ticket, options: unknown): Promise<void> {
  const skipped = (options as { skip?: string[] } | undefined)?.skip;
  const touched = isPartialUpdate(options)
    ? !(skipped?.includes('ownerId') && skipped?.includes('unitId'))
    : ticket.isNewRecord || ticket.changed('ownerId') || ticket.changed('unitId');
  if (!touched || ticket.ownerId === null || ticket.ownerId === undefined) return;
  const transaction = txOf(options);
  const unit = ticket.unitId ? await Unit.findByPk(ticket.unitId, { transaction }) : null;
  if (unit && unit.ownerId === Number(ticket.ownerId)) return;
  const roomOwner = unit?.ownerId ? await Owner.findByPk(unit.ownerId, { transaction }) : null;
  const message = !unit
    ? `${label('ownerId')}须是所选${label('unitId')}的业主：未选${label('unitId')}时${label('ownerId')}请留空，来电人的姓名填在“${label('reporterName')}”`
    : roomOwner
      ? `${label('ownerId')}须是${label('unitId')}「${unit.label}」的业主 ${roomOwner.name}，或留空；来电人的姓名填在“${label('reporterName')}”`
      : `${label('unitId')}「${unit.label}」没有登记业主，${label('ownerId')}请留空；来电人的姓名填在“${label('reporterName')}”`;
  throw new ValidationError(message, [
    new ValidationErrorItem(
      message,
      'validation error',
      'ownerId',
      String(ticket.ownerId),
      ticket,
      'ownerOwnsRoom',
      'ownerOwnsRoom',
      [],
    ),
  ]);
}

const satisfactionRule = {
  isInt: { msg: `${label('satisfaction')}必须是 1 到 5 的整数` },
  min: { args: [1], msg: `${label('satisfaction')}必须是 1 到 5 的整数` },
  max: { args: [5], msg: `${label('satisfaction')}必须是 1 到 5 的整数` },
} as const;

Ticket.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    number: { type: DataTypes.STRING(30), allowNull: false, unique: true, validate: requiredText(label('number')) },
    channel: {
      type: DataTypes.ENUM(...TICKET_CHANNELS),
      allowNull: false,
      defaultValue: 'phone',
      validate: { ...required(label('channel')), ...oneOf(TICKET_CHANNELS, label('channel')) },
    },
    category: {
      type: DataTypes.ENUM(...TICKET_CATEGORIES),
      allowNull: false,
      validate: { ...required(label('category')), ...oneOf(TICKET_CATEGORIES, label('category')) },
    },
    title: { type: DataTypes.STRING(100), allowNull: false, validate: requiredText(label('title')) },
    description: { type: DataTypes.TEXT, allowNull: true },
    reporterName: { type: DataTypes.STRING(40), allowNull: false, validate: requiredText(label('reporterName')) },
    reporterPhone: {
      type: DataTypes.STRING(20),
      allowNull: true,
      validate: phone(label('reporterPhone')),
    },
    ownerId: { type: DataTypes.INTEGER, allowNull: true },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    status: {
      type: DataTypes.ENUM(...TICKET_STATUSES),
      allowNull: false,
      defaultValue: 'reported',
      validate: { ...required(label('status')), ...oneOf(TICKET_STATUSES, label('status')) },
    },
    departmentId: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('departmentId')) },
    assigneeId: { type: DataTypes.INTEGER, allowNull: true },
    registeredById: { type: DataTypes.INTEGER, allowNull: false, validate: required(label('registeredById')) },
    dueAt: { type: DataTypes.DATE, allowNull: false, validate: required(label('dueAt')) },
    reportedAt: {
      type: DataTypes.DATE,
      allowNull: false,
      defaultValue: DataTypes.NOW,
      validate: required(label('reportedAt')),
    },
    dispatchedAt: { type: DataTypes.DATE, allowNull: true },
    completedAt: { type: DataTypes.DATE, allowNull: true },
    visitedAt: { type: DataTypes.DATE, allowNull: true },
    approvedAt: { type: DataTypes.DATE, allowNull: true },
    approvedById: { type: DataTypes.INTEGER, allowNull: true },
    archivedAt: { type: DataTypes.DATE, allowNull: true },
    archivedById: { type: DataTypes.INTEGER, allowNull: true },
    cancelledAt: { type: DataTypes.DATE, allowNull: true },
    cancelReason: { type: DataTypes.STRING(200), allowNull: true },
    result: { type: DataTypes.TEXT, allowNull: true },
    satisfaction: { type: DataTypes.INTEGER, allowNull: true, validate: satisfactionRule },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'Ticket',
    modelName: 'Ticket',
    indexes: [
      { fields: ['status', 'dueAt'] },
      { fields: ['dueAt'] },
      { fields: ['category'] },
      { fields: ['departmentId', 'status'] },
      { fields: ['assigneeId'] },
      { fields: ['registeredById'] },
      { fields: ['ownerId'] },
      { fields: ['unitId'] },
      { fields: ['reportedAt'] },
    ],
    validate: {
      dueAfterReported: datesInOrder(label, 'reportedAt', 'dueAt'),
      dispatchedAfterReported: datesInOrder(label, 'reportedAt', 'dispatchedAt'),
      completedAfterDispatched: datesInOrder(label, 'dispatchedAt', 'completedAt'),
      completedAfterReported: datesInOrder(label, 'reportedAt', 'completedAt'),
      visitedAfterCompleted: datesInOrder(label, 'completedAt', 'visitedAt'),
      approvedAfterVisited: datesInOrder(label, 'visitedAt', 'approvedAt'),
      archivedAfterApproved: datesInOrder(label, 'approvedAt', 'archivedAt'),
      cancelledAfterReported: datesInOrder(label, 'reportedAt', 'cancelledAt'),
    },
    hooks: {
      // A phone call becomes a ticket in seconds: the number and the due time fill themselves in.
      async beforeValidate(ticket, options) {
        if (isPartialUpdate(options)) {
          await withStoredRow(ticket, options);
          return ownerOwnsRoom(ticket, options);
        }
        await ownerOwnsRoom(ticket, options);
        const reportedAt = ticket.reportedAt ? new Date(ticket.reportedAt) : new Date();
        if (!ticket.reportedAt) ticket.reportedAt = reportedAt;
        if (!ticket.dueAt && ticket.category && (TICKET_CATEGORIES as readonly string[]).includes(ticket.category)) {
          ticket.dueAt = defaultTicketDueAt(ticket.category, reportedAt);
        }
        if (!ticket.number) ticket.number = await nextTicketNumber(reportedAt, txOf(options));
      },
    },
  },
);
