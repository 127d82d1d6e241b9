// Parking spaces are records, and a ticket's owner is its room's owner.
//
// 车位 (ParkingSpace): one row per space of a community (code unique per community, kind 地上/地下/机械). Every distinct
// free-text space of today's rentals becomes a space of the rental's community — the community of its room (unit →
// building → community); a rental without a room takes the community where that code was already found, else the
// first community. Codes are written one way (no spaces, upper-case, plain dashes), so "b2 -088" and "B2-088" are one
// space. The kind is read from the code: B1-/B2- (basement levels) are 地下, J- 机械, the rest 地上; the garage keeper
// corrects it on the space's page. The rental then names its space (spaceId, NOT NULL) and the free text
// (spaceNumber) is dropped: a copy of the code would be a second truth that drifts when a space is renamed, and the
// list, its filter, the bills and the picker all read the code from the space.
// SQLite cannot add a NOT NULL foreign key nor drop a column that has an index in place, so ParkingRental is rebuilt
// there (no table references it by foreign key, so the rebuild is safe); PostgreSQL alters it.
//
// 报事单: a ticket whose owner is not its room's owner — another person, or an owner on a ticket without a room — now
// names the room's owner (none when the room has none or there is no room). The caller's name stays in reporterName;
// each changed ticket leaves an 操作日志 line with the owner it named before, from which `down` puts it back.
import { DataTypes, QueryTypes, type Transaction } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const KINDS = ['surface', 'underground', 'mechanical'];
const TICKET_OWNER_NOTE = '迁移：报事单的业主须是其房屋的业主，已改为房屋的业主（原业主见修改前）';

const timestamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};

const ref = (model: string, allowNull: boolean, onDelete: 'RESTRICT' | 'SET NULL' = 'RESTRICT') => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model, key: 'id' },
  onDelete,
});

/** As models/parking-space.ts writes a code when this migration was written. */
function normalised(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s·•]/g, '')
    .replace(/[—–－_]/g, '-')
    .toUpperCase()
    .slice(0, 20);
}

function kindOf(code: string): string {
  if (/^B\d/.test(code)) return 'underground';
  if (/^J/.test(code)) return 'mechanical';
  return 'surface';
}

/** ParkingRental's columns besides its space, as 0004 made them. */
const RENTAL_COLUMNS = {
  id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
  registeredById: ref('Staff', false),
  ownerId: ref('Owner', true, 'SET NULL'),
  unitId: ref('Unit', true, 'SET NULL'),
  renterName: { type: DataTypes.STRING(40), allowNull: false },
  renterPhone: { type: DataTypes.STRING(20), allowNull: false },
  plateNumber: { type: DataTypes.STRING(10), allowNull: false },
  startDate: { type: DataTypes.DATEONLY, allowNull: false },
  endDate: { type: DataTypes.DATEONLY, allowNull: false },
  monthlyRent: { type: DataTypes.INTEGER, allowNull: false },
  status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'pending' },
  reviewedById: ref('Staff', true),
  reviewedAt: { type: DataTypes.DATE, allowNull: true },
  reviewNote: { type: DataTypes.STRING(200), allowNull: true },
  ...timestamps,
};
const RENTAL_INDEXES: Array<[string[], string]> = [
  [['status'], 'ParkingRental_status'],
  [['registeredById'], 'ParkingRental_registeredById'],
  [['ownerId'], 'ParkingRental_ownerId'],
  [['unitId'], 'ParkingRental_unitId'],
  [['plateNumber'], 'ParkingRental_plateNumber'],
  [['startDate'], 'ParkingRental_startDate'],
];

/**
 * SQLite: ParkingRental rebuilt with `space` as its space column (spaceId NOT NULL referencing ParkingSpace, or
 * spaceNumber NOT NULL text), its rows copied with `select` giving that column.
 */
async function rebuildRentals(
  { queryInterface: qi, sequelize }: MigrationContext,
  space: { name: 'spaceId' | 'spaceNumber'; select: string },
  transaction: Transaction,
) {
  const column =
    space.name === 'spaceId' ? ref('ParkingSpace', false) : { type: DataTypes.STRING(20), allowNull: false };
  const { createdAt, updatedAt, ...rest } = RENTAL_COLUMNS;
  await qi.createTable(
    'ParkingRental_rebuilt',
    { ...rest, [space.name]: column, createdAt, updatedAt },
    { transaction },
  );
  const kept = Object.keys(RENTAL_COLUMNS)
    .map((c) => `"${c}"`)
    .join(', ');
  await sequelize.query(
    `INSERT INTO "ParkingRental_rebuilt" (${kept}, "${space.name}") SELECT ${kept}, ${space.select} FROM "ParkingRental"`,
    { transaction },
  );
  await sequelize.query('DROP TABLE "ParkingRental"', { transaction });
  await sequelize.query('ALTER TABLE "ParkingRental_rebuilt" RENAME TO "ParkingRental"', { transaction });
  for (const [fields, name] of RENTAL_INDEXES) await qi.addIndex('ParkingRental', fields, { name, transaction });
}

interface RentalRow {
  id: number;
  spaceNumber: string;
  communityId: number | null;
}

/** The community each rental's space belongs to, and its code. */
async function spacesOfRentals({ sequelize }: MigrationContext, transaction: Transaction) {
  const rentals = await sequelize.query<RentalRow>(
    `SELECT r."id", r."spaceNumber", b."communityId"
       FROM "ParkingRental" r
       LEFT JOIN "Unit" u ON u."id" = r."unitId"
       LEFT JOIN "Building" b ON b."id" = u."buildingId"
      ORDER BY r."id"`,
    { type: QueryTypes.SELECT, transaction },
  );
  if (rentals.length === 0) return [];
  const withCode = rentals.map((r) => ({
    id: Number(r.id),
    code: normalised(String(r.spaceNumber ?? '')) || `未编号-${r.id}`,
    communityId: r.communityId === null ? null : Number(r.communityId),
  }));
  const knownCommunity = new Map<string, number>();
  for (const r of withCode)
    if (r.communityId !== null && !knownCommunity.has(r.code)) knownCommunity.set(r.code, r.communityId);
  let fallback: number | undefined;
  if (withCode.some((r) => r.communityId === null && !knownCommunity.has(r.code))) {
    const [first] = await sequelize.query<{ id: number }>('SELECT "id" FROM "Community" ORDER BY "id" LIMIT 1', {
      type: QueryTypes.SELECT,
      transaction,
    });
    fallback = first ? Number(first.id) : undefined;
    if (fallback === undefined) {
      const now = new Date();
      await sequelize
        .getQueryInterface()
        .bulkInsert('Community', [{ name: '未指定小区', createdAt: now, updatedAt: now }], { transaction });
      const [made] = await sequelize.query<{ id: number }>(`SELECT "id" FROM "Community" WHERE "name" = '未指定小区'`, {
        type: QueryTypes.SELECT,
        transaction,
      });
      fallback = Number(made.id);
    }
  }
  return withCode.map((r) => ({ ...r, communityId: r.communityId ?? knownCommunity.get(r.code) ?? fallback! }));
}

async function parkingUp(context: MigrationContext, transaction: Transaction) {
  const { queryInterface: qi, sequelize } = context;
  const isPostgres = sequelize.getDialect() === 'postgres';
  await qi.createTable(
    'ParkingSpace',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      communityId: ref('Community', false),
      code: { type: DataTypes.STRING(20), allowNull: false },
      kind: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'underground' },
      note: { type: DataTypes.STRING(200), allowNull: true },
      ...timestamps,
    },
    { transaction },
  );
  await qi.addIndex('ParkingSpace', ['communityId', 'code'], {
    unique: true,
    name: 'ParkingSpace_communityId_code',
    transaction,
  });
  await qi.addIndex('ParkingSpace', ['code'], { name: 'ParkingSpace_code', transaction });
  await qi.addIndex('ParkingSpace', ['kind'], { name: 'ParkingSpace_kind', transaction });
  if (isPostgres) {
    await sequelize.query(
      `ALTER TABLE "ParkingSpace" ADD CONSTRAINT "ParkingSpace_kind_check" CHECK ("kind" IN (${KINDS.map((k) => `'${k}'`).join(', ')}))`,
      { transaction },
    );
  }

  // One space per community and code, then each rental pointed at its own.
  const rentals = await spacesOfRentals(context, transaction);
  const spaces = new Map<string, number[]>();
  for (const r of rentals) {
    const key = `${r.communityId}\u0000${r.code}`;
    spaces.set(key, [...(spaces.get(key) ?? []), r.id]);
  }
  await qi.addColumn('ParkingRental', 'spaceId', ref('ParkingSpace', true), { transaction });
  const now = new Date();
  for (const [key, rentalIds] of spaces) {
    const [communityId, code] = key.split('\u0000');
    await qi.bulkInsert(
      'ParkingSpace',
      [{ communityId: Number(communityId), code, kind: kindOf(code), createdAt: now, updatedAt: now }],
      { transaction },
    );
    const [space] = await sequelize.query<{ id: number }>(
      'SELECT "id" FROM "ParkingSpace" WHERE "communityId" = :communityId AND "code" = :code',
      { replacements: { communityId: Number(communityId), code }, type: QueryTypes.SELECT, transaction },
    );
    await sequelize.query('UPDATE "ParkingRental" SET "spaceId" = :spaceId WHERE "id" IN (:rentalIds)', {
      replacements: { spaceId: Number(space.id), rentalIds },
      transaction,
    });
  }

  if (isPostgres) {
    await sequelize.query('ALTER TABLE "ParkingRental" ALTER COLUMN "spaceId" SET NOT NULL', { transaction });
    await qi.removeIndex('ParkingRental', 'ParkingRental_spaceNumber', { transaction });
    await qi.removeColumn('ParkingRental', 'spaceNumber', { transaction });
  } else {
    await rebuildRentals(context, { name: 'spaceId', select: '"spaceId"' }, transaction);
  }
  await qi.addIndex('ParkingRental', ['spaceId', 'startDate'], {
    name: 'ParkingRental_spaceId_startDate',
    transaction,
  });
}

async function parkingDown(context: MigrationContext, transaction: Transaction) {
  const { queryInterface: qi, sequelize } = context;
  const code = '(SELECT s."code" FROM "ParkingSpace" s WHERE s."id" = "ParkingRental"."spaceId")';
  if (sequelize.getDialect() === 'postgres') {
    await qi.addColumn(
      'ParkingRental',
      'spaceNumber',
      { type: DataTypes.STRING(20), allowNull: true },
      { transaction },
    );
    await sequelize.query(`UPDATE "ParkingRental" SET "spaceNumber" = ${code}`, { transaction });
    await sequelize.query('ALTER TABLE "ParkingRental" ALTER COLUMN "spaceNumber" SET NOT NULL', { transaction });
    await qi.removeIndex('ParkingRental', 'ParkingRental_spaceId_startDate', { transaction });
    await qi.removeColumn('ParkingRental', 'spaceId', { transaction });
  } else {
    await rebuildRentals(context, { name: 'spaceNumber', select: code }, transaction);
  }
  await qi.addIndex('ParkingRental', ['spaceNumber'], { name: 'ParkingRental_spaceNumber', transaction });
  await qi.dropTable('ParkingSpace', { transaction });
}

interface TicketRow {
  id: number;
  ownerId: number;
  roomOwnerId: number | null;
}

async function ticketOwnersUp({ queryInterface: qi, sequelize }: MigrationContext, transaction: Transaction) {
  const tickets = await sequelize.query<TicketRow>(
    `SELECT t."id", t."ownerId", u."ownerId" AS "roomOwnerId"
       FROM "Ticket" t
       LEFT JOIN "Unit" u ON u."id" = t."unitId"
      WHERE t."ownerId" IS NOT NULL AND (u."ownerId" IS NULL OR u."ownerId" <> t."ownerId")
      ORDER BY t."id"`,
    { type: QueryTypes.SELECT, transaction },
  );
  const now = new Date();
  for (const ticket of tickets) {
    const roomOwnerId = ticket.roomOwnerId === null ? null : Number(ticket.roomOwnerId);
    await sequelize.query('UPDATE "Ticket" SET "ownerId" = :roomOwnerId WHERE "id" = :id', {
      replacements: { roomOwnerId, id: Number(ticket.id) },
      transaction,
    });
    await qi.bulkInsert(
      'AuditLog',
      [
        {
          staffId: null,
          action: 'Ticket.edit',
          resource: 'Ticket',
          recordId: String(ticket.id),
          changes: JSON.stringify({ ownerId: [Number(ticket.ownerId), roomOwnerId] }),
          note: TICKET_OWNER_NOTE,
          createdAt: now,
          updatedAt: now,
        },
      ],
      { transaction },
    );
  }
}

async function ticketOwnersDown({ sequelize }: MigrationContext, transaction: Transaction) {
  const lines = await sequelize.query<{ id: number; recordId: string; changes: unknown }>(
    'SELECT "id", "recordId", "changes" FROM "AuditLog" WHERE "note" = :note ORDER BY "id" DESC',
    { replacements: { note: TICKET_OWNER_NOTE }, type: QueryTypes.SELECT, transaction },
  );
  for (const line of lines) {
    const changes = (typeof line.changes === 'string' ? JSON.parse(line.changes) : line.changes) as {
      ownerId?: [number | null, number | null];
    };
    const before = changes.ownerId?.[0] ?? null;
    // The owner may have been deleted since: the ticket then keeps the room's owner.
    await sequelize.query(
      `UPDATE "Ticket" SET "ownerId" = :before WHERE "id" = :id AND EXISTS (SELECT 1 FROM "Owner" WHERE "id" = :before)`,
      { replacements: { before, id: Number(line.recordId) }, transaction },
    );
    await sequelize.query('DELETE FROM "AuditLog" WHERE "id" = :id', { replacements: { id: line.id }, transaction });
  }
}

export async function up(context: MigrationContext) {
  await context.sequelize.transaction(async (transaction) => {
    await parkingUp(context, transaction);
    await ticketOwnersUp(context, transaction);
  });
}

export async function down(context: MigrationContext) {
  await context.sequelize.transaction(async (transaction) => {
    await ticketOwnersDown(context, transaction);
    await parkingDown(context, transaction);
  });
}
