// 回收率 of dunning plans, for a page of plans at once (three queries whatever the page size).
//
// 催缴总额 is the sum of the targets' arrears as listed on the plan. 已收回 is, per target, the listed arrears less
// what the owner still owes today on bills that fell due before the plan's start day (Asia/Shanghai), never below
// zero, summed over the targets: the payments since cannot be told apart bill by bill, but what is no longer owed
// on the old bills has been paid. Bills due after the start do not count against it. Before a plan starts nothing
// counts as recovered and the rate is "—", as it is when the total is zero. A closed plan keeps counting payments
// made after it was closed.
import { QueryTypes } from 'sequelize';
import { DunningPlan, DunningTarget, sequelize } from '../models/index.js';
import { isPostgres } from '../db.js';
import { shanghaiDay } from '../lib/shanghai.js';

export interface PlanCollection {
  targetCount: number;
  /** 催缴总额, fen. */
  arrearsTotal: number;
  /** 已收回, fen. */
  recovered: number;
  /** 回收率 as "12.5%", or "—". */
  rate: string;
}

export function collectionRate(recovered: number, total: number, started: boolean): string {
  if (!started || total <= 0) return '—';
  return `${(Math.round((recovered * 1000) / total) / 10).toFixed(1)}%`;
}

export async function planCollections(planIds: number[]): Promise<Map<number, PlanCollection>> {
  const ids = [...new Set(planIds.filter((id) => Number.isInteger(id)))];
  const result = new Map<number, PlanCollection>();
  if (ids.length === 0) return result;

  const plans = await DunningPlan.findAll({ attributes: ['id', 'startedAt'], where: { id: ids } });
  const totals = (await DunningTarget.findAll({
    attributes: [
      'planId',
      [sequelize.fn('COUNT', sequelize.col('id')), 'count'],
      [sequelize.fn('SUM', sequelize.col('arrearsAmount')), 'total'],
    ],
    where: { planId: ids },
    group: ['planId'],
    raw: true,
  })) as unknown as Array<{ planId: number; count: string | number; total: string | number | null }>;
  const recovered = await recoveredByPlan(
    plans.filter((p) => p.startedAt).map((p) => [p.id, shanghaiDay(new Date(p.startedAt!))] as const),
  );

  const totalOf = new Map(totals.map((t) => [Number(t.planId), t]));
  for (const plan of plans) {
    const t = totalOf.get(plan.id);
    const arrearsTotal = Number(t?.total ?? 0);
    const back = recovered.get(plan.id) ?? 0;
    result.set(plan.id, {
      targetCount: Number(t?.count ?? 0),
      arrearsTotal,
      recovered: back,
      rate: collectionRate(back, arrearsTotal, Boolean(plan.startedAt)),
    });
  }
  return result;
}

/** 已收回 per started plan, given each plan's start day: one query, each target's owner looked up by index. */
async function recoveredByPlan(startDays: ReadonlyArray<readonly [number, string]>): Promise<Map<number, number>> {
  if (startDays.length === 0) return new Map();
  // PostgreSQL compares a DATE column with a DATE; SQLite stores the day as 'YYYY-MM-DD' text.
  const day = (value: string) => (isPostgres ? `CAST(${sequelize.escape(value)} AS DATE)` : sequelize.escape(value));
  const startDay = `CASE t."planId" ${startDays.map(([id, value]) => `WHEN ${Number(id)} THEN ${day(value)}`).join(' ')} END`;
  const rows = await sequelize.query<{ planId: number; recovered: string | number | null }>(
    `SELECT x."planId" AS "planId", SUM(CASE WHEN x."owed" < x."arrearsAmount" THEN x."arrearsAmount" - x."owed" ELSE 0 END) AS "recovered"
       FROM (SELECT t."planId" AS "planId", t."arrearsAmount" AS "arrearsAmount",
                    COALESCE((SELECT SUM(b."amount" - b."paidAmount") FROM "Bill" b
                               WHERE b."ownerId" = t."ownerId" AND b."status" IN ('unpaid', 'partial') AND b."dueDate" < ${startDay}), 0) AS "owed"
               FROM "DunningTarget" t
              WHERE t."planId" IN (:ids)) x
      GROUP BY x."planId"`,
    { replacements: { ids: startDays.map(([id]) => id) }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((r) => [Number(r.planId), Number(r.recovered ?? 0)]));
}
