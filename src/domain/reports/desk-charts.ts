// 我的工作台's charts: for each person the two or three that matter to their work, each summarising a report and shown
// only when the rules let them read that report — the front desk: tickets per day and the overdue trend; the cashier:
// this month's collections against last month's; the assistant and the director: the collection-rate and on-time
// trends. Each chart is computed by the report's own definitions (grouped SQL), so the desk and the report agree.
import type { Actor } from '../../rules/actor.js';
import { addDays, shanghaiDay } from '../../lib/shanghai.js';
import { select, num } from './sql.js';
import { shanghaiDaySql } from './ticket-sql.js';
import { currentPeriod, daysOf, periodsEndingWith, previousPeriod } from './period.js';
import { collectionRateTrend, receiptsOfMonth } from './collection.js';
import { monthFigures } from './monthly-tickets.js';
import type { ReportChart } from './report.js';

export type DeskChartKey =
  'ticketsPerDay' | 'overdueTrend' | 'collectionsAgainstLastMonth' | 'collectionRate' | 'onTimeRate';

export interface DeskChart {
  key: DeskChartKey;
  /** The report it summarises (`Report.<name>` decides whether the person sees it; the chart links to its page). */
  report: string;
  chart: ReportChart;
}

const TREND_MONTHS = 12;
const RECENT_DAYS = 30;

/** The charts each position's desk shows, in order; a position not named here gets none. */
export const DESK_PLAN: Record<string, DeskChartKey[]> = {
  receptionist: ['ticketsPerDay', 'overdueTrend'],
  coordinator: ['ticketsPerDay', 'overdueTrend'],
  cashier: ['collectionsAgainstLastMonth', 'collectionRate'],
  assistant: ['collectionRate', 'onTimeRate', 'ticketsPerDay'],
  director: ['collectionRate', 'onTimeRate', 'ticketsPerDay'],
};

export const DESK_CHART_REPORT: Record<DeskChartKey, string> = {
  ticketsPerDay: 'monthlyTickets',
  overdueTrend: 'monthlyTickets',
  onTimeRate: 'monthlyTickets',
  collectionsAgainstLastMonth: 'collection',
  collectionRate: 'collection',
};

/** Tickets reported on each of the last RECENT_DAYS Shanghai days (today included). */
async function ticketsPerDay(now: Date): Promise<ReportChart> {
  const today = shanghaiDay(now);
  const first = addDays(today, -(RECENT_DAYS - 1));
  const days = Array.from({ length: RECENT_DAYS }, (_, i) => addDays(first, i));
  const start = new Date(`${first}T00:00:00+08:00`);
  const day = shanghaiDaySql('t."reportedAt"');
  const rows = await select<{ day: string; tickets: unknown }>(
    `SELECT ${day} AS "day", COUNT(*) AS "tickets" FROM "Ticket" t WHERE t."reportedAt" >= :start GROUP BY ${day}`,
    { start },
  );
  const counts = new Map(rows.map((r) => [r.day, num(r.tickets)]));
  return {
    kind: 'bar',
    title: `近${RECENT_DAYS}天每日报事`,
    labels: days.map((d) => d.slice(5)),
    series: [{ name: '报事', values: days.map((d) => counts.get(d) ?? 0) }],
  };
}

async function monthlyTicketTrend(now: Date, pick: 'overdue' | 'onTime'): Promise<ReportChart> {
  const periods = periodsEndingWith(currentPeriod(now), TREND_MONTHS);
  const figures = [];
  for (const period of periods) figures.push(await monthFigures(period, {}, now));
  return pick === 'overdue'
    ? {
        kind: 'line',
        title: '近12个月逾期报事',
        labels: periods,
        series: [{ name: '逾期', values: figures.map((f) => f.overdue) }],
      }
    : {
        kind: 'line',
        title: '近12个月按时完成率',
        labels: periods,
        series: [{ name: '按时完成率', values: figures.map((f) => (f.completed > 0 ? f.onTime / f.completed : null)) }],
        valueKind: 'rate',
      };
}

/** This month's receipts (collected, refunds apart) added up day by day, beside last month's. */
async function collectionsAgainstLastMonth(now: Date): Promise<ReportChart> {
  const period = currentPeriod(now);
  const last = previousPeriod(period);
  const today = shanghaiDay(now);
  const cumulative = async (month: string, upTo?: string) => {
    const { byDay } = await receiptsOfMonth({ period: month }, month);
    let sum = 0;
    const values = new Map<number, number | null>();
    for (const row of byDay.rows) {
      const day = String(row.day);
      sum += Number(row.inflow ?? 0);
      values.set(Number(day.slice(8)), upTo && day > upTo ? null : sum);
    }
    return values;
  };
  const [thisMonth, lastMonth] = await Promise.all([cumulative(period, today), cumulative(last)]);
  const days = Array.from({ length: Math.max(daysOf(period).length, daysOf(last).length) }, (_, i) => i + 1);
  return {
    kind: 'line',
    title: '本月累计收款（对比上月）',
    labels: days.map((d) => `${d}日`),
    series: [
      { name: '本月', values: days.map((d) => thisMonth.get(d) ?? null) },
      { name: '上月', values: days.map((d) => lastMonth.get(d) ?? null) },
    ],
    valueKind: 'money',
  };
}

async function collectionRate(now: Date): Promise<ReportChart> {
  const periods = periodsEndingWith(currentPeriod(now), TREND_MONTHS);
  return {
    kind: 'line',
    title: '近12个月收缴率',
    labels: periods,
    series: [{ name: '收缴率', values: await collectionRateTrend(periods, { period: periods.at(-1)! }) }],
    valueKind: 'rate',
  };
}

const BUILD: Record<DeskChartKey, (now: Date) => Promise<ReportChart>> = {
  ticketsPerDay,
  overdueTrend: (now) => monthlyTicketTrend(now, 'overdue'),
  onTimeRate: (now) => monthlyTicketTrend(now, 'onTime'),
  collectionsAgainstLastMonth,
  collectionRate,
};

/** The desk's charts for this person: their position's plan, less the charts of reports the rules refuse them. */
export async function deskCharts(
  actor: Actor,
  mayRead: (report: string) => boolean,
  now = new Date(),
): Promise<DeskChart[]> {
  const keys = (DESK_PLAN[actor.positionCode ?? ''] ?? []).filter((key) => mayRead(DESK_CHART_REPORT[key]));
  return Promise.all(keys.map(async (key) => ({ key, report: DESK_CHART_REPORT[key], chart: await BUILD[key](now) })));
}
