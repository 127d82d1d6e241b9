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
} from 'sequelize';
import { sequelize } from '../db.js';
import { isPartialUpdate, nextDailyNumber, txOf, withStoredRow } from './model-helpers.js';
import { PHONE_PATTERN, datesInOrder, requiredText } from './validators.js';

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

const enumValidate = (values: readonly string[], msg: string) => ({
  isIn: { args: [values as unknown as string[]], msg },
});
const satisfactionRule = {
  isInt: { msg: '满意度必须是 1 到 5 的整数' },
  min: { args: [1], msg: '满意度必须是 1 到 5 的整数' },
  max: { args: [5], msg: '满意度必须是 1 到 5 的整数' },
} as const;

Ticket.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    number: { type: DataTypes.STRING(30), allowNull: false, unique: true, validate: requiredText('报事单号') },
    channel: {
      type: DataTypes.ENUM(...TICKET_CHANNELS),
      allowNull: false,
      defaultValue: 'phone',
      validate: { notNull: { msg: '报事渠道不能为空' }, ...enumValidate(TICKET_CHANNELS, '报事渠道不正确') },
    },
    category: {
      type: DataTypes.ENUM(...TICKET_CATEGORIES),
      allowNull: false,
      validate: { notNull: { msg: '报事类别不能为空' }, ...enumValidate(TICKET_CATEGORIES, '报事类别不正确') },
    },
    title: { type: DataTypes.STRING(100), allowNull: false, validate: requiredText('报事标题') },
    description: { type: DataTypes.TEXT, allowNull: true },
    reporterName: { type: DataTypes.STRING(40), allowNull: false, validate: requiredText('报事人') },
    reporterPhone: {
      type: DataTypes.STRING(20),
      allowNull: true,
      validate: { is: { args: PHONE_PATTERN, msg: '电话号码格式不正确' } },
    },
    ownerId: { type: DataTypes.INTEGER, allowNull: true },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    status: {
      type: DataTypes.ENUM(...TICKET_STATUSES),
      allowNull: false,
      defaultValue: 'reported',
      validate: { notNull: { msg: '状态不能为空' }, ...enumValidate(TICKET_STATUSES, '状态不正确') },
    },
    departmentId: { type: DataTypes.INTEGER, allowNull: false, validate: { notNull: { msg: '处理部门不能为空' } } },
    assigneeId: { type: DataTypes.INTEGER, allowNull: true },
    registeredById: { type: DataTypes.INTEGER, allowNull: false, validate: { notNull: { msg: '登记人不能为空' } } },
    dueAt: { type: DataTypes.DATE, allowNull: false, validate: { notNull: { msg: '要求完成时间不能为空' } } },
    reportedAt: {
      type: DataTypes.DATE,
      allowNull: false,
      defaultValue: DataTypes.NOW,
      validate: { notNull: { msg: '报事时间不能为空' } },
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
      dueAfterReported: datesInOrder('reportedAt', 'dueAt', '要求完成时间不能早于报事时间'),
      dispatchedAfterReported: datesInOrder('reportedAt', 'dispatchedAt', '派工时间不能早于报事时间'),
      completedAfterDispatched: datesInOrder('dispatchedAt', 'completedAt', '完成时间不能早于派工时间'),
      completedAfterReported: datesInOrder('reportedAt', 'completedAt', '完成时间不能早于报事时间'),
      visitedAfterCompleted: datesInOrder('completedAt', 'visitedAt', '回访时间不能早于完成时间'),
      approvedAfterVisited: datesInOrder('visitedAt', 'approvedAt', '审核时间不能早于回访时间'),
      archivedAfterApproved: datesInOrder('approvedAt', 'archivedAt', '归档时间不能早于审核时间'),
      cancelledAfterReported: datesInOrder('reportedAt', 'cancelledAt', '取消时间不能早于报事时间'),
    },
    hooks: {
      // A phone call becomes a ticket in seconds: the number and the due time fill themselves in.
      async beforeValidate(ticket, options) {
        if (isPartialUpdate(options)) return withStoredRow(ticket, options);
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
