// Indexes for the money reports (收费统计, 欠费账龄, 催缴结果), so each answers in about a second on the large demo:
// a period's bills with their amounts (read from the index alone), an owner's open bills by due date (what a plan
// has recovered), receipts by status and time, allocations from either side with their amounts, a plan's contacts
// per owner by time (the latest contact of each target), contacts by time with their result, and an owner's plans.
// Plain CREATE INDEX IF NOT EXISTS: the same on SQLite and PostgreSQL, safe to run twice. (A status-first bill index
// was tried and dropped: SQLite then preferred it to the owner's index in the plan screen's 已收回 and took a minute.)
import type { MigrationContext } from '../migrate.js';

const INDEXES: ReadonlyArray<readonly [name: string, table: string, columns: string[]]> = [
  ['Bill_period_unitId_amounts', 'Bill', ['period', 'unitId', 'feeKind', 'amount', 'paidAmount']],
  ['Bill_ownerId_status_dueDate', 'Bill', ['ownerId', 'status', 'dueDate', 'amount', 'paidAmount']],
  ['Payment_status_paidAt', 'Payment', ['status', 'paidAt']],
  ['PaymentAllocation_billId_amount', 'PaymentAllocation', ['billId', 'paymentId', 'amount']],
  ['PaymentAllocation_paymentId_amount', 'PaymentAllocation', ['paymentId', 'billId', 'amount']],
  ['DunningRecord_planId_ownerId_contactedAt', 'DunningRecord', ['planId', 'ownerId', 'contactedAt']],
  ['DunningTarget_ownerId_planId', 'DunningTarget', ['ownerId', 'planId']],
  ['DunningRecord_contactedAt_result', 'DunningRecord', ['contactedAt', 'result']],
];

export async function up({ sequelize }: MigrationContext) {
  for (const [name, table, columns] of INDEXES)
    await sequelize.query(
      `CREATE INDEX IF NOT EXISTS "${name}" ON "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`,
    );
}

export async function down({ sequelize }: MigrationContext) {
  for (const [name] of INDEXES) await sequelize.query(`DROP INDEX IF EXISTS "${name}"`);
}
