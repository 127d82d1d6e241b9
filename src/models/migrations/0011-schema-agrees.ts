// The tables agree with the models (test/models/schema.test.ts compares them):
// - PostgreSQL: every column a model declares as ENUM (status codes, kinds, methods …) is a VARCHAR since 0001–0009;
//   a CHECK constraint now keeps it to exactly the model's values. A CHECK rather than a PostgreSQL enum type: nothing
//   to convert, and a later value is one constraint to replace. The values are written out here, as they were when
//   this migration was written; the schema test fails when a model's values change without a migration.
//   SQLite gets no CHECK: ALTER TABLE cannot add one without rebuilding the table, and rebuilding tables that others
//   reference by foreign key is unsafe there; the models' validators refuse other values on every write.
// - SQLite: SignInThrottle's primary key "key" (0010) took NULL, as a non-INTEGER primary key does there unless it
//   is declared NOT NULL. No foreign key points at SignInThrottle, so it is rebuilt with NOT NULL.
import { DataTypes, type Transaction } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const ENUM_CHECKS: Record<string, Record<string, readonly string[]>> = {
  PositionClause: { kind: ['duty', 'authority', 'qualification'] },
  Ticket: {
    channel: ['phone', 'visit', 'letter', 'online'],
    category: ['repair', 'complaint', 'inquiry', 'suggestion', 'comprehensive'],
    status: ['reported', 'dispatched', 'completed', 'visited', 'approved', 'archived', 'cancelled'],
  },
  WorkOrder: { status: ['open', 'done', 'reassigned', 'cancelled'] },
  ReturnVisit: { method: ['phone', 'visit'] },
  Correspondence: { kind: ['mail', 'letter', 'external_call', 'phone_record'], direction: ['incoming', 'outgoing'] },
  Notice: { status: ['draft', 'published', 'withdrawn'] },
  Bill: { feeKind: ['management', 'service', 'parking', 'clubhouse', 'other'], status: ['unpaid', 'partial', 'paid'] },
  BillingRun: { status: ['done', 'undone'] },
  Payment: {
    kind: ['fee', 'deposit', 'deposit_refund', 'parking', 'clubhouse', 'other'],
    method: ['cash', 'card', 'wechat', 'alipay', 'transfer'],
    status: ['valid', 'voided'],
  },
  CashReport: { status: ['open', 'submitted', 'reconciled'] },
  ParkingRental: { status: ['pending', 'approved', 'rejected'] },
  ClubhouseCharge: { status: ['pending', 'verified'] },
  RenovationApplication: {
    status: ['submitted', 'reviewed', 'approved', 'rejected', 'inspected'],
    inspectionResult: ['passed', 'failed'],
  },
  RenovationDeposit: { status: ['held', 'refunded', 'forfeited'], inspectionResult: ['passed', 'failed'] },
  DunningPlan: { status: ['draft', 'started', 'closed'] },
  DunningRecord: {
    method: ['phone', 'visit', 'letter', 'sms'],
    result: ['promised', 'paid', 'refused', 'unreachable'],
  },
  Survey: { status: ['draft', 'running', 'closed'] },
  SurveyQuestion: { kind: ['score', 'text'], surveyStatus: ['draft', 'running', 'closed'] },
  WorkPlanItem: { status: ['todo', 'doing', 'done', 'carried'] },
  ArchiveDocument: { docType: ['training', 'minutes', 'iso9002', 'iso14000', 'finance', 'mail', 'other'] },
  AuthorityRule: { effect: ['allow', 'deny'] },
  DecisionLog: { effect: ['allow', 'deny', 'default-deny'] },
};

const constraintName = (table: string, column: string) => `${table}_${column}_check`;
const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** SignInThrottle as 0010 made it, with "key" NOT NULL or not; its rows are copied (a NULL key cannot be kept). */
async function rebuildSignInThrottle(
  { queryInterface: qi, sequelize }: MigrationContext,
  keyNotNull: boolean,
  transaction: Transaction,
) {
  await qi.createTable(
    'SignInThrottle_rebuilt',
    {
      key: { type: DataTypes.STRING(80), primaryKey: true, allowNull: !keyNotNull },
      failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lastFailureAt: { type: DataTypes.DATE, allowNull: true },
      blockedUntil: { type: DataTypes.DATE, allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      updatedAt: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
  const columns = '"key", "failures", "lastFailureAt", "blockedUntil", "createdAt", "updatedAt"';
  await sequelize.query(
    `INSERT INTO "SignInThrottle_rebuilt" (${columns}) SELECT ${columns} FROM "SignInThrottle" WHERE "key" IS NOT NULL`,
    { transaction },
  );
  await sequelize.query('DROP TABLE "SignInThrottle"', { transaction });
  await sequelize.query('ALTER TABLE "SignInThrottle_rebuilt" RENAME TO "SignInThrottle"', { transaction });
  await qi.addIndex('SignInThrottle', ['updatedAt'], { name: 'SignInThrottle_updatedAt', transaction });
}

export async function up(context: MigrationContext) {
  const { sequelize } = context;
  await sequelize.transaction(async (transaction) => {
    if (sequelize.getDialect() !== 'postgres') {
      await rebuildSignInThrottle(context, true, transaction);
      return;
    }
    for (const [table, columns] of Object.entries(ENUM_CHECKS)) {
      for (const [column, values] of Object.entries(columns)) {
        const name = constraintName(table, column);
        await sequelize.query(`ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${name}"`, { transaction });
        await sequelize.query(
          `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" CHECK ("${column}" IN (${values.map(quoted).join(', ')}))`,
          { transaction },
        );
      }
    }
  });
}

export async function down(context: MigrationContext) {
  const { sequelize } = context;
  await sequelize.transaction(async (transaction) => {
    if (sequelize.getDialect() !== 'postgres') {
      await rebuildSignInThrottle(context, false, transaction);
      return;
    }
    for (const [table, columns] of Object.entries(ENUM_CHECKS)) {
      for (const column of Object.keys(columns)) {
        await sequelize.query(`ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${constraintName(table, column)}"`, {
          transaction,
        });
      }
    }
  });
}
