// 欠费账龄: the owners in arrears on a day, with what they owe by the age of each bill. "In arrears" is the dunning
// plans' own notion (src/domain/dunning-arrears.ts ownersInArrears): a bill of an owner, due before the day, not
// fully paid. For the current month the day is today and the figures are exactly the ones a plan would draw; for a
// past month the day is its last day, and a bill owes what it owes today plus what valid receipts paid on it after
// that day — so a bill paid since still shows as owed then. Grouped SQL over one per-bill derived table.
import { addMonths, monthLabel, shanghaiDay, shanghaiMonth } from '../../lib/shanghai.js';
import { isPostgres } from '../../db.js';
import { periodBounds } from './period.js';
import type { ReportColumn, ReportDefinition, ReportFilters, ReportResult, ReportRow } from './report.js';
import { billScope, namesOf, num, select, type Replacements } from './sql.js';

/** The main table lists the owners owing most; the rest are counted in the note and the totals. */
export const AGEING_ROW_LIMIT = 500;

export const AGE_BUCKETS = [
  { key: 'm1to3', label: '1–3个月' },
  { key: 'm4to6', label: '4–6个月' },
  { key: 'm7to12', label: '7–12个月' },
  { key: 'over12', label: '12个月以上' },
] as const;

export interface AgeingDay {
  period: string;
  /** 'YYYY-MM-DD': bills due before this day are overdue. */
  asOf: string;
  /** Receipts from this moment on are added back (now, for the current month). */
  since: Date;
}

/** The day a period's ageing is taken on: its last day, or today while the month runs (or is still to come). */
export function ageingDay(period: string, now = new Date()): AgeingDay {
  const bounds = periodBounds(period);
  if (period >= shanghaiMonth(now)) return { period, asOf: shanghaiDay(now), since: now };
  return { period, asOf: bounds.lastDay, since: bounds.end };
}

/**
 * The common table expressions `ps` (what valid receipts paid per bill from `since` on) and `o`: one row per overdue
 * bill still owing on the day (ownerId, unitId, communityId, period, owed, bucket). Bills not fully paid today lead
 * by their status and due date; bills paid since lead from those receipts. A bill's age is counted in months from
 * its period to the report's: the report's own month is 1.
 */
function owedBills(day: AgeingDay, filters: ReportFilters): { ctes: string; replacements: Replacements } {
  const scope = billScope(filters);
  const dueBefore = isPostgres ? 'CAST(:asOf AS DATE)' : ':asOf';
  const columns = (
    owed: string,
  ) => `b."ownerId" AS "ownerId", b."unitId" AS "unitId", bg."communityId" AS "communityId",
         b."period" AS "period", ${owed} AS "owed",
         CASE WHEN b."period" >= :p3 THEN 'm1to3' WHEN b."period" >= :p6 THEN 'm4to6'
              WHEN b."period" >= :p12 THEN 'm7to12' ELSE 'over12' END AS "bucket"`;
  const ctes = `ps AS (SELECT s."billId" AS "billId", SUM(s."v") AS "v" FROM (
        SELECT a."billId" AS "billId", a."amount" AS "v" FROM "Payment" p
          JOIN "PaymentAllocation" a ON a."paymentId" = p."id" WHERE p."status" = 'valid' AND p."paidAt" >= :since
        UNION ALL
        SELECT p."billId" AS "billId", p."amount" AS "v" FROM "Payment" p
         WHERE p."status" = 'valid' AND p."paidAt" >= :since AND p."billId" IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "PaymentAllocation" x WHERE x."paymentId" = p."id")) s GROUP BY s."billId"),
    o AS (
      SELECT ${columns('b."amount" - b."paidAmount" + COALESCE(ps."v", 0)')}
        FROM "Bill" b ${scope.joins} LEFT JOIN ps ON ps."billId" = b."id"
       WHERE b."status" IN ('unpaid', 'partial') AND b."dueDate" < ${dueBefore} AND b."ownerId" IS NOT NULL${scope.where}
      UNION ALL
      SELECT ${columns('ps."v"')}
        FROM ps JOIN "Bill" b ON b."id" = ps."billId" ${scope.joins}
       WHERE b."status" = 'paid' AND b."dueDate" < ${dueBefore} AND b."ownerId" IS NOT NULL AND ps."v" > 0${scope.where})`;
  return {
    ctes,
    replacements: {
      ...scope.replacements,
      asOf: day.asOf,
      since: day.since,
      p3: addMonths(day.period, -2),
      p6: addMonths(day.period, -5),
      p12: addMonths(day.period, -11),
    },
  };
}

const bucketSums = AGE_BUCKETS.map(
  (b) => `SUM(CASE WHEN o."bucket" = '${b.key}' THEN o."owed" ELSE 0 END) AS "${b.key}"`,
).join(', ');

type BucketRow = Record<(typeof AGE_BUCKETS)[number]['key'], unknown>;

const bucketValues = (row: BucketRow | undefined) =>
  Object.fromEntries(AGE_BUCKETS.map((b) => [b.key, num(row?.[b.key])])) as Record<string, number>;

export async function arrearsAgeing(filters: ReportFilters, now = new Date()): Promise<ReportResult> {
  const day = ageingDay(filters.period, now);
  const { ctes, replacements } = owedBills(day, filters);
  const bucketOfOldest = (column: string) => `CASE WHEN ${column} >= :p3 THEN 'm1to3' WHEN ${column} >= :p6 THEN 'm4to6'
                           WHEN ${column} >= :p12 THEN 'm7to12' ELSE 'over12' END`;
  const none = AGE_BUCKETS.map((b) => `NULL AS "${b.key}"`).join(', ');
  // One statement: the owed bills are worked out once (a CTE used several times is materialised by both
  // databases), then grouped five ways, each part of the answer tagged by its kind.
  const parts = await select<
    BucketRow & {
      kind: string;
      k: unknown;
      bucket: string | null;
      label: string | null;
      total: unknown;
      months: unknown;
      oldest: string | null;
      units: unknown;
      owners: unknown;
    }
  >(
    `WITH ${ctes},
     ow AS (SELECT o."ownerId" AS "ownerId", SUM(o."owed") AS "total", COUNT(DISTINCT o."period") AS "months",
                   MIN(o."period") AS "oldest", COUNT(DISTINCT o."unitId") AS "units", ${bucketSums}
              FROM o GROUP BY o."ownerId"),
     top AS (SELECT * FROM ow ORDER BY "total" DESC, "ownerId" LIMIT ${AGEING_ROW_LIMIT}),
     co AS (SELECT o."communityId" AS "communityId", o."ownerId" AS "ownerId", MIN(o."period") AS "oldest"
              FROM o GROUP BY o."communityId", o."ownerId")
     SELECT 'owner' AS "kind", t."ownerId" AS "k", NULL AS "bucket", ow_name."name" AS "label", t."total", t."months",
            t."oldest", t."units", 1 AS "owners", ${AGE_BUCKETS.map((b) => `t."${b.key}"`).join(', ')}
       FROM top t LEFT JOIN "Owner" ow_name ON ow_name."id" = t."ownerId"
     UNION ALL
     SELECT 'unit', x."ownerId", NULL, MIN(un."label"), SUM(x."owed"), NULL, NULL, x."unitId", NULL, ${none}
       FROM o x JOIN top t ON t."ownerId" = x."ownerId" JOIN "Unit" un ON un."id" = x."unitId"
      GROUP BY x."ownerId", x."unitId"
     UNION ALL
     SELECT 'ownerBucket', NULL, ${bucketOfOldest('ow."oldest"')}, NULL, NULL, NULL, NULL, NULL, COUNT(*), ${none}
       FROM ow GROUP BY ${bucketOfOldest('ow."oldest"')}
     UNION ALL
     SELECT 'community', o."communityId", NULL, NULL, SUM(o."owed"), NULL, NULL, COUNT(DISTINCT o."unitId"),
            COUNT(DISTINCT o."ownerId"), ${bucketSums}
       FROM o GROUP BY o."communityId"
     UNION ALL
     SELECT 'communityBucket', co."communityId", ${bucketOfOldest('co."oldest"')}, NULL, NULL, NULL, NULL, NULL, COUNT(*), ${none}
       FROM co GROUP BY co."communityId", ${bucketOfOldest('co."oldest"')}
     UNION ALL
     SELECT 'total', NULL, NULL, NULL, SUM(o."owed"), NULL, NULL, COUNT(DISTINCT o."unitId"), COUNT(DISTINCT o."ownerId"),
            ${bucketSums}
       FROM o`,
    replacements,
  );

  const of = (kind: string) => parts.filter((p) => p.kind === kind);
  const owners = of('owner')
    .map((o) => ({ ...o, ownerId: o.k, oldest: o.oldest ?? '' }))
    .sort((a, b) => num(b.total) - num(a.total) || Number(a.ownerId) - Number(b.ownerId));
  const communities = of('community').map((c) => ({ ...c, communityId: c.k }));
  const oldestPerCommunity = of('communityBucket').map((c) => ({
    communityId: c.k,
    bucket: c.bucket!,
    owners: c.owners,
  }));
  const totals = of('total');
  const oldestOverall = of('ownerBucket').map((c) => ({ bucket: c.bucket!, owners: c.owners }));
  const mainUnits = mainUnitOf(of('unit'));
  const ownerNames = owners.map((o) => ({ id: o.ownerId, name: o.label ?? '' }));
  const communityNames = await namesOf(
    'Community',
    communities.map((c) => c.communityId),
  );
  const nameOf = new Map(ownerNames.map((o) => [Number(o.id), o.name]));
  const bucketOf = (key: string) => AGE_BUCKETS.find((b) => b.key === key)?.label ?? key;

  const rows: ReportRow[] = owners.map((o) => ({
    owner: nameOf.get(Number(o.ownerId)) ?? `业主${String(o.ownerId)}`,
    unit: mainUnits.get(Number(o.ownerId)) ?? '',
    units: num(o.units),
    months: num(o.months),
    oldest: monthLabel(o.oldest),
    ...bucketValues(o),
    total: num(o.total),
  }));

  const bucketColumns: ReportColumn[] = AGE_BUCKETS.map((b) => ({ key: b.key, label: b.label, kind: 'money' }));
  const total = totals[0];
  const ownerCount = num(total?.owners);
  const ownersByOldest = new Map(oldestOverall.map((r) => [r.bucket, num(r.owners)]));

  const communityRows = communities
    .map((c) => {
      const counts = new Map(
        oldestPerCommunity
          .filter((r) => String(r.communityId) === String(c.communityId))
          .map((r) => [r.bucket, num(r.owners)]),
      );
      return {
        community: communityNames.get(String(c.communityId)) ?? `#${String(c.communityId)}`,
        owners: num(c.owners),
        units: num(c.units),
        ...Object.fromEntries(AGE_BUCKETS.map((b) => [`${b.key}Owners`, counts.get(b.key) ?? 0])),
        ...bucketValues(c),
        total: num(c.total),
      } as ReportRow;
    })
    .sort((a, b) => Number(b.total) - Number(a.total));

  return {
    columns: [
      { key: 'owner', label: '业主' },
      { key: 'unit', label: '主要欠费房屋' },
      { key: 'units', label: '欠费房屋数', kind: 'count' },
      { key: 'months', label: '欠费月数', kind: 'count' },
      { key: 'oldest', label: '最早欠费账期' },
      ...bucketColumns,
      { key: 'total', label: '欠费合计', kind: 'money' },
    ],
    rows,
    totals: {
      owner: '合计',
      owners: ownerCount,
      units: num(total?.units),
      ...bucketValues(total),
      total: num(total?.total),
    },
    headlines: [
      { key: 'owners', label: '欠费业主', value: ownerCount, kind: 'count' },
      { key: 'units', label: '欠费房屋', value: num(total?.units), kind: 'count' },
      { key: 'total', label: '欠费合计', value: num(total?.total), kind: 'money' },
      { key: 'over12', label: '欠费12个月以上', value: num(total?.over12), kind: 'money' },
    ],
    sections: [
      {
        key: 'communities',
        title: '按小区',
        columns: [
          { key: 'community', label: '小区' },
          { key: 'owners', label: '欠费业主', kind: 'count' },
          { key: 'units', label: '欠费房屋', kind: 'count' },
          ...AGE_BUCKETS.map((b) => ({
            key: `${b.key}Owners`,
            label: `最早欠费${b.label}（户）`,
            kind: 'count' as const,
          })),
          ...bucketColumns,
          { key: 'total', label: '欠费合计', kind: 'money' },
        ],
        rows: communityRows,
        totals: {
          community: '合计',
          owners: ownerCount,
          units: num(total?.units),
          ...Object.fromEntries(AGE_BUCKETS.map((b) => [`${b.key}Owners`, ownersByOldest.get(b.key) ?? 0])),
          ...bucketValues(total),
          total: num(total?.total),
        },
        note: '一位业主在几个小区都有欠费时，在每个小区各算一户；合计行按业主去重。',
      },
    ],
    charts: [
      {
        kind: 'bar',
        title: '各账龄欠费金额',
        labels: AGE_BUCKETS.map((b) => b.label),
        series: [{ name: '欠费金额', values: AGE_BUCKETS.map((b) => num(total?.[b.key])) }],
        valueKind: 'money',
      },
    ],
    notes: [
      `统计日：${day.asOf}（北京时间）${day.since.getTime() === now.getTime() ? '，即今天' : `，即${monthLabel(filters.period)}的最后一天`}。`,
      '欠费：业主名下缴费期限早于统计日、尚未缴清的账单（与催缴计划按欠费生成催缴对象的口径相同）；空置房不计。',
      `账龄按账单的账期算：${monthLabel(filters.period)}的账单为 1 个月，往前每早一个月加 1；每张账单的欠款计入它自己的账龄档，业主按最早一张欠费账单分档（按小区表的“户”数）。`,
      '往月统计时，统计日之后有效收据缴付的金额加回为当时的欠款；之后作废的收据不计。',
      `上表按欠费合计从多到少列出前 ${AGEING_ROW_LIMIT} 位业主，共 ${ownerCount} 位欠费业主${ownerCount > AGEING_ROW_LIMIT ? `，其余 ${ownerCount - AGEING_ROW_LIMIT} 位计入合计` : ''}。`,
      `${bucketOf('m1to3')}以内的欠款多半已在催缴期内；${bucketOf('over12')}的欠款需重点催缴。`,
    ],
  };
}

/** Each listed owner's unit owing most on the day (the unit shown beside the owner, as a dunning target shows it). */
function mainUnitOf(
  rows: Array<{ k: unknown; units: unknown; total: unknown; label: string | null }>,
): Map<number, string> {
  const best = new Map<number, { owed: number; unitId: number; label: string }>();
  for (const row of rows) {
    const ownerId = Number(row.k);
    const unitId = Number(row.units);
    const owed = num(row.total);
    const current = best.get(ownerId);
    if (!current || owed > current.owed || (owed === current.owed && unitId < current.unitId))
      best.set(ownerId, { owed, unitId, label: row.label ?? '' });
  }
  return new Map([...best].map(([id, b]) => [id, b.label]));
}

export const arrearsAgeingReport: ReportDefinition = {
  name: 'arrearsAgeing',
  title: '欠费账龄',
  clause: '收费员 职责6、协调员 职权3、助理 职权5：制定并实施催缴计划，定期通报催缴结果',
  filters: ['community', 'building'],
  run: (filters) => arrearsAgeing(filters),
};
