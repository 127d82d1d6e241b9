// Demo 催缴: plans drawn up from the owners whose bills are overdue, in every state, with the customer
// centre's contacts under the started and closed ones.
import type { CreationAttributes } from 'sequelize';
import {
  DunningPlan,
  DunningRecord,
  DunningTarget,
  sequelize,
  type DunningMethod,
  type DunningPlanStatus,
  type DunningResult,
  type Staff,
} from '../../models/index.js';
import { addMonths, monthLabel, shanghaiDay, shanghaiMonth } from '../../lib/shanghai.js';
import { ownersInArrears } from '../../domain/dunning-arrears.js';
import { targetRow } from '../../domain/dunning-targets.js';
import type { DemoContext } from './context.js';
import { bulkInsert } from './bulk.js';
import { daysAgo, type Rng } from './fake.js';

const MAX_TARGETS_PER_PLAN = 6000;

interface PlanSpec {
  status: DunningPlanStatus;
  /** Days before "now" the plan was drawn up. */
  createdDaysAgo: number;
  minMonths: number;
  communityIndex: number;
}

const METHODS: DunningMethod[] = ['phone', 'phone', 'phone', 'sms', 'visit', 'letter'];

const NOTES: Record<DunningResult, string[]> = {
  promised: [
    '业主表示月底前到客户中心缴清',
    '业主出差在外，答应回来后马上缴费',
    '业主同意先缴一半，余款下月缴清',
    '业主答应本周内通过微信转账缴费',
  ],
  paid: ['业主已到客户中心缴清欠费', '业主当天通过转账缴清，已开收据', '上门催缴时业主当场缴清'],
  refused: [
    '业主对楼道保洁有意见，拒绝缴费，已转保洁部跟进',
    '业主认为电梯维修不及时，暂不缴费',
    '业主称房屋空置，要求减免物管费，已向主任反映',
  ],
  unreachable: [
    '电话无人接听',
    '电话关机，已发短信提醒',
    '上门无人，已在门上留催缴通知',
    '预留电话为空号，需核对业主档案',
  ],
};

function planNote(spec: PlanSpec): string {
  const base = `针对欠费满 ${spec.minMonths} 个月的业主：先电话、短信提醒，仍未缴费的上门或发催缴函。`;
  return spec.status === 'closed' ? `${base}本期催缴已结束，未缴业主转入下期计划。` : base;
}

/** "2026年11月" for the month of `date`, or of the month after it. */
function monthTitle(date: Date, monthsAhead = 0): string {
  return monthLabel(addMonths(shanghaiMonth(date), monthsAhead));
}

/** The contacts with one target: earlier tries fail or promise, the last one may settle it. */
function contactResults(rng: Rng, count: number): DunningResult[] {
  const results: DunningResult[] = [];
  if (count === 0) return results;
  for (let i = 0; i < count - 1; i++)
    results.push(rng.pick(['unreachable', 'unreachable', 'promised', 'refused'] as const));
  results.push(rng.pick(['promised', 'paid', 'paid', 'refused', 'unreachable'] as const));
  return results;
}

export async function seedDunningDemo(ctx: DemoContext): Promise<void> {
  const { rng, now, staff } = ctx;
  const today = shanghaiDay(now);
  const arrears = await ownersInArrears(today);
  if (arrears.length === 0) {
    ctx.progress('催缴：没有欠费业主（缴费期限已过且未缴清的账单），不生成催缴计划');
    return;
  }

  const unitById = new Map(ctx.units.map((u) => [u.id, u]));
  const ownerById = new Map(ctx.owners.map((o) => [o.id, o]));
  const communityOfBuilding = new Map(ctx.buildings.map((b) => [b.id, b.communityId]));
  const communities = ctx.communities.length ? ctx.communities : [];
  const communityOfUnit = (unitId: number) => {
    const unit = unitById.get(unitId);
    return unit ? communityOfBuilding.get(unit.buildingId) : undefined;
  };

  // Plans per state grow slowly with scale; the volume is in targets and records.
  const extra = Math.floor(Math.log2(Math.max(1, ctx.scale)));
  const specs: PlanSpec[] = [];
  for (let i = 0; i < 2 + extra; i++)
    specs.push({ status: 'closed', createdDaysAgo: 75 + 30 * i, minMonths: 1 + (i % 3), communityIndex: i });
  for (let i = 0; i < 2 + extra; i++)
    specs.push({ status: 'started', createdDaysAgo: 12 + 6 * i, minMonths: 1 + (i % 2), communityIndex: i + 1 });
  for (let i = 0; i < 2; i++) specs.push({ status: 'draft', createdDaysAgo: i, minMonths: 2 + i, communityIndex: i });

  const writers: Staff[] = [staff.reception, staff.coordinator, staff.cashier, staff.assistant];
  // Titles stay distinct, also across a second batch (`--scale N` on a seeded database).
  const titles = new Set((await DunningPlan.findAll({ attributes: ['title'] })).map((p) => p.title));
  let planCount = 0;
  let targetCount = 0;
  let recordCount = 0;

  for (const spec of specs) {
    const createdAt = daysAgo(now, spec.createdDaysAgo, 9 + rng.int(0, 7));
    const community = communities.length ? communities[spec.communityIndex % communities.length] : undefined;
    const eligible = arrears.filter((a) => a.monthsInArrears >= spec.minMonths);
    let chosen = community ? eligible.filter((a) => communityOfUnit(a.unitId) === community.id) : eligible;
    // A small office may have few owners that far behind in one community: fall back to every owner in arrears.
    if (chosen.length === 0) chosen = eligible.length ? eligible : arrears;
    // The biggest debts first; a plan lists at most a few thousand owners however large the estate.
    chosen = chosen.slice(0, Math.min(MAX_TARGETS_PER_PLAN, 200 * ctx.scale));
    const minMonths = chosen.reduce((min, a) => Math.min(min, a.monthsInArrears), spec.minMonths);

    const startedAt = spec.status === 'draft' ? null : new Date(createdAt.getTime() + (1 + rng.int(0, 1)) * 86_400_000);
    const closedAt =
      spec.status === 'closed' ? new Date(startedAt!.getTime() + (20 + rng.int(0, 8)) * 86_400_000) : null;
    // A draft is drawn up for next month's round.
    const base = `${monthTitle(startedAt ?? createdAt, startedAt ? 0 : 1)} ${community ? community.name + ' ' : ''}欠费催缴（欠费 ${minMonths} 个月以上）`;
    let title = base;
    for (let batch = 2; titles.has(title); batch++) title = `${base} 第${batch}批`;
    titles.add(title);

    await sequelize.transaction(async (transaction) => {
      const plan = await DunningPlan.create(
        {
          title,
          status: spec.status,
          minMonthsInArrears: minMonths,
          note: planNote({ ...spec, minMonths }),
          createdById: rng.pick([staff.coordinator, staff.assistant]).id,
          startedById: startedAt ? rng.pick([staff.cashier, staff.cashier2]).id : null,
          startedAt,
          closedById: closedAt ? rng.pick([staff.cashier, staff.assistant]).id : null,
          closedAt,
          createdAt,
          updatedAt: closedAt ?? startedAt ?? createdAt,
        },
        { transaction },
      );
      planCount += 1;

      const targetRows = chosen.map((a) => ({
        ...targetRow(plan.id, a, ownerById.get(a.ownerId)?.name, unitById.get(a.unitId)?.label),
        createdAt,
        updatedAt: createdAt,
      }));
      const targets: DunningTarget[] = [];
      await bulkInsert(DunningTarget, targetRows, {
        transaction,
        validate: true,
        each: (created) => targets.push(...created),
      });
      targetCount += targets.length;
      if (!startedAt) return;

      // Contacts between the start and the close (or now); every result appears under every started/closed plan.
      const windowEnd = (closedAt ?? now).getTime();
      const span = Math.max(windowEnd - startedAt.getTime(), 3_600_000);
      const rows: Array<ReturnType<typeof recordRow>> = [];
      for (const target of targets) {
        // Under a started plan some targets are not reached yet.
        const count = spec.status === 'started' ? rng.int(0, 3) : rng.int(1, 3);
        const times = Array.from({ length: count }, () => startedAt.getTime() + Math.floor(rng.next() * span)).sort(
          (a, b) => a - b,
        );
        contactResults(rng, count).forEach((result, i) =>
          rows.push(recordRow(rng, plan.id, target, rng.pick(writers), new Date(times[i]), result)),
        );
      }
      const missing = (['promised', 'paid', 'refused', 'unreachable'] as const).filter(
        (r) => !rows.some((row) => row.result === r),
      );
      for (const result of missing) {
        const target = rng.pick(targets);
        rows.push(
          recordRow(
            rng,
            plan.id,
            target,
            rng.pick(writers),
            new Date(startedAt.getTime() + Math.floor(rng.next() * span)),
            result,
          ),
        );
      }
      await bulkInsert(DunningRecord, rows, { transaction, validate: true });
      recordCount += rows.length;
    });
    if (planCount % 5 === 0) ctx.progress(`催缴：${planCount}/${specs.length} 个计划`);
  }
  ctx.progress(
    `催缴：${planCount} 个计划，${targetCount} 个催缴对象，${recordCount} 条催缴记录（欠费业主 ${arrears.length} 户）`,
  );
}

function recordRow(
  rng: Rng,
  planId: number,
  target: DunningTarget,
  by: Staff,
  contactedAt: Date,
  result: DunningResult,
): CreationAttributes<DunningRecord> {
  const promisedDate =
    result === 'promised' ? shanghaiDay(new Date(contactedAt.getTime() + rng.int(3, 15) * 86_400_000)) : null;
  const method: DunningMethod = result === 'unreachable' && rng.chance(0.5) ? 'phone' : rng.pick(METHODS);
  return {
    planId,
    targetId: target.id,
    ownerId: target.ownerId,
    staffId: by.id,
    contactedAt,
    method,
    result,
    promisedDate,
    note: rng.pick(NOTES[result]),
    createdAt: contactedAt,
    updatedAt: contactedAt,
  };
}
