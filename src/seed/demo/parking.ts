// Demo 车位: each community's car park — mostly underground (B1-/B2-), a few surface (A-) and mechanical (J1-)
// spaces — with one space of its own for every rental the fees step registers, so no two rentals ever hold a space
// over the same days, and about a third more left free for the garage keeper's picker. A top-up run numbers its
// spaces after the ones already there.
import { Op, QueryTypes, type CreationAttributes } from 'sequelize';
import { Community, ParkingSpace, sequelize, type ParkingSpaceKind } from '../../models/index.js';
import type { DemoContext } from './context.js';
import { bulkInsert } from './bulk.js';

export interface DemoSpace {
  id: number;
  code: string;
  communityId: number;
}

/** The n-th space of a car park: nine in ten underground on two levels, then a surface one, then a mechanical one. */
function spaceAt(n: number): { prefix: string; kind: ParkingSpaceKind } {
  if (n % 10 === 8) return { prefix: 'A', kind: 'surface' };
  if (n % 10 === 9) return { prefix: 'J1', kind: 'mechanical' };
  return { prefix: n % 2 === 0 ? 'B1' : 'B2', kind: 'underground' };
}

/** The community of each unit (unit → building → community), for units the context may not hold. */
async function communitiesOf(ctx: DemoContext, unitIds: number[]): Promise<Map<number, number>> {
  const buildings = new Map(ctx.buildings.map((b) => [b.id, b.communityId]));
  const known = new Map<number, number>();
  const missing: number[] = [];
  const units = new Map(ctx.units.map((u) => [u.id, u.buildingId]));
  for (const id of new Set(unitIds)) {
    const community = buildings.get(units.get(id) ?? -1);
    if (community === undefined) missing.push(id);
    else known.set(id, community);
  }
  if (missing.length > 0) {
    const rows = await sequelize.query<{ id: number; communityId: number }>(
      `SELECT u."id", b."communityId" FROM "Unit" u JOIN "Building" b ON b."id" = u."buildingId" WHERE u."id" IN (:ids)`,
      { replacements: { ids: missing }, type: QueryTypes.SELECT },
    );
    for (const row of rows) known.set(Number(row.id), Number(row.communityId));
  }
  return known;
}

/**
 * The spaces for rentals of these units (null: an outsider, parked in the first community), one each and in the
 * same order, made with the free ones beside them.
 */
export async function seedParkingSpaces(ctx: DemoContext, rentalUnitIds: (number | null)[]): Promise<DemoSpace[]> {
  const { rng } = ctx;
  const fallback = ctx.communities[0]?.id ?? (await Community.findOne({ order: [['id', 'ASC']] }))?.id;
  if (rentalUnitIds.length > 0 && fallback === undefined) throw new Error('演示车位需要先有小区');
  const units = await communitiesOf(
    ctx,
    rentalUnitIds.filter((id): id is number => id !== null),
  );
  const communityOfRental = rentalUnitIds.map((id) => (id === null ? undefined : units.get(id)) ?? Number(fallback));
  const wanted = new Map<number, number>();
  for (const community of communityOfRental) wanted.set(community, (wanted.get(community) ?? 0) + 1);

  const spaces = new Map<number, DemoSpace[]>();
  for (const [communityId, rentals] of wanted) {
    const taken = new Set(
      (await ParkingSpace.findAll({ attributes: ['code'], where: { communityId: { [Op.eq]: communityId } } })).map(
        (space) => space.code,
      ),
    );
    const counters = new Map<string, number>();
    const rows: CreationAttributes<ParkingSpace>[] = [];
    const total = rentals + Math.ceil(rentals / 3) + 2;
    for (let n = 0; rows.length < total; n++) {
      const { prefix, kind } = spaceAt(n);
      const number = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, number);
      const code = `${prefix}-${String(number).padStart(3, '0')}`;
      if (taken.has(code)) continue;
      rows.push({ communityId, code, kind, note: kind === 'mechanical' ? '机械车位，限高 1.6 米' : null });
    }
    const made: DemoSpace[] = [];
    await bulkInsert(ParkingSpace, rows, {
      validate: true,
      returning: true,
      each: (created) => made.push(...created.map((s) => ({ id: s.id, code: s.code, communityId: s.communityId }))),
    });
    // Rentals take spaces in a shuffled order, so the free ones are spread over the car park.
    for (let i = made.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [made[i], made[j]] = [made[j], made[i]];
    }
    spaces.set(communityId, made);
  }
  const next = new Map<number, number>();
  return communityOfRental.map((communityId) => {
    const index = next.get(communityId) ?? 0;
    next.set(communityId, index + 1);
    return spaces.get(communityId)![index];
  });
}
