// A cash report that can be corrected: the state 已退回 (returned, 有差异) beside open, submitted and reconciled, and
// 日报核对记录 (CashReportReview), one row per check of a submitted report — 核对无误 or 有差异 with the signed
// difference in fen and a note. Reports reconciled before this migration get their 核对无误 row from the report itself,
// so every reconciled report has its check in the history.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const ref = (model: string) => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  references: { model, key: 'id' },
  onDelete: 'RESTRICT',
});

const STATUS_BEFORE = ['open', 'submitted', 'reconciled'];
const STATUS_AFTER = [...STATUS_BEFORE, 'returned'];
const OUTCOMES = ['matched', 'different'];

const list = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

async function checkStatuses({ sequelize }: MigrationContext, values: string[]) {
  // 0011 gave CashReport.status its CHECK on PostgreSQL; SQLite has none (the model's validators keep the values).
  await sequelize.query('ALTER TABLE "CashReport" DROP CONSTRAINT IF EXISTS "CashReport_status_check"');
  await sequelize.query(
    `ALTER TABLE "CashReport" ADD CONSTRAINT "CashReport_status_check" CHECK ("status" IN (${list(values)}))`,
  );
}

export async function up(context: MigrationContext) {
  const { queryInterface: qi, sequelize } = context;
  const isPostgres = sequelize.getDialect() === 'postgres';
  await qi.createTable('CashReportReview', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    cashReportId: ref('CashReport'),
    reviewerId: ref('Staff'),
    outcome: { type: DataTypes.STRING(24), allowNull: false },
    differenceAmount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    note: { type: DataTypes.TEXT, allowNull: true },
    reviewedAt: { type: DataTypes.DATE, allowNull: false },
    createdAt: { type: DataTypes.DATE, allowNull: false },
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('CashReportReview', ['cashReportId'], { name: 'CashReportReview_cashReportId' });
  await qi.addIndex('CashReportReview', ['reviewerId'], { name: 'CashReportReview_reviewerId' });

  await sequelize.query(
    `INSERT INTO "CashReportReview" ("cashReportId", "reviewerId", "outcome", "differenceAmount", "note", "reviewedAt", "createdAt", "updatedAt")
     SELECT "id", "reconciledById", 'matched', 0, NULL, "reconciledAt", "reconciledAt", "reconciledAt"
       FROM "CashReport"
      WHERE "status" = 'reconciled' AND "reconciledById" IS NOT NULL AND "reconciledAt" IS NOT NULL`,
  );

  if (isPostgres) {
    await checkStatuses(context, STATUS_AFTER);
    await sequelize.query(
      `ALTER TABLE "CashReportReview" ADD CONSTRAINT "CashReportReview_outcome_check" CHECK ("outcome" IN (${list(OUTCOMES)}))`,
    );
  }
}

export async function down(context: MigrationContext) {
  const { queryInterface: qi, sequelize } = context;
  // A report sent back is, without the state, a submitted one waiting to be checked again.
  await sequelize.query(`UPDATE "CashReport" SET "status" = 'submitted' WHERE "status" = 'returned'`);
  if (sequelize.getDialect() === 'postgres') await checkStatuses(context, STATUS_BEFORE);
  await qi.dropTable('CashReportReview');
}
