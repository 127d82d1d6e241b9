// 改进意见 (ImprovementProposal): the coordinator's proposals from a month's return-visit feedback (协调员 职权4), followed
// up by the assistant (助理 职权1). And the indexes the two ticket reports (月度报事统计, 回访意见汇总) read by: tickets
// completed in a month, dispatches and visits by their time, paid-service bills by their work order.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const ref = (model: string, allowNull: boolean, onDelete: 'RESTRICT' | 'SET NULL' = 'RESTRICT') => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model, key: 'id' },
  onDelete,
});

const INDEXES: Array<[string, string[], string]> = [
  ['ImprovementProposal', ['period'], 'ImprovementProposal_period'],
  ['ImprovementProposal', ['status'], 'ImprovementProposal_status'],
  ['ImprovementProposal', ['proposerId'], 'ImprovementProposal_proposerId'],
  ['ImprovementProposal', ['departmentId'], 'ImprovementProposal_departmentId'],
  // 月度报事统计 reads a month's tickets (tens of thousands on the large office) by reportedAt and groups them by
  // category, channel, department and state, classifying each by its due, dispatch, completion and cancellation
  // times: every column it reads is in the index, so the table itself is not visited.
  [
    'Ticket',
    [
      'reportedAt',
      'category',
      'channel',
      'departmentId',
      'status',
      'dueAt',
      'completedAt',
      'dispatchedAt',
      'cancelledAt',
      'unitId',
    ],
    'Ticket_month_figures',
  ],
  // A month's return visits by satisfaction and visitor (回访意见汇总, the month's satisfaction).
  ['ReturnVisit', ['visitedAt', 'isSpotCheck', 'satisfaction', 'ticketId', 'visitorId'], 'ReturnVisit_month_figures'],
  // 有偿服务 completed in a month.
  ['WorkOrder', ['isPaidService', 'completedAt'], 'WorkOrder_isPaidService_completedAt'],
  // A month's 督促 lines.
  ['AuditLog', ['action', 'createdAt'], 'AuditLog_action_createdAt'],
];

// As models/improvement-proposal.ts and models/ticket.ts code them when this migration was written.
const CHECKS: Record<string, readonly string[]> = {
  status: ['proposed', 'adopted', 'rejected', 'done'],
  category: ['repair', 'complaint', 'inquiry', 'suggestion', 'comprehensive'],
};

export async function up({ queryInterface: qi, sequelize }: MigrationContext) {
  const tables = (await qi.showAllTables()).map((t) =>
    typeof t === 'string' ? t : (t as { tableName: string }).tableName,
  );
  if (!tables.includes('ImprovementProposal')) {
    await qi.createTable('ImprovementProposal', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      period: { type: DataTypes.STRING(7), allowNull: false },
      departmentId: ref('Department', true, 'SET NULL'),
      category: { type: DataTypes.STRING(24), allowNull: true },
      finding: { type: DataTypes.TEXT, allowNull: false },
      proposal: { type: DataTypes.TEXT, allowNull: false },
      proposerId: ref('Staff', false),
      status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'proposed' },
      followUpNote: { type: DataTypes.TEXT, allowNull: true },
      followedById: ref('Staff', true),
      followedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      updatedAt: { type: DataTypes.DATE, allowNull: false },
    });
    if (sequelize.getDialect() === 'postgres') {
      for (const [column, values] of Object.entries(CHECKS)) {
        const list = values.map((value) => `'${value}'`).join(', ');
        await sequelize.query(
          `ALTER TABLE "ImprovementProposal" ADD CONSTRAINT "ImprovementProposal_${column}_check" CHECK ("${column}" IN (${list}))`,
        );
      }
    }
  }
  for (const [table, fields, name] of INDEXES) {
    const existing = (await qi.showIndex(table)) as { name: string }[];
    if (!existing.some((index) => index.name === name)) await qi.addIndex(table, fields, { name });
  }
}

export async function down({ queryInterface: qi }: MigrationContext) {
  for (const [table, , name] of INDEXES.filter(([table]) => table !== 'ImprovementProposal'))
    await qi.removeIndex(table, name);
  await qi.dropTable('ImprovementProposal');
}
