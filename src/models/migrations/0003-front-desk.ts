import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const timestamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};

const ref = (
  model: string,
  allowNull: boolean,
  onDelete: 'RESTRICT' | 'SET NULL' | 'CASCADE' = allowNull ? 'SET NULL' : 'RESTRICT',
) => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model, key: 'id' },
  onDelete,
});

export async function up({ queryInterface: qi }: MigrationContext) {
  await qi.createTable('Ticket', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    number: { type: DataTypes.STRING(30), allowNull: false, unique: true },
    channel: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'phone' },
    category: { type: DataTypes.STRING(24), allowNull: false },
    title: { type: DataTypes.STRING(100), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: true },
    reporterName: { type: DataTypes.STRING(40), allowNull: false },
    reporterPhone: { type: DataTypes.STRING(20), allowNull: true },
    ownerId: ref('Owner', true),
    unitId: ref('Unit', true),
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'reported' },
    departmentId: ref('Department', false),
    assigneeId: ref('Staff', true),
    registeredById: ref('Staff', false),
    dueAt: { type: DataTypes.DATE, allowNull: false },
    reportedAt: { type: DataTypes.DATE, allowNull: false },
    dispatchedAt: { type: DataTypes.DATE, allowNull: true },
    completedAt: { type: DataTypes.DATE, allowNull: true },
    visitedAt: { type: DataTypes.DATE, allowNull: true },
    approvedAt: { type: DataTypes.DATE, allowNull: true },
    approvedById: ref('Staff', true),
    archivedAt: { type: DataTypes.DATE, allowNull: true },
    archivedById: ref('Staff', true),
    cancelledAt: { type: DataTypes.DATE, allowNull: true },
    cancelReason: { type: DataTypes.STRING(200), allowNull: true },
    result: { type: DataTypes.TEXT, allowNull: true },
    satisfaction: { type: DataTypes.INTEGER, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('Ticket', ['status', 'dueAt'], { name: 'Ticket_status_dueAt' });
  await qi.addIndex('Ticket', ['dueAt'], { name: 'Ticket_dueAt' });
  await qi.addIndex('Ticket', ['category'], { name: 'Ticket_category' });
  await qi.addIndex('Ticket', ['departmentId', 'status'], { name: 'Ticket_departmentId_status' });
  await qi.addIndex('Ticket', ['assigneeId'], { name: 'Ticket_assigneeId' });
  await qi.addIndex('Ticket', ['registeredById'], { name: 'Ticket_registeredById' });
  await qi.addIndex('Ticket', ['ownerId'], { name: 'Ticket_ownerId' });
  await qi.addIndex('Ticket', ['unitId'], { name: 'Ticket_unitId' });
  await qi.addIndex('Ticket', ['reportedAt'], { name: 'Ticket_reportedAt' });

  await qi.createTable('WorkOrder', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    number: { type: DataTypes.STRING(30), allowNull: false, unique: true },
    ticketId: ref('Ticket', false, 'CASCADE'),
    departmentId: ref('Department', false),
    assigneeId: ref('Staff', true),
    dispatchedById: ref('Staff', false),
    dispatchedAt: { type: DataTypes.DATE, allowNull: false },
    dueAt: { type: DataTypes.DATE, allowNull: false },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'open' },
    isPaidService: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    // in fen
    feeAmount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    note: { type: DataTypes.TEXT, allowNull: true },
    completedAt: { type: DataTypes.DATE, allowNull: true },
    result: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('WorkOrder', ['ticketId'], { name: 'WorkOrder_ticketId' });
  await qi.addIndex('WorkOrder', ['departmentId', 'status'], { name: 'WorkOrder_departmentId_status' });
  await qi.addIndex('WorkOrder', ['assigneeId'], { name: 'WorkOrder_assigneeId' });
  await qi.addIndex('WorkOrder', ['status', 'dueAt'], { name: 'WorkOrder_status_dueAt' });
  await qi.addIndex('WorkOrder', ['dispatchedAt'], { name: 'WorkOrder_dispatchedAt' });

  await qi.createTable('ReturnVisit', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    label: { type: DataTypes.STRING(80), allowNull: false },
    ticketId: ref('Ticket', false, 'CASCADE'),
    visitorId: ref('Staff', false),
    visitedAt: { type: DataTypes.DATE, allowNull: false },
    method: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'phone' },
    satisfaction: { type: DataTypes.INTEGER, allowNull: false },
    feedback: { type: DataTypes.TEXT, allowNull: true },
    isSpotCheck: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    spotCheckOfId: ref('ReturnVisit', true),
    finding: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('ReturnVisit', ['ticketId'], { name: 'ReturnVisit_ticketId' });
  await qi.addIndex('ReturnVisit', ['visitorId'], { name: 'ReturnVisit_visitorId' });
  await qi.addIndex('ReturnVisit', ['visitedAt'], { name: 'ReturnVisit_visitedAt' });
  await qi.addIndex('ReturnVisit', ['isSpotCheck'], { name: 'ReturnVisit_isSpotCheck' });
  await qi.addIndex('ReturnVisit', ['spotCheckOfId'], { name: 'ReturnVisit_spotCheckOfId' });

  await qi.createTable('Correspondence', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    kind: { type: DataTypes.STRING(24), allowNull: false },
    direction: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'incoming' },
    party: { type: DataTypes.STRING(100), allowNull: false },
    subject: { type: DataTypes.STRING(200), allowNull: false },
    content: { type: DataTypes.TEXT, allowNull: true },
    handlerId: ref('Staff', false),
    occurredOn: { type: DataTypes.DATEONLY, allowNull: false },
    result: { type: DataTypes.TEXT, allowNull: true },
    ownerId: ref('Owner', true),
    ...timestamps,
  });
  await qi.addIndex('Correspondence', ['kind', 'occurredOn'], { name: 'Correspondence_kind_occurredOn' });
  await qi.addIndex('Correspondence', ['occurredOn'], { name: 'Correspondence_occurredOn' });
  await qi.addIndex('Correspondence', ['direction'], { name: 'Correspondence_direction' });
  await qi.addIndex('Correspondence', ['handlerId'], { name: 'Correspondence_handlerId' });
  await qi.addIndex('Correspondence', ['ownerId'], { name: 'Correspondence_ownerId' });
  await qi.addIndex('Correspondence', ['party'], { name: 'Correspondence_party' });

  await qi.createTable('Notice', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: { type: DataTypes.STRING(120), allowNull: false },
    content: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'draft' },
    audience: { type: DataTypes.STRING(200), allowNull: true },
    authorId: ref('Staff', false),
    publishedAt: { type: DataTypes.DATE, allowNull: true },
    withdrawnAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('Notice', ['status', 'publishedAt'], { name: 'Notice_status_publishedAt' });
  await qi.addIndex('Notice', ['authorId'], { name: 'Notice_authorId' });
  await qi.addIndex('Notice', ['title'], { name: 'Notice_title' });
}

export async function down({ queryInterface: qi }: MigrationContext) {
  await qi.dropTable('Notice');
  await qi.dropTable('Correspondence');
  await qi.dropTable('ReturnVisit');
  await qi.dropTable('WorkOrder');
  await qi.dropTable('Ticket');
}
