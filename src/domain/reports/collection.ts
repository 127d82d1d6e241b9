// 收费统计: what the period's bills ask (应收), what has been paid against them (实收 — 当期实收: paid in any month,
// up to now, through 收据分摊 of valid receipts), the difference (欠收) and the rate (收缴率); earlier periods' arrears
// paid during the month; what each cashier took per method; and the collection-rate trend of the last 12 periods.
// Grouped SQL only: a handful of GROUP BY queries whatever the size of the office.
import { BILL_FEE_KINDS, PAYMENT_METHODS } from '../../models/index.js';
import { feesZh } from '../../vocabulary/fees.js';
import { monthLabel, shanghaiDay } from '../../lib/shanghai.js';
import { daysOf, periodBounds, periodsEndingWith } from './period.js';
import { shortMonth } from './sql.js';
import type {
  ReportColumn,
  ReportDefinition,
  ReportFilters,
  ReportResult,
  ReportRow,
  ReportSection,
} from './report.js';
import { billScope, codeLabel, namesOf, num, paidAgainstBills, rateOf, select, sumBy } from './sql.js';

const BILL = feesZh.Bill.properties as Record<string, string>;
const PAYMENT = feesZh.Payment.properties as Record<string, string>;
const TREND_PERIODS = 12;

const moneyColumns: ReportColumn[] = [
  { key: 'bills', label: '账单数', kind: 'count' },
  { key: 'receivable', label: '应收', kind: 'money' },
  { key: 'received', label: '实收', kind: 'money' },
  { key: 'outstanding', label: '欠收', kind: 'money' },
  { key: 'rate', label: '收缴率', kind: 'rate' },
];

interface Sums {
  bills: number;
  receivable: number;
  received: number;
}

function moneyRow(label: Record<string, string | number | null>, sums: Sums): ReportRow {
  return {
    ...label,
    bills: sums.bills,
    receivable: sums.receivable,
    received: sums.received,
    outstanding: sums.receivable - sums.received,
    rate: rateOf(sums.received, sums.receivable),
  };
}

const addUp = (rows: Sums[]): Sums =>
  rows.reduce(
    (t, r) => ({
      bills: t.bills + r.bills,
      receivable: t.receivable + r.receivable,
      received: t.received + r.received,
    }),
    {
      bills: 0,
      receivable: 0,
      received: 0,
    },
  );

/** 应收 and 实收 of the bills `billWhere` selects, per the `groupBy` expressions; summed by one key with `by`. */
async function sumsBy(groupBy: string[], billWhere: string, replacements: Record<string, unknown>) {
  const joins = /\b(u|bg)\./.test(groupBy.join() + billWhere) ? billScope({ period: '' }).joins : '';
  const keys = groupBy.map((g, i) => `${g} AS "g${i}"`).join(', ');
  const [billed, paid] = await Promise.all([
    select<Record<string, unknown>>(
      `SELECT ${keys}, COUNT(*) AS "bills", SUM(b."amount") AS "receivable"
         FROM "Bill" b ${joins} WHERE ${billWhere} GROUP BY ${groupBy.join(', ')}`,
      replacements,
    ),
    paidAgainstBills(groupBy, billWhere, replacements),
  ]);
  return (keyIndex: number) => {
    const sums = new Map<string, Sums>();
    const at = (key: string) => sums.get(key) ?? sums.set(key, { bills: 0, receivable: 0, received: 0 }).get(key)!;
    for (const row of billed) {
      const sum = at(String(row[`g${keyIndex}`]));
      sum.bills += num(row.bills);
      sum.receivable += num(row.receivable);
    }
    for (const row of paid) at(row.keys[keyIndex]).received += row.value;
    return sums;
  };
}

export async function collection(filters: ReportFilters): Promise<ReportResult> {
  const { period } = filters;
  const bounds = periodBounds(period);
  const scope = billScope(filters);
  const replacements = { ...scope.replacements, period, start: bounds.start, end: bounds.end };
  const perBuilding = filters.communityId !== undefined || filters.buildingId !== undefined;
  const groupBy = perBuilding ? 'u."buildingId"' : 'bg."communityId"';
  const thisPeriod = `b."period" = :period${scope.where}`;

  const trendPeriods = periodsEndingWith(period, TREND_PERIODS);
  const [current, recoveredSums, trend, receipts] = await Promise.all([
    sumsBy([groupBy, 'b."feeKind"'], thisPeriod, replacements),
    paidAgainstBills(
      [groupBy, 'b."period"'],
      `b."period" < :period${scope.where}`,
      replacements,
      'AND p."paidAt" >= :start AND p."paidAt" < :end',
    ),
    collectionRateTrend(trendPeriods, filters),
    receiptsOfMonth(filters, period),
  ]);
  const byPlace = current(0);
  const byKind = current(1);
  const recovered = sumBy(recoveredSums, 0);
  const recoveredBills = sumBy(recoveredSums, 1);
  const methods = receipts.byCashier;
  const days = receipts.byDay;

  const names = await namesOf(perBuilding ? 'Building' : 'Community', [...byPlace.keys(), ...recovered.keys()]);
  const placeLabel = perBuilding ? '楼栋' : '小区';
  const rows = [...byPlace.entries()]
    .map(([id, sums]) => moneyRow({ place: names.get(id) ?? `#${id}` }, sums))
    .sort((a, b) => String(a.place).localeCompare(String(b.place), 'zh-CN'));
  const total = addUp([...byPlace.values()]);
  const totals = moneyRow({ place: '合计' }, total);

  const kindRows = BILL_FEE_KINDS.filter((kind) => byKind.has(kind)).map((kind) =>
    moneyRow({ feeKind: codeLabel(BILL, 'feeKind', kind) }, byKind.get(kind)!),
  );

  const recoveredRows = [...recovered.entries()]
    .map(([id, amount]) => ({ place: names.get(id) ?? `#${id}`, recovered: amount }))
    .sort((a, b) => b.recovered - a.recovered);
  const recoveredTotal = recoveredRows.reduce((sum, r) => sum + r.recovered, 0);
  const recoveredByPeriod = [...recoveredBills.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([billPeriod, amount]) => ({ billPeriod: monthLabel(billPeriod), recovered: amount }));

  const trendRates = trend;

  return {
    columns: [{ key: 'place', label: placeLabel }, ...moneyColumns],
    rows,
    totals,
    headlines: [
      { key: 'receivable', label: '应收', value: total.receivable, kind: 'money' },
      { key: 'received', label: '当期实收', value: total.received, kind: 'money' },
      { key: 'rate', label: '收缴率', value: totals.rate as number, kind: 'rate', previous: trendRates.at(-2) ?? null },
      { key: 'recovered', label: '收回往期欠费', value: recoveredTotal, kind: 'money' },
    ],
    sections: [
      {
        key: 'feeKinds',
        title: '按收费项目',
        columns: [{ key: 'feeKind', label: '收费项目' }, ...moneyColumns],
        rows: kindRows,
        totals: moneyRow({ feeKind: '合计' }, addUp([...byKind.values()])),
      },
      {
        key: 'recovered',
        title: '本月收回的往期欠费',
        columns: [
          { key: 'place', label: placeLabel },
          { key: 'recovered', label: '收回金额', kind: 'money' },
        ],
        rows: recoveredRows,
        totals: { place: '合计', recovered: recoveredTotal },
        note: `本月（${bounds.firstDay} 至 ${bounds.lastDay}）开出的有效收据中，缴付${monthLabel(period)}以前各账期账单的金额；不计入上表的当期实收。`,
      },
      {
        key: 'recoveredPeriods',
        title: '往期欠费按账期',
        columns: [
          { key: 'billPeriod', label: '账期' },
          { key: 'recovered', label: '收回金额', kind: 'money' },
        ],
        rows: recoveredByPeriod,
        totals: { billPeriod: '合计', recovered: recoveredTotal },
      },
      methods,
      days,
    ],
    charts: [
      {
        kind: 'line',
        title: '近12个月收缴率',
        labels: trendPeriods.map(shortMonth),
        series: [{ name: '收缴率', values: trendRates }],
        valueKind: 'rate',
      },
      {
        kind: 'bar',
        title: '本月每日收款',
        labels: days.rows.map((r) => String(r.day).slice(5)),
        series: [{ name: '收款', values: days.rows.map((r) => Number(r.total)) }],
        valueKind: 'money',
      },
    ],
    notes: [
      `应收：账期为${monthLabel(period)}的全部账单金额之和。`,
      '实收（当期实收）：这些账单至今已收到的金额——有效收据经收据分摊缴付到这些账单的金额（早期一张收据对应一张账单的，按收据金额计），作废收据不计；不论在哪个月缴纳。',
      '欠收 = 应收 − 实收；收缴率 = 实收 ÷ 应收，没有应收时记为 0。',
      '近12个月收缴率按各账期账单的应收金额与已收金额计算（账单的已收金额始终等于其有效收据的分摊之和，与上表口径相同）；没有账单的月份不画点。',
      `收款方式统计按收款时间（北京时间 ${bounds.firstDay} 至 ${bounds.lastDay}）统计本月开出的有效收据，含押金、车位等各类收款；退押金单列，净额 = 收款 − 退押金。选择小区或楼栋时，只计收据所记房屋在其中的收据。`,
      `生成于 ${shanghaiDay(new Date())}（北京时间）。`,
    ],
  };
}

/** A receipt's unit in the chosen community/building (receipts of several units, or none, only count unfiltered). */
function receiptScope(filters: ReportFilters): { joins: string; where: string; replacements: Record<string, unknown> } {
  if (filters.communityId === undefined && filters.buildingId === undefined)
    return { joins: '', where: '', replacements: {} };
  const scope = billScope(filters);
  return {
    joins: 'JOIN "Unit" u ON u."id" = p."unitId" JOIN "Building" bg ON bg."id" = u."buildingId"',
    where: scope.where,
    replacements: scope.replacements,
  };
}

const methodColumns: ReportColumn[] = [
  ...PAYMENT_METHODS.map((m) => ({ key: m, label: codeLabel(PAYMENT, 'method', m), kind: 'money' as const })),
  { key: 'inflow', label: '收款合计', kind: 'money' },
  { key: 'refunds', label: '退押金', kind: 'money' },
  { key: 'total', label: '净额', kind: 'money' },
  { key: 'receipts', label: '收据数', kind: 'count' },
];

type MethodRows = Array<{
  cashierId: unknown;
  day: string;
  method: string;
  kind: string;
  amount: unknown;
  receipts: unknown;
}>;

function methodRow(label: Record<string, string>, rows: MethodRows): ReportRow {
  const row: ReportRow = { ...label, inflow: 0, refunds: 0, total: 0, receipts: 0 };
  for (const m of PAYMENT_METHODS) row[m] = 0;
  for (const r of rows) {
    const amount = num(r.amount);
    row.receipts = Number(row.receipts) + num(r.receipts);
    if (r.kind === 'refund') row.refunds = Number(row.refunds) + amount;
    else {
      row[r.method] = Number(row[r.method] ?? 0) + amount;
      row.inflow = Number(row.inflow) + amount;
    }
  }
  row.total = Number(row.inflow) - Number(row.refunds);
  return row;
}

/**
 * 收款方式统计: the month's valid receipts per cashier, Shanghai day, method and in/out, in one query (the day from
 * one CASE over the month's UTC day bounds), then per cashier and per day.
 */
export async function receiptsOfMonth(filters: ReportFilters, period: string) {
  const days = daysOf(period);
  const { start, end } = periodBounds(period);
  const scope = receiptScope(filters);
  const replacements: Record<string, unknown> = { ...scope.replacements, start, end };
  const branches = days.map((day, i) => {
    replacements[`d${i}`] = new Date(start.getTime() + (i + 1) * 86_400_000);
    return `WHEN p."paidAt" < :d${i} THEN '${day}'`;
  });
  const dayOf = `CASE ${branches.join(' ')} END`;
  const flow = `CASE WHEN p."kind" = 'deposit_refund' THEN 'refund' ELSE 'inflow' END`;
  const sums = await select<MethodRows[number]>(
    `SELECT p."cashierId" AS "cashierId", ${dayOf} AS "day", p."method" AS "method", ${flow} AS "kind",
            SUM(p."amount") AS "amount", COUNT(*) AS "receipts"
       FROM "Payment" p ${scope.joins}
      WHERE p."status" = 'valid' AND p."paidAt" >= :start AND p."paidAt" < :end${scope.where}
      GROUP BY p."cashierId", ${dayOf}, p."method", ${flow}`,
    replacements,
  );
  const ids = [...new Set(sums.map((r) => Number(r.cashierId)))];
  const staff = ids.length
    ? await select<{ id: unknown; name: string }>('SELECT "id", "name" FROM "Staff" WHERE "id" IN (:ids)', { ids })
    : [];
  const name = new Map(staff.map((s) => [Number(s.id), s.name]));
  const byCashier: ReportSection = {
    key: 'methods',
    title: '收款方式统计（按收费员）',
    columns: [{ key: 'cashier', label: '收费员' }, ...methodColumns],
    rows: ids
      .map((id) =>
        methodRow(
          { cashier: name.get(id) ?? `#${id}` },
          sums.filter((r) => Number(r.cashierId) === id),
        ),
      )
      .sort((a, b) => String(a.cashier).localeCompare(String(b.cashier), 'zh-CN')),
    totals: methodRow({ cashier: '合计' }, sums),
  };
  const byDay: ReportSection = {
    key: 'days',
    title: '收款方式统计（按日）',
    columns: [{ key: 'day', label: '日期', kind: 'day' }, ...methodColumns],
    rows: days.map((day) =>
      methodRow(
        { day },
        sums.filter((r) => r.day === day),
      ),
    ),
    totals: methodRow({ day: '合计' }, sums),
  };
  return { byCashier, byDay };
}

/**
 * 收缴率 of each of the periods: the bills' own 应收金额 and 已收金额 (a bill's paid amount is kept equal to the
 * allocations of its valid receipts by every receipt and every voiding), in one grouped scan of the bills.
 */
export async function collectionRateTrend(periods: string[], filters: ReportFilters): Promise<(number | null)[]> {
  const scope = billScope(filters);
  const joins = scope.where ? scope.joins : '';
  const rows = await select<{ period: string; receivable: unknown; received: unknown }>(
    `SELECT b."period" AS "period", SUM(b."amount") AS "receivable", SUM(b."paidAmount") AS "received"
       FROM "Bill" b ${joins} WHERE b."period" IN (:periods)${scope.where} GROUP BY b."period"`,
    { ...scope.replacements, periods },
  );
  const of = new Map(rows.map((r) => [r.period, rateOf(num(r.received), num(r.receivable))]));
  // A month without bills has no rate: a gap in the line, not a fall to 0.
  return periods.map((p) => of.get(p) ?? null);
}

export const collectionReport: ReportDefinition = {
  name: 'collection',
  title: '收费统计',
  clause: '收费员 职责1、职责2、职权3：各项费用的收取和统计，对其他人员收费情况进行核对统计',
  filters: ['community', 'building'],
  run: (filters) => collection(filters),
};
