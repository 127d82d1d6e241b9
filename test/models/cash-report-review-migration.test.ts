// Migration 0014 on a database as it was before it: a report reconciled before it gets its 核对无误 check (日报核对记录)
// from the report itself, other reports none; the state 已退回 is then allowed (on PostgreSQL by the column's CHECK);
// going down turns a day sent back into a submitted one and drops the checks. On a database of its own: a fresh
// SQLite file, or a fresh PostgreSQL database beside the test database.
import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { isPostgres } from '../../src/db.js';
import { createMigrator } from '../../src/models/migrate.js';
import { freshDatabase, rowsOf } from '../support/fresh-database.js';

const MIGRATION = '0014-cash-report-corrections';

describe(`migration ${MIGRATION}: a cash report that can be corrected`, function () {
  this.timeout(60_000);
  let db: Sequelize;
  let drop: () => Promise<void>;
  const ids: Record<string, number> = {};
  const submittedAt = new Date('2026-11-20T09:30:00Z');
  const reconciledAt = new Date('2026-11-21T01:40:00Z');
  const { stamp, select, insert } = rowsOf(() => db, submittedAt);
  const report = (title: string, row: Record<string, unknown>) =>
    insert('CashReport', { title, cashierId: ids.cashier, ...row }, 'title');

  before(async () => {
    ({ db, drop } = await freshDatabase('0014'));
    const migrator = createMigrator(db);
    const earlier = (await migrator.pending()).map((m) => m.name).filter((name) => name < MIGRATION);
    await migrator.up({ to: earlier.at(-1) });
    const staff = (name: string, email: string) =>
      insert('Staff', { name, email, passwordHash: 'x', enabled: true }, 'email');
    ids.cashier = await staff('王丽华', 'cashier@m0014.local');
    ids.second = await staff('赵秀英', 'cashier2@m0014.local');
    ids.reconciled = await report('2026-11-20 王丽华 现金日报', {
      reportDate: '2026-11-20',
      status: 'reconciled',
      submittedAt,
      reconciledById: ids.second,
      reconciledAt,
    });
    ids.submitted = await report('2026-11-21 王丽华 现金日报', {
      reportDate: '2026-11-21',
      status: 'submitted',
      submittedAt,
    });
    ids.open = await report('2026-11-22 王丽华 现金日报', { reportDate: '2026-11-22', status: 'open' });
    await migrator.up({ to: MIGRATION });
  });

  after(async () => {
    await drop();
  });

  it('gives each report reconciled before it its 核对无误 check, by its reconciler at its time; other reports none', async () => {
    const rows = await select<{ cashReportId: number; reviewerId: number; outcome: string; differenceAmount: number }>(
      'SELECT "cashReportId", "reviewerId", "outcome", "differenceAmount", "reviewedAt" FROM "CashReportReview"',
    );
    expect(
      rows.map((r) => [Number(r.cashReportId), Number(r.reviewerId), r.outcome, Number(r.differenceAmount)]),
    ).to.deep.equal([[ids.reconciled, ids.second, 'matched', 0]]);
    const [{ reviewedAt }] = await select<{ reviewedAt: string | Date }>('SELECT "reviewedAt" FROM "CashReportReview"');
    expect(new Date(reviewedAt).getTime()).to.equal(reconciledAt.getTime());
  });

  it('allows the state 已退回 and a 有差异 check; PostgreSQL refuses other states and outcomes', async () => {
    await db.query(`UPDATE "CashReport" SET "status" = 'returned' WHERE "id" = ${ids.submitted}`);
    await db.getQueryInterface().bulkInsert('CashReportReview', [
      {
        cashReportId: ids.submitted,
        reviewerId: ids.second,
        outcome: 'different',
        differenceAmount: -5_000,
        note: '短款 50 元',
        reviewedAt: reconciledAt,
        ...stamp,
      },
    ]);
    if (!isPostgres) return;
    let refused = 0;
    for (const sql of [
      `UPDATE "CashReport" SET "status" = 'lost' WHERE "id" = ${ids.open}`,
      `UPDATE "CashReportReview" SET "outcome" = 'maybe'`,
    ]) {
      await db.query(sql).catch(() => (refused += 1));
    }
    expect(refused).to.equal(2);
  });

  it('goes down (a day sent back is submitted again, the checks are dropped) and up again', async () => {
    const migrator = createMigrator(db);
    await migrator.down({ to: MIGRATION });
    const tables = (await db.getQueryInterface().showAllTables()).map((t) =>
      typeof t === 'string' ? t : (t as { tableName: string }).tableName,
    );
    expect(tables).to.not.include('CashReportReview');
    const [row] = await select<{ status: string }>(`SELECT "status" FROM "CashReport" WHERE "id" = ${ids.submitted}`);
    expect(row.status).to.equal('submitted');
    await migrator.up({ to: MIGRATION });
    const [{ count }] = await select<{ count: number }>('SELECT COUNT(*) AS "count" FROM "CashReportReview"');
    expect(Number(count)).to.equal(1);
  });
});
