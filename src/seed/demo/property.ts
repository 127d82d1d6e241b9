// Demo communities, buildings, units and owners (业主档案). Deterministic through ctx.rng.
// At scale 1: two communities, 9 buildings, 336 units, ~280 owners. Buildings (and so units and owners) grow
// with ctx.scale; a top-up run on an existing database adds buildings after the ones already there.
import type { CreationAttributes, Transaction } from 'sequelize';
import { Building, Community, Owner, Unit, sequelize } from '../../models/index.js';
import { shanghaiDay } from '../../lib/shanghai.js';
import type { DemoContext } from './context.js';
import { daysAgo, landline, mobile, personName, type Rng } from './fake.js';

interface CommunityPlan {
  name: string;
  address: string;
  /** Buildings at scale 1. */
  buildings: number;
  floors: number;
  unitsPerFloor: number;
}

const COMMUNITIES: CommunityPlan[] = [
  { name: '翠湖花园', address: '深圳市南山区南海大道 3012 号', buildings: 6, floors: 12, unitsPerFloor: 4 },
  { name: '锦绣江南', address: '深圳市龙华区民治街道人民路 2088 号', buildings: 3, floors: 8, unitsPerFloor: 2 },
];

/** Units are written in batches of about this many rows, one transaction per batch. */
const BATCH_UNITS = 500;
/** The context keeps at most this many units and owners (a sample at large scale) for later steps. */
export const CONTEXT_SAMPLE_LIMIT = 5000;

const OVERDUE_REVIEW_SHARE = 0.2;
const MISSING_PHONE_SHARE = 0.05;
const VACANT_SHARE = 0.07;
const SECOND_UNIT_SHARE = 0.1;

const OWNER_NOTES = [
  '房屋出租，租户联系人见备用电话',
  '长期在外地工作，由父母代为办理物业事务',
  '老人独居，需重点关怀',
  '已办理车位租赁',
  '养犬一只，已登记犬证',
  '家中有行动不便人员，电梯检修需提前告知',
];

function area(rng: Rng): number {
  return Math.round((50 + rng.next() * 130) * 100) / 100;
}

function email(rng: Rng, phone: string | null): string {
  if (phone && rng.chance(0.5)) return `${phone}@163.com`;
  return `${rng.int(10_000_000, 2_999_999_999)}@qq.com`;
}

/** YYYY-MM-DD of `days` days before ctx.now; memoised, since a large scale asks for the same few thousand days. */
const dayStrings = new WeakMap<DemoContext, Map<number, string>>();
function dayBefore(ctx: DemoContext, days: number): string {
  let cache = dayStrings.get(ctx);
  if (!cache) dayStrings.set(ctx, (cache = new Map()));
  let day = cache.get(days);
  if (day === undefined) cache.set(days, (day = shanghaiDay(daysAgo(ctx.now, days))));
  return day;
}

/** One owner's archive: move-in 1–12 years ago, reviewed within the year except for the overdue share. */
function ownerRow(ctx: DemoContext): CreationAttributes<Owner> {
  const { rng } = ctx;
  const moveInDaysAgo = rng.int(300, 4300);
  let reviewDaysAgo = rng.chance(OVERDUE_REVIEW_SHARE) ? rng.int(400, 1500) : rng.int(3, 330);
  if (reviewDaysAgo > moveInDaysAgo) reviewDaysAgo = moveInDaysAgo;
  const phone = rng.chance(MISSING_PHONE_SHARE) ? null : mobile(rng);
  return {
    name: personName(rng),
    phone,
    altPhone: rng.chance(0.25) ? (rng.chance(0.7) ? mobile(rng) : landline(rng)) : null,
    email: rng.chance(0.2) ? email(rng, phone) : null,
    moveInDate: dayBefore(ctx, moveInDaysAgo),
    lastReviewedOn: dayBefore(ctx, reviewDaysAgo),
    notes: rng.chance(0.08) ? rng.pick(OWNER_NOTES) : null,
  };
}

interface BuildingPlan {
  community: Community;
  name: string;
  floors: number;
  unitsPerFloor: number;
}

async function seedBatch(ctx: DemoContext, plans: BuildingPlan[], transaction: Transaction): Promise<void> {
  const { rng } = ctx;
  const buildings = await Building.bulkCreate(
    plans.map((p) => ({ communityId: p.community.id, name: p.name, floors: p.floors })),
    { transaction, validate: true, returning: true },
  );
  if (ctx.buildings.length < CONTEXT_SAMPLE_LIMIT) ctx.buildings.push(...buildings);

  // Decide every unit's owner first (vacant, a new owner, or a second unit of an owner already made), then
  // write the owners to learn their ids, then the units.
  type Draft = {
    building: Building;
    plan: BuildingPlan;
    floor: number;
    number: string;
    area: number;
    owner: number | null;
  };
  const drafts: Draft[] = [];
  const ownerRows: CreationAttributes<Owner>[] = [];
  buildings.forEach((building, i) => {
    const plan = plans[i];
    const stackAreas = Array.from({ length: plan.unitsPerFloor }, () => area(rng));
    for (let floor = 1; floor <= plan.floors; floor++) {
      for (let k = 1; k <= plan.unitsPerFloor; k++) {
        let owner: number | null = null;
        if (!rng.chance(VACANT_SHARE)) {
          if (ownerRows.length > 0 && rng.chance(SECOND_UNIT_SHARE)) owner = rng.int(0, ownerRows.length - 1);
          else owner = ownerRows.push(ownerRow(ctx)) - 1;
        }
        drafts.push({
          building,
          plan,
          floor,
          number: `${floor}${String(k).padStart(2, '0')}`,
          area: stackAreas[k - 1],
          owner,
        });
      }
    }
  });
  const owners = await Owner.bulkCreate(ownerRows, { transaction, validate: true, returning: true });
  const units = await Unit.bulkCreate(
    drafts.map((d) => ({
      buildingId: d.building.id,
      number: d.number,
      label: `${d.plan.community.name} ${d.building.name} ${d.number}`,
      floor: d.floor,
      area: d.area,
      ownerId: d.owner === null ? null : owners[d.owner].id,
    })),
    { transaction, validate: true, returning: true },
  );
  const ownerRoom = CONTEXT_SAMPLE_LIMIT - ctx.owners.length;
  if (ownerRoom > 0) ctx.owners.push(...owners.slice(0, ownerRoom));
  const unitRoom = CONTEXT_SAMPLE_LIMIT - ctx.units.length;
  if (unitRoom > 0) ctx.units.push(...units.slice(0, unitRoom));
}

export async function seedPropertyDemo(ctx: DemoContext): Promise<void> {
  const plans: BuildingPlan[] = [];
  for (const plan of COMMUNITIES) {
    const [community] = await Community.findOrCreate({
      where: { name: plan.name },
      defaults: { name: plan.name, address: plan.address },
    });
    if (!ctx.communities.some((c) => c.id === community.id)) ctx.communities.push(community);
    // A top-up run continues the numbering: "7栋", "8栋" … after the buildings already there.
    const existing = await Building.count({ where: { communityId: community.id } });
    for (let i = 1; i <= plan.buildings * ctx.scale; i++) {
      plans.push({ community, name: `${existing + i}栋`, floors: plan.floors, unitsPerFloor: plan.unitsPerFloor });
    }
  }

  let batch: BuildingPlan[] = [];
  let batchUnits = 0;
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    await sequelize.transaction((transaction) => seedBatch(ctx, current, transaction));
    done += current.length;
    if (plans.length > 20) ctx.progress(`楼栋与房屋：${done}/${plans.length} 栋`);
    batch = [];
    batchUnits = 0;
  };
  for (const plan of plans) {
    batch.push(plan);
    batchUnits += plan.floors * plan.unitsPerFloor;
    if (batchUnits >= BATCH_UNITS) await flush();
  }
  await flush();
}
