// Migration 0015 on a database as it was before it: the free-text spaces of rentals become spaces of their
// communities (one per community and code, however the code was typed), each rental names its space, and a ticket
// whose owner does not own its room names the room's owner, with an 操作日志 line; going down puts both back.
// On a database of its own: a fresh SQLite file, or a fresh PostgreSQL database beside the test database.
import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { createMigrator } from '../../src/models/migrate.js';
import { freshDatabase, rowsOf } from '../support/fresh-database.js';

const MIGRATION = '0015-parking-spaces';

describe(`migration ${MIGRATION}: parking spaces become records, tickets name their room's owner`, function () {
  this.timeout(60_000);
  let db: Sequelize;
  let drop: () => Promise<void>;
  const ids: Record<string, number> = {};
  const now = new Date('2026-11-20T02:00:00Z');
  const { select, insert } = rowsOf(() => db, now);

  before(async () => {
    ({ db, drop } = await freshDatabase('0015'));
    const migrator = createMigrator(db);
    const earlier = (await migrator.pending()).map((m) => m.name).filter((name) => name < MIGRATION);
    await migrator.up({ to: earlier.at(-1) });

    ids.department = await insert('Department', { name: '工程部' }, 'name');
    ids.staff = await insert(
      'Staff',
      { name: '车库管理员甲', email: 'garage@m.local', passwordHash: 'x', enabled: true },
      'email',
    );
    ids.cuihu = await insert('Community', { name: '翠湖花园' }, 'name');
    ids.jinxiu = await insert('Community', { name: '锦绣江南' }, 'name');
    ids.b1 = await insert('Building', { communityId: ids.cuihu, name: '3栋' }, 'name');
    ids.b2 = await insert('Building', { communityId: ids.jinxiu, name: '1栋' }, 'name');
    ids.zhang = await insert('Owner', { name: '张伟' }, 'name');
    ids.li = await insert('Owner', { name: '李秀英' }, 'name');
    ids.u1 = await insert(
      'Unit',
      { buildingId: ids.b1, number: '1203', label: '翠湖花园 3栋 1203', area: 89.5, ownerId: ids.zhang },
      'label',
    );
    ids.u2 = await insert(
      'Unit',
      { buildingId: ids.b2, number: '0501', label: '锦绣江南 1栋 0501', area: 96, ownerId: ids.li },
      'label',
    );
    ids.u3 = await insert(
      'Unit',
      { buildingId: ids.b1, number: '0101', label: '翠湖花园 3栋 0101', area: 70, ownerId: null },
      'label',
    );

    const rental = (plate: string, space: string, unitId: number | null, status = 'approved') => ({
      registeredById: ids.staff,
      unitId,
      renterName: '车主',
      renterPhone: '13800138000',
      plateNumber: plate,
      spaceNumber: space,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      monthlyRent: 40_000,
      status,
    });
    // B2-088 twice in 翠湖花园 (the way it was typed differs), once in 锦绣江南; an outsider's J-3 with no room.
    ids.r1 = await insert('ParkingRental', rental('粤B00001', 'B2-088', ids.u1), 'plateNumber');
    ids.r2 = await insert('ParkingRental', rental('粤B00002', ' b2－088', ids.u3, 'pending'), 'plateNumber');
    ids.r3 = await insert('ParkingRental', rental('粤B00003', 'B2-088', ids.u2), 'plateNumber');
    ids.r4 = await insert('ParkingRental', rental('粤B00004', 'J-3', null), 'plateNumber');
    ids.r5 = await insert('ParkingRental', rental('粤B00005', 'A-12', ids.u1, 'rejected'), 'plateNumber');

    const ticket = (number: string, unitId: number | null, ownerId: number | null) => ({
      number,
      category: 'repair',
      title: '漏水',
      reporterName: '王先生',
      unitId,
      ownerId,
      departmentId: ids.department,
      registeredById: ids.staff,
      dueAt: now,
      reportedAt: now,
    });
    ids.tRight = await insert('Ticket', ticket('BS1', ids.u1, ids.zhang), 'number');
    ids.tWrong = await insert('Ticket', ticket('BS2', ids.u1, ids.li), 'number');
    ids.tNoRoom = await insert('Ticket', ticket('BS3', null, ids.li), 'number');
    ids.tVacant = await insert('Ticket', ticket('BS4', ids.u3, ids.zhang), 'number');
    ids.tEmpty = await insert('Ticket', ticket('BS5', ids.u2, null), 'number');

    await migrator.up({ to: MIGRATION });
  });

  after(async () => {
    await drop?.();
  });

  it("makes one space per community and code, of the rental's room's community, with a kind read from the code", async () => {
    const spaces = await select<{ id: number; communityId: number; code: string; kind: string }>(
      'SELECT "id", "communityId", "code", "kind" FROM "ParkingSpace" ORDER BY "communityId", "code"',
    );
    expect(spaces.map(({ communityId, code, kind }) => [Number(communityId), code, kind])).to.deep.equal([
      [ids.cuihu, 'A-12', 'surface'],
      [ids.cuihu, 'B2-088', 'underground'],
      // The outsider's space had no room: it goes to the first community.
      [ids.cuihu, 'J-3', 'mechanical'],
      [ids.jinxiu, 'B2-088', 'underground'],
    ]);
  });

  it('points every rental at its space and drops the free text', async () => {
    const rows = await select<{ id: number; spaceId: number; code: string; communityId: number }>(
      `SELECT r."id", r."spaceId", s."code", s."communityId" FROM "ParkingRental" r
         JOIN "ParkingSpace" s ON s."id" = r."spaceId" ORDER BY r."id"`,
    );
    expect(rows.map((r) => [Number(r.id), r.code, Number(r.communityId)])).to.deep.equal([
      [ids.r1, 'B2-088', ids.cuihu],
      [ids.r2, 'B2-088', ids.cuihu],
      [ids.r3, 'B2-088', ids.jinxiu],
      [ids.r4, 'J-3', ids.cuihu],
      [ids.r5, 'A-12', ids.cuihu],
    ]);
    expect(Number(rows[0].spaceId)).to.equal(Number(rows[1].spaceId));
    const columns = await db.getQueryInterface().describeTable('ParkingRental');
    expect(columns).to.not.have.property('spaceNumber');
    expect(columns.spaceId.allowNull).to.equal(false);
    // The rebuilt table still refuses a space that does not exist.
    const refused = await db
      .query(
        `INSERT INTO "ParkingRental" ("registeredById", "renterName", "renterPhone", "plateNumber", "spaceId",
           "startDate", "endDate", "monthlyRent", "status", "createdAt", "updatedAt")
         VALUES (${ids.staff}, 'x', '13800138000', '粤B00009', 999999, '2026-01-01', '2026-02-01', 1, 'pending', :now, :now)`,
        { replacements: { now } },
      )
      .then(
        () => null,
        (error: Error) => error,
      );
    expect(refused?.name).to.equal('SequelizeForeignKeyConstraintError');
  });

  it("gives each ticket whose owner does not own its room the room's owner (or none), and logs what it named before", async () => {
    const tickets = await select<{ id: number; ownerId: number | null }>(
      'SELECT "id", "ownerId" FROM "Ticket" ORDER BY "id"',
    );
    const owner = Object.fromEntries(tickets.map((t) => [Number(t.id), t.ownerId === null ? null : Number(t.ownerId)]));
    expect(owner).to.deep.equal({
      [ids.tRight]: ids.zhang,
      [ids.tWrong]: ids.zhang,
      [ids.tNoRoom]: null,
      [ids.tVacant]: null,
      [ids.tEmpty]: null,
    });
    const lines = await select<{ recordId: string; changes: unknown; staffId: number | null }>(
      `SELECT "recordId", "changes", "staffId" FROM "AuditLog" WHERE "resource" = 'Ticket' ORDER BY "recordId"`,
    );
    const changes = Object.fromEntries(
      lines.map((l) => [l.recordId, typeof l.changes === 'string' ? JSON.parse(l.changes) : l.changes]),
    );
    expect(changes).to.deep.equal({
      [ids.tWrong]: { ownerId: [ids.li, ids.zhang] },
      [ids.tNoRoom]: { ownerId: [ids.li, null] },
      [ids.tVacant]: { ownerId: [ids.zhang, null] },
    });
  });

  it('going down gives rentals their space codes back and tickets their owners; up again agrees', async () => {
    const migrator = createMigrator(db);
    await migrator.down({ to: MIGRATION });
    const rentals = await select<{ id: number; spaceNumber: string }>(
      'SELECT "id", "spaceNumber" FROM "ParkingRental" ORDER BY "id"',
    );
    expect(rentals.map((r) => r.spaceNumber)).to.deep.equal(['B2-088', 'B2-088', 'B2-088', 'J-3', 'A-12']);
    const [wrong] = await select<{ ownerId: number }>(`SELECT "ownerId" FROM "Ticket" WHERE "id" = ${ids.tWrong}`);
    expect(Number(wrong.ownerId)).to.equal(ids.li);
    expect(await select(`SELECT 1 FROM "AuditLog" WHERE "resource" = 'Ticket'`)).to.have.length(0);
    await migrator.up({ to: MIGRATION });
    const spaces = await select('SELECT "id" FROM "ParkingSpace"');
    expect(spaces).to.have.length(4);
  });
});
