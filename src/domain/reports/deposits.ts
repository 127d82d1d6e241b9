// 押金报表: renovation deposits in a month, per community — held at its start, collected, refunded (what went back
// and what was kept for damages), forfeited, held at its end — and the month's movements one by one. A deposit is
// collected when its receipt (kind deposit) was paid, refunded at refundedAt, forfeited at forfeitedAt; the month's
// bounds are its Shanghai days. One grouped query and one bounded list.
import { shanghaiDay } from '../../lib/shanghai.js';
import { periodBounds } from './period.js';
import type { ReportColumn, ReportDefinition, ReportFilters, ReportResult, ReportRow } from './report.js';
import { billScope, namesOf, num, select } from './sql.js';

/** The movements table lists at most this many, oldest first; the note says when there were more. */
export const MOVEMENT_LIMIT = 500;

const FIGURES = [
  'heldAtStart',
  'heldAtStartCount',
  'received',
  'receivedCount',
  'refunded',
  'deducted',
  'refundedCount',
  'forfeited',
  'forfeitedCount',
  'held',
  'heldCount',
] as const;
type Figures = Record<(typeof FIGURES)[number], number>;

/**
 * The deposits `d` with their unit `u`, building `bg` and collecting receipt `p`, narrowed by the filters. The
 * deposits lead (CROSS JOIN keeps SQLite's join order; PostgreSQL plans it as the inner join it is): there are far
 * fewer deposits than rooms of a community.
 */
function depositScope(filters: ReportFilters) {
  const scope = billScope(filters);
  return {
    from: `"RenovationDeposit" d CROSS JOIN "Unit" u CROSS JOIN "Building" bg
           LEFT JOIN "Payment" p ON p."id" = d."receiptPaymentId"`,
    where: `u."id" = d."unitId" AND bg."id" = u."buildingId"${scope.where}`,
    replacements: scope.replacements,
  };
}

const collected = 'COALESCE(p."paidAt", d."createdAt")';
/** Still held at a moment: collected before it, neither refunded nor forfeited before it. */
const heldAt = (moment: string) =>
  `${collected} < ${moment} AND (d."refundedAt" IS NULL OR d."refundedAt" >= ${moment}) AND (d."forfeitedAt" IS NULL OR d."forfeitedAt" >= ${moment})`;
const inPeriod = (column: string) => `${column} >= :start AND ${column} < :end`;

export async function depositsReport(filters: ReportFilters): Promise<ReportResult> {
  const bounds = periodBounds(filters.period);
  const scope = depositScope(filters);
  const perBuilding = filters.communityId !== undefined || filters.buildingId !== undefined;
  const groupBy = perBuilding ? 'u."buildingId"' : 'bg."communityId"';
  const replacements = { ...scope.replacements, start: bounds.start, end: bounds.end };
  const sum = (condition: string, value: string) => `SUM(CASE WHEN ${condition} THEN ${value} ELSE 0 END)`;

  const [grouped, movements] = await Promise.all([
    select<Record<string, unknown>>(
      `SELECT ${groupBy} AS "g",
              ${sum(heldAt(':start'), 'd."amount"')} AS "heldAtStart", ${sum(heldAt(':start'), '1')} AS "heldAtStartCount",
              ${sum(inPeriod(collected), 'd."amount"')} AS "received", ${sum(inPeriod(collected), '1')} AS "receivedCount",
              ${sum(inPeriod('d."refundedAt"'), 'd."refundedAmount"')} AS "refunded",
              ${sum(inPeriod('d."refundedAt"'), 'd."deduction"')} AS "deducted",
              ${sum(inPeriod('d."refundedAt"'), '1')} AS "refundedCount",
              ${sum(inPeriod('d."forfeitedAt"'), 'd."amount"')} AS "forfeited",
              ${sum(inPeriod('d."forfeitedAt"'), '1')} AS "forfeitedCount",
              ${sum(heldAt(':end'), 'd."amount"')} AS "held", ${sum(heldAt(':end'), '1')} AS "heldCount"
         FROM ${scope.from} WHERE ${scope.where} GROUP BY ${groupBy}`,
      replacements,
    ),
    select<{
      number: string;
      unit: string;
      owner: string | null;
      movement: string;
      amount: unknown;
      deduction: unknown;
      at: string | Date;
      staff: string | null;
    }>(
      `SELECT m."number", m."unit", o."name" AS "owner", m."movement", m."amount", m."deduction", m."at", s."name" AS "staff"
         FROM (
           SELECT d."number" AS "number", u."label" AS "unit", d."ownerId" AS "ownerId", 'received' AS "movement",
                  d."amount" AS "amount", 0 AS "deduction", ${collected} AS "at", p."cashierId" AS "staffId"
             FROM ${scope.from} WHERE ${scope.where} AND ${inPeriod(collected)}
           UNION ALL
           SELECT d."number", u."label", d."ownerId", 'refunded', d."refundedAmount", d."deduction", d."refundedAt", d."refundedById"
             FROM ${scope.from} WHERE ${scope.where} AND ${inPeriod('d."refundedAt"')}
           UNION ALL
           SELECT d."number", u."label", d."ownerId", 'forfeited', d."amount", 0, d."forfeitedAt", d."forfeitedById"
             FROM ${scope.from} WHERE ${scope.where} AND ${inPeriod('d."forfeitedAt"')}
         ) m
         LEFT JOIN "Owner" o ON o."id" = m."ownerId" LEFT JOIN "Staff" s ON s."id" = m."staffId"
        ORDER BY m."at", m."number", m."movement" LIMIT ${MOVEMENT_LIMIT}`,
      replacements,
    ),
  ]);

  const names = await namesOf(
    perBuilding ? 'Building' : 'Community',
    grouped.map((g) => g.g),
  );
  const figuresOf = (row: Record<string, unknown> | undefined): Figures =>
    Object.fromEntries(FIGURES.map((f) => [f, num(row?.[f])])) as Figures;
  const rows: ReportRow[] = grouped
    .map((g) => ({ place: names.get(String(g.g)) ?? `#${String(g.g)}`, ...figuresOf(g) }))
    .filter((r) => FIGURES.some((f) => r[f] !== 0))
    .sort((a, b) => String(a.place).localeCompare(String(b.place), 'zh-CN'));
  const totals = Object.fromEntries(FIGURES.map((f) => [f, rows.reduce((t, r) => t + Number(r[f]), 0)])) as Figures;

  const MOVEMENT_LABELS: Record<string, string> = { received: '收取押金', refunded: '退还押金', forfeited: '没收押金' };
  const movementRows: ReportRow[] = movements.map((m) => ({
    number: m.number,
    unit: m.unit,
    owner: m.owner ?? '',
    movement: MOVEMENT_LABELS[m.movement] ?? m.movement,
    amount: num(m.amount),
    deduction: num(m.deduction),
    day: shanghaiDay(new Date(m.at)),
    staff: m.staff ?? '',
  }));

  const columns: ReportColumn[] = [
    { key: 'place', label: perBuilding ? '楼栋' : '小区' },
    { key: 'heldAtStart', label: '月初在押', kind: 'money' },
    { key: 'received', label: '本月收取', kind: 'money' },
    { key: 'refunded', label: '本月退还', kind: 'money' },
    { key: 'deducted', label: '退还时扣款', kind: 'money' },
    { key: 'forfeited', label: '本月没收', kind: 'money' },
    { key: 'held', label: '月末在押', kind: 'money' },
    { key: 'heldCount', label: '月末在押（笔）', kind: 'count' },
  ];

  return {
    columns,
    rows,
    totals: { place: '合计', ...totals },
    headlines: [
      { key: 'held', label: '月末在押', value: totals.held, kind: 'money', previous: totals.heldAtStart },
      { key: 'received', label: '本月收取', value: totals.received, kind: 'money' },
      { key: 'refunded', label: '本月退还', value: totals.refunded, kind: 'money' },
      { key: 'deducted', label: '扣款', value: totals.deducted, kind: 'money' },
      { key: 'forfeited', label: '没收', value: totals.forfeited, kind: 'money' },
    ],
    sections: [
      {
        key: 'movements',
        title: '本月押金收退明细',
        columns: [
          { key: 'number', label: '押金编号' },
          { key: 'unit', label: '房屋' },
          { key: 'owner', label: '业主' },
          { key: 'movement', label: '类别' },
          { key: 'amount', label: '金额', kind: 'money' },
          { key: 'deduction', label: '扣款', kind: 'money' },
          { key: 'day', label: '日期', kind: 'day' },
          { key: 'staff', label: '经办人' },
        ],
        rows: movementRows,
        note:
          movementRows.length >= MOVEMENT_LIMIT
            ? `只列出按日期排在前面的 ${MOVEMENT_LIMIT} 条，上表的合计含全部。`
            : '退还押金的金额为实际退给业主的金额，扣款另列；没收押金的金额为整笔押金。',
      },
    ],
    charts: [
      {
        kind: 'bar',
        title: '本月押金收退',
        labels: ['本月收取', '本月退还', '扣款', '没收'],
        series: [{ name: '金额', values: [totals.received, totals.refunded, totals.deducted, totals.forfeited] }],
        valueKind: 'money',
      },
    ],
    notes: [
      `本月：北京时间 ${bounds.firstDay} 至 ${bounds.lastDay}。押金按收押金收据的收款时间算收取，按退还时间、没收时间算退还、没收。`,
      '月末在押 = 月初在押 + 本月收取 − 本月退还 − 退还时扣款 − 本月没收（一笔押金退还时，退还金额 + 扣款 = 押金金额）。',
    ],
  };
}

export const depositsReportDefinition: ReportDefinition = {
  name: 'deposits',
  title: '押金报表',
  clause: '收费员 职责2、职权1：装修押金的收取与退还',
  filters: ['community', 'building'],
  run: (filters) => depositsReport(filters),
};
