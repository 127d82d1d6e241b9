// Migration 0013 on a database as it was before it: every receipt of a bill (Payment.billId), valid or voided, becomes
// one allocation (收据分摊) of its whole amount; receipts without a bill get none; the money invariants hold after it;
// going down drops the allocations and keeps billId. On a database of its own: a fresh SQLite file, or a fresh
// PostgreSQL database beside the test database.
import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { createMigrator } from '../../src/models/migrate.js';
import { freshDatabase, rowsOf } from '../support/fresh-database.js';
import { moneyInvariantViolations } from '../support/money-invariants.js';

const MIGRATION = '0013-payment-allocations';

describe(`migration ${MIGRATION}: receipts of a bill become allocations`, function () {
  this.timeout(60_000);
  let db: Sequelize;
  let drop: () => Promise<void>;
  const ids: Record<string, number> = {};
  const now = new Date('2026-11-20T02:00:00Z');
  const { stamp, select, insert } = rowsOf(() => db, now);
  const receipt = (sequence: number, row: Record<string, unknown>) =>
    insert(
      'Payment',
      {
        receiptNumber: `SK2026-${String(sequence).padStart(6, '0')}`,
        receiptYear: 2026,
        receiptSequence: sequence,
        method: 'cash',
        payerName: '王建国',
        cashierId: ids.cashier,
        paidAt: now,
        status: 'valid',
        ...row,
      },
      'receiptNumber',
    );

  before(async () => {
    ({ db, drop } = await freshDatabase('0013'));
    const migrator = createMigrator(db);
    const earlier = (await migrator.pending()).map((m) => m.name).filter((name) => name < MIGRATION);
    await migrator.up({ to: earlier.at(-1) });

    ids.cashier = await insert(
      'Staff',
      { name: '李秀英', email: 'cashier@m0013.local', passwordHash: 'x', enabled: true },
      'email',
    );
    ids.community = await insert('Community', { name: '翠湖花园' }, 'name');
    ids.building = await insert('Building', { communityId: ids.community, name: '3栋', floors: 18 }, 'name');
    ids.owner = await insert('Owner', { name: '王建国', phone: '13800138000' }, 'phone');
    ids.unit = await insert(
      'Unit',
      { buildingId: ids.building, number: '1203', label: '翠湖花园 3栋 1203', area: 89.45, ownerId: ids.owner },
      'label',
    );
    const billOf = (period: string, amount: number, paidAmount: number, status: string) =>
      insert(
        'Bill',
        {
          unitId: ids.unit,
          ownerId: ids.owner,
          period,
          feeKind: 'management',
          description: `${period} 物业管理费`,
          amount,
          paidAmount,
          status,
          dueDate: `${period}-20`,
        },
        'period',
      );
    ids.paid = await billOf('2026-09', 25_046, 25_046, 'paid');
    ids.partial = await billOf('2026-10', 25_046, 10_000, 'partial');
    ids.full = await receipt(1, { kind: 'fee', amount: 25_046, billId: ids.paid });
    ids.part = await receipt(2, { kind: 'fee', amount: 10_000, billId: ids.partial });
    ids.voided = await receipt(3, {
      kind: 'fee',
      amount: 12_000,
      billId: ids.partial,
      status: 'voided',
      voidedAt: now,
      voidedById: ids.cashier,
      voidReason: '金额录入错误',
    });
    ids.sundry = await receipt(4, { kind: 'other', amount: 2_000, billId: null });
    await migrator.up({ to: MIGRATION });
  });

  after(async () => {
    await drop();
  });

  it('turns each receipt of a bill, voided ones included, into one allocation of its whole amount', async () => {
    const rows = await select<{ paymentId: number; billId: number; amount: number }>(
      'SELECT "paymentId", "billId", "amount" FROM "PaymentAllocation" ORDER BY "paymentId"',
    );
    expect(rows.map((r) => [Number(r.paymentId), Number(r.billId), Number(r.amount)])).to.deep.equal([
      [ids.full, ids.paid, 25_046],
      [ids.part, ids.partial, 10_000],
      [ids.voided, ids.partial, 12_000],
    ]);
  });

  it('keeps Payment.billId readable and leaves the money invariants true', async () => {
    const [row] = await select<{ billId: number }>(`SELECT "billId" FROM "Payment" WHERE "id" = ${ids.full}`);
    expect(Number(row.billId)).to.equal(ids.paid);
    expect(await moneyInvariantViolations(db)).to.deep.equal([]);
  });

  it('refuses a second allocation of one receipt to the same bill', async () => {
    let refused = false;
    try {
      await db
        .getQueryInterface()
        .bulkInsert('PaymentAllocation', [{ paymentId: ids.full, billId: ids.paid, amount: 1, ...stamp }]);
    } catch {
      refused = true;
    }
    expect(refused).to.equal(true);
  });

  it('goes down (the allocations are dropped, billId stays) and up again', async () => {
    const migrator = createMigrator(db);
    await migrator.down({ to: MIGRATION });
    const tables = (await db.getQueryInterface().showAllTables()).map((t) =>
      typeof t === 'string' ? t : (t as { tableName: string }).tableName,
    );
    expect(tables).to.not.include('PaymentAllocation');
    const [row] = await select<{ billId: number }>(`SELECT "billId" FROM "Payment" WHERE "id" = ${ids.part}`);
    expect(Number(row.billId)).to.equal(ids.partial);
    await migrator.up({ to: MIGRATION });
    const [{ count }] = await select<{ count: number }>('SELECT COUNT(*) AS "count" FROM "PaymentAllocation"');
    expect(Number(count)).to.equal(3);
  });
});
