// 账单生成记录: one row per monthly billing run, and Bill.billingRunId pointing at the run that made the bill.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const staffRef = (allowNull: boolean) => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model: 'Staff', key: 'id' },
  onDelete: allowNull ? 'SET NULL' : 'RESTRICT',
});

export async function up({ queryInterface: qi, sequelize }: MigrationContext) {
  await qi.createTable('BillingRun', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: { type: DataTypes.STRING(80), allowNull: false },
    period: { type: DataTypes.STRING(7), allowNull: false },
    staffId: staffRef(false),
    ranAt: { type: DataTypes.DATE, allowNull: false },
    managementCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    parkingCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    skippedCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'done' },
    undoneById: staffRef(true),
    undoneAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: { type: DataTypes.DATE, allowNull: false },
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('BillingRun', ['period'], { name: 'BillingRun_period' });
  await qi.addIndex('BillingRun', ['status'], { name: 'BillingRun_status' });
  await qi.addIndex('BillingRun', ['staffId'], { name: 'BillingRun_staffId' });
  await qi.addIndex('BillingRun', ['ranAt'], { name: 'BillingRun_ranAt' });

  // The foreign key on PostgreSQL only: SQLite cannot drop a column named in a foreign key (down) without
  // rebuilding the Bill table, which Payment references (as 0005 does for Payment.depositId).
  const isPostgres = sequelize.getDialect() === 'postgres';
  await qi.addColumn('Bill', 'billingRunId', {
    type: DataTypes.INTEGER,
    allowNull: true,
    ...(isPostgres ? { references: { model: 'BillingRun', key: 'id' }, onDelete: 'RESTRICT' } : {}),
  });
  await qi.addIndex('Bill', ['billingRunId'], { name: 'Bill_billingRunId' });
}

export async function down({ queryInterface: qi, sequelize }: MigrationContext) {
  await qi.removeIndex('Bill', 'Bill_billingRunId');
  // Sequelize's SQLite removeColumn copies the table through a backup (dropping Bill under Payment's foreign key);
  // SQLite ≥ 3.35 drops an unindexed, unreferenced column in place.
  if (sequelize.getDialect() === 'postgres') await qi.removeColumn('Bill', 'billingRunId');
  else await sequelize.query('ALTER TABLE "Bill" DROP COLUMN "billingRunId"');
  await qi.dropTable('BillingRun');
}
