// 月度报事统计 (接待员 职权4 月派工报事统计分析表及有偿服务收费明细表; 助理 职责4 每月将报事类相关数据作统计分析后转交简报主办人员):
// the tickets REPORTED in a Shanghai month — by category, channel, handling department and state — with their
// completion, timeliness and handling time as they stood at the end of the month; the month's dispatches, return
// visits and paid services; the overdue tickets; and last month's figures beside this month's. Grouped SQL only.
import { TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_STATUSES } from '../../models/index.js';
import { frontDeskZh } from '../../vocabulary/front-desk.js';
import { monthLabel, shanghaiDay } from '../../lib/shanghai.js';
import { daysOf, periodBounds, previousPeriod, type PeriodBounds } from './period.js';
import type { Headline, ReportColumn, ReportDefinition, ReportFilters, ReportResult, ReportRow } from './report.js';
import { codeLabel, num, rateOf, select, type Replacements } from './sql.js';
import { hoursBetween, namesIn, recordIdAsInteger, shanghaiDaySql, storedMoment, ticketScope } from './ticket-sql.js';

const TICKET = frontDeskZh.Ticket.properties as Record<string, string>;
const OVERDUE_LIST_LIMIT = 50;
/** A return visit of 4 (满意) or 5 (非常满意) counts as satisfied, as in the survey analysis. */
export const SATISFIED_FROM = 4;
const SATISFACTION_LABELS: Record<number, string> = {
  5: '5 非常满意',
  4: '4 满意',
  3: '3 一般',
  2: '2 不满意',
  1: '1 非常不满意',
};

export const MONTHLY_TICKET_NOTES = [
  '统计范围：报事时间（北京时间）在本月内的报事单；完成、按时、逾期均按月末（本月未结束时按现在）的情况计算。',
  '按时完成率 = 按时完成数 ÷ 已完成数；按时完成指完成时间不晚于要求完成时间。',
  '逾期：月末仍未完成（且未取消）而已过要求完成时间的报事，加上完成时间晚于要求完成时间的报事。',
  '平均处理时长 = 已完成报事从报事到完成的平均小时数。满意率 = 本月回访（不含抽查）中满意度 4 分及以上的比例。',
];

/** The SQL that classifies one ticket `t` of the month; :end is the month's end, :cutoff the earlier of it and now. */
const COMPLETED = 't."completedAt" < :end';
const ON_TIME = `${COMPLETED} AND t."completedAt" <= t."dueAt"`;
const OVERDUE = `CASE WHEN ${COMPLETED} THEN (CASE WHEN t."completedAt" > t."dueAt" THEN 1 ELSE 0 END)
  WHEN t."dueAt" < :cutoff AND (t."cancelledAt" IS NULL OR t."cancelledAt" >= :cutoff) THEN 1 ELSE 0 END`;

export interface Figures {
  tickets: number;
  dispatched: number;
  completed: number;
  onTime: number;
  overdue: number;
  hours: number;
}

const figureColumns = (hoursSql: string) => `COUNT(*) AS "tickets",
  SUM(CASE WHEN t."dispatchedAt" < :end THEN 1 ELSE 0 END) AS "dispatched",
  SUM(CASE WHEN ${COMPLETED} THEN 1 ELSE 0 END) AS "completed",
  SUM(CASE WHEN ${ON_TIME} THEN 1 ELSE 0 END) AS "onTime",
  SUM(${OVERDUE}) AS "overdue",
  SUM(CASE WHEN ${COMPLETED} THEN ${hoursSql} ELSE 0 END) AS "hours"`;

const toFigures = (row: Record<string, unknown> | undefined): Figures => ({
  tickets: num(row?.tickets),
  dispatched: num(row?.dispatched),
  completed: num(row?.completed),
  onTime: num(row?.onTime),
  overdue: num(row?.overdue),
  hours: num(row?.hours),
});

const averageHours = (f: Figures): number | null => (f.completed > 0 ? round1(f.hours / f.completed) : null);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The month's bounds and the moment its figures stand at: the end of the month, or now while it runs. */
function monthOf(period: string, now: Date) {
  const bounds = periodBounds(period);
  const cutoff = new Date(Math.min(bounds.end.getTime(), now.getTime()));
  return { bounds, cutoff };
}

function base(filters: ReportFilters, bounds: PeriodBounds, cutoff: Date) {
  const scope = ticketScope(filters);
  const replacements: Replacements = { ...scope.replacements, start: bounds.start, end: bounds.end, cutoff };
  const where = `t."reportedAt" >= :start AND t."reportedAt" < :end${scope.where}`;
  return { where, replacements };
}

/** The month's figures for the whole month (no `groupBy`) or per `groupBy` (a list of expressions on t). */
async function figuresBy(
  groupBy: string[],
  filters: ReportFilters,
  bounds: PeriodBounds,
  cutoff: Date,
): Promise<Record<string, unknown>[]> {
  const { where, replacements } = base(filters, bounds, cutoff);
  const hours = hoursBetween('t."reportedAt"', 't."completedAt"');
  const keys = groupBy.map((expression, i) => `${expression} AS "g${i}"`).join(', ');
  return select<Record<string, unknown>>(
    groupBy.length > 0
      ? `SELECT ${keys}, ${figureColumns(hours)} FROM "Ticket" t WHERE ${where} GROUP BY ${groupBy.join(', ')}`
      : `SELECT ${figureColumns(hours)} FROM "Ticket" t WHERE ${where}`,
    replacements,
  );
}

const DIMENSIONS = ['t."category"', 't."channel"', 't."departmentId"', 't."status"'];

/** The figures of the groups added up per one dimension (its index in DIMENSIONS), or all of them (-1). */
function rollUp(groups: Record<string, unknown>[], dimension: number): Map<string, Figures> {
  const sums = new Map<string, Figures>();
  for (const row of groups) {
    const key = dimension < 0 ? '' : String(row[`g${dimension}`]);
    const f = toFigures(row);
    const sum = sums.get(key) ?? toFigures(undefined);
    sums.set(key, {
      tickets: sum.tickets + f.tickets,
      dispatched: sum.dispatched + f.dispatched,
      completed: sum.completed + f.completed,
      onTime: sum.onTime + f.onTime,
      overdue: sum.overdue + f.overdue,
      hours: sum.hours + f.hours,
    });
  }
  return sums;
}

interface Visits {
  visits: number;
  satisfied: number;
  scoreSum: number;
  byScore: Map<number, number>;
}

/** The month's return visits (not spot checks) of the filter's tickets, by satisfaction score. */
async function visitsOf(filters: ReportFilters, bounds: PeriodBounds): Promise<Visits> {
  const scope = ticketScope(filters);
  const rows = await select<{ s: unknown; n: unknown }>(
    `SELECT v."satisfaction" AS "s", COUNT(*) AS "n"
       FROM "ReturnVisit" v ${scope.needsTicket ? 'JOIN "Ticket" t ON t."id" = v."ticketId"' : ''}
      WHERE v."visitedAt" >= :start AND v."visitedAt" < :end AND v."isSpotCheck" = :no${scope.where}
      GROUP BY v."satisfaction"`,
    { ...scope.replacements, start: bounds.start, end: bounds.end, no: false },
  );
  const byScore = new Map(rows.map((r) => [num(r.s), num(r.n)]));
  const visits = [...byScore.values()].reduce((a, b) => a + b, 0);
  const satisfied = [...byScore.entries()].filter(([s]) => s >= SATISFIED_FROM).reduce((a, [, n]) => a + n, 0);
  const scoreSum = [...byScore.entries()].reduce((a, [s, n]) => a + s * n, 0);
  return { visits, satisfied, scoreSum, byScore };
}

/** Tickets reported on each day of the month. */
async function perDay(filters: ReportFilters, bounds: PeriodBounds, cutoff: Date): Promise<number[]> {
  const { where, replacements } = base(filters, bounds, cutoff);
  const day = shanghaiDaySql('t."reportedAt"');
  const rows = await select<{ d: string; n: unknown }>(
    `SELECT ${day} AS "d", COUNT(*) AS "n" FROM "Ticket" t WHERE ${where} GROUP BY ${day}`,
    replacements,
  );
  const counts = new Map(rows.map((r) => [String(r.d), num(r.n)]));
  return daysOf(bounds.period).map((d) => counts.get(d) ?? 0);
}

const DEPARTMENT_NONE = '（未指定）';
const recordIdSql = recordIdAsInteger('a."recordId"');

/** The month's dispatches (派工单 made in the month) by the department they went to, with reassignments and urgings. */
async function dispatches(filters: ReportFilters, bounds: PeriodBounds) {
  const scope = ticketScope(filters, 'w."departmentId"');
  const urgeScope = ticketScope(filters);
  const replacements = { ...scope.replacements, start: bounds.start, end: bounds.end, yes: true };
  const [orders, urges] = await Promise.all([
    select<{ g: unknown; orders: unknown; reassigned: unknown; paid: unknown }>(
      `SELECT w."departmentId" AS "g", COUNT(*) AS "orders",
              SUM(CASE WHEN w."status" = 'reassigned' THEN 1 ELSE 0 END) AS "reassigned",
              SUM(CASE WHEN w."isPaidService" = :yes THEN 1 ELSE 0 END) AS "paid"
         FROM "WorkOrder" w ${scope.needsTicket ? 'JOIN "Ticket" t ON t."id" = w."ticketId"' : ''}
        WHERE w."dispatchedAt" >= :start AND w."dispatchedAt" < :end${scope.where}
        GROUP BY w."departmentId"`,
      replacements,
    ),
    // 督促 leaves no row of its own: each is a line of the 操作日志 on its ticket.
    select<{ g: unknown; n: unknown }>(
      `SELECT t."departmentId" AS "g", COUNT(*) AS "n"
         FROM "AuditLog" a JOIN "Ticket" t ON t."id" = ${recordIdSql}
        WHERE a."action" = 'Ticket.urge' AND a."createdAt" >= :start AND a."createdAt" < :end${urgeScope.where}
        GROUP BY t."departmentId"`,
      { ...urgeScope.replacements, start: bounds.start, end: bounds.end },
    ),
  ]);
  return { orders, urges };
}

/** 有偿服务: paid-service dispatches completed in the month, their fees, and what their bills have collected. */
async function paidServices(filters: ReportFilters, bounds: PeriodBounds) {
  const scope = ticketScope(filters, 'w."departmentId"');
  return select<{ g: unknown; orders: unknown; fees: unknown; billed: unknown; collected: unknown }>(
    `SELECT w."departmentId" AS "g", COUNT(*) AS "orders", SUM(w."feeAmount") AS "fees",
            SUM(COALESCE(b."amount", 0)) AS "billed", SUM(COALESCE(b."paidAmount", 0)) AS "collected"
       FROM "WorkOrder" w ${scope.needsTicket ? 'JOIN "Ticket" t ON t."id" = w."ticketId"' : ''}
       LEFT JOIN "Bill" b ON b."workOrderId" = w."id"
      WHERE w."isPaidService" = :yes AND w."status" = 'done'
        AND w."completedAt" >= :start AND w."completedAt" < :end${scope.where}
      GROUP BY w."departmentId"`,
    { ...scope.replacements, start: bounds.start, end: bounds.end, yes: true },
  );
}

/** The month's overdue tickets, the longest overdue first (at most OVERDUE_LIST_LIMIT), and how many there are. */
async function overdueTickets(filters: ReportFilters, bounds: PeriodBounds, cutoff: Date) {
  const { where, replacements } = base(filters, bounds, cutoff);
  const rows = await select<Record<string, unknown>>(
    `SELECT t."id", t."number", t."category", t."departmentId", t."dueAt", t."completedAt", t."title"
       FROM "Ticket" t WHERE ${where} AND (${OVERDUE}) = 1
      ORDER BY t."dueAt" ASC, t."id" ASC LIMIT ${OVERDUE_LIST_LIMIT}`,
    replacements,
  );
  return rows.map((row) => {
    const due = storedMoment(row.dueAt)!;
    const completed = storedMoment(row.completedAt);
    const until = completed && completed < bounds.end ? completed : cutoff;
    return {
      id: num(row.id),
      number: String(row.number),
      title: String(row.title ?? ''),
      category: String(row.category),
      departmentId: row.departmentId,
      due,
      late: completed !== null && completed < bounds.end,
      daysOverdue: round1(Math.max(0, until.getTime() - due.getTime()) / 86_400_000),
    };
  });
}

/**
 * One month's ticket figures (reported, dispatched, completed, on time, overdue, summed handling hours) as the report
 * counts them — for trends across months (the desk's overdue and on-time charts).
 */
export async function monthFigures(
  period: string,
  filters: Omit<ReportFilters, 'period'> = {},
  now = new Date(),
): Promise<Figures> {
  const { bounds, cutoff } = monthOf(period, now);
  const [row] = await figuresBy([], { ...filters, period }, bounds, cutoff);
  return toFigures(row);
}

export interface MonthlyTicketSummary {
  tickets: number;
  completed: number;
  onTime: number;
  onTimeRate: number;
  overdue: number;
  averageHours: number | null;
  visits: number;
  satisfactionRate: number | null;
}

/** The headline figures of one month (also what the 简报 prints). */
export async function monthlyTicketSummary(filters: ReportFilters, now = new Date()): Promise<MonthlyTicketSummary> {
  const { bounds, cutoff } = monthOf(filters.period, now);
  const [figures, visits] = await Promise.all([figuresBy([], filters, bounds, cutoff), visitsOf(filters, bounds)]);
  return summaryOf(toFigures(figures[0]), visits);
}

function summaryOf(f: Figures, v: Visits): MonthlyTicketSummary {
  return {
    tickets: f.tickets,
    completed: f.completed,
    onTime: f.onTime,
    onTimeRate: rateOf(f.onTime, f.completed),
    overdue: f.overdue,
    averageHours: averageHours(f),
    visits: v.visits,
    satisfactionRate: v.visits > 0 ? v.satisfied / v.visits : null,
  };
}

const categoryColumns: ReportColumn[] = [
  { key: 'category', label: '报事类别' },
  { key: 'tickets', label: '报事数', kind: 'count' },
  { key: 'completed', label: '已完成', kind: 'count' },
  { key: 'onTime', label: '按时完成', kind: 'count' },
  { key: 'overdue', label: '逾期', kind: 'count' },
  { key: 'averageHours', label: '平均处理时长', kind: 'hours' },
  { key: 'share', label: '占比', kind: 'rate' },
];

export async function monthlyTickets(filters: ReportFilters, now = new Date()): Promise<ReportResult> {
  const { bounds, cutoff } = monthOf(filters.period, now);
  const previous = monthOf(previousPeriod(filters.period), now);
  // One grouped query over the month's tickets by category, channel, department and state (a few hundred groups),
  // added up per dimension here; last month needs only its totals.
  const [groups, lastMonth, visits, lastVisits] = await Promise.all([
    figuresBy(DIMENSIONS, filters, bounds, cutoff),
    figuresBy([], filters, previous.bounds, previous.cutoff),
    visitsOf(filters, bounds),
    visitsOf(filters, previous.bounds),
  ]);
  const [byCategory, byChannel, byDepartment, byStatus] = [0, 1, 2, 3].map((d) => rollUp(groups, d));
  const [days, lastDays, sent, paid, overdue] = await Promise.all([
    perDay(filters, bounds, cutoff),
    perDay(filters, previous.bounds, previous.cutoff),
    dispatches(filters, bounds),
    paidServices(filters, bounds),
    overdueTickets(filters, bounds, cutoff),
  ]);
  const total = rollUp(groups, -1).get('') ?? toFigures(undefined);
  const last = toFigures(lastMonth[0]);
  const current = summaryOf(total, visits);
  const before = summaryOf(last, lastVisits);
  const departmentIds = [
    ...byDepartment.keys(),
    ...sent.orders.map((r) => r.g),
    ...sent.urges.map((r) => r.g),
    ...paid.map((r) => r.g),
    ...overdue.map((r) => r.departmentId),
  ];
  const departments = await namesIn('Department', departmentIds);
  const departmentName = (id: unknown) => departments.get(String(id)) ?? DEPARTMENT_NONE;
  const categoryName = (code: string) => codeLabel(TICKET, 'category', code);

  const rows: ReportRow[] = TICKET_CATEGORIES.filter((c) => byCategory.has(c)).map((code) => {
    const f = byCategory.get(code)!;
    return {
      category: categoryName(code),
      tickets: f.tickets,
      completed: f.completed,
      onTime: f.onTime,
      overdue: f.overdue,
      averageHours: averageHours(f),
      share: rateOf(f.tickets, total.tickets),
    };
  });
  const totals: ReportRow = {
    category: '合计',
    tickets: total.tickets,
    completed: total.completed,
    onTime: total.onTime,
    overdue: total.overdue,
    averageHours: averageHours(total),
    share: total.tickets > 0 ? 1 : 0,
    onTimeRate: current.onTimeRate,
  };

  const departmentRows = [...byDepartment.entries()]
    .map(([id, f]) => ({
      department: departmentName(id),
      tickets: f.tickets,
      dispatched: f.dispatched,
      completed: f.completed,
      onTimeRate: f.completed > 0 ? rateOf(f.onTime, f.completed) : null,
      overdue: f.overdue,
      averageHours: averageHours(f),
    }))
    .sort((a, b) => b.tickets - a.tickets || a.department.localeCompare(b.department, 'zh'));

  const urgesBy = new Map(sent.urges.map((r) => [String(r.g), num(r.n)]));
  const dispatchRows = sent.orders
    .map((r) => ({
      department: departmentName(r.g),
      orders: num(r.orders),
      reassigned: num(r.reassigned),
      urged: urgesBy.get(String(r.g)) ?? 0,
      paid: num(r.paid),
    }))
    .concat(
      [...urgesBy.entries()]
        .filter(([g]) => !sent.orders.some((r) => String(r.g) === g))
        .map(([g, n]) => ({ department: departmentName(g), orders: 0, reassigned: 0, urged: n, paid: 0 })),
    )
    .sort((a, b) => b.orders - a.orders || a.department.localeCompare(b.department, 'zh'));
  const sum = <T extends Record<string, unknown>>(list: T[], key: keyof T) =>
    list.reduce((a, r) => a + Number(r[key] ?? 0), 0);

  const paidRows = paid
    .map((r) => ({
      department: departmentName(r.g),
      orders: num(r.orders),
      fees: num(r.fees),
      collected: num(r.collected),
      outstanding: num(r.billed) - num(r.collected),
    }))
    .sort((a, b) => b.fees - a.fees);

  const visitRows = [5, 4, 3, 2, 1].map((score) => ({
    satisfaction: SATISFACTION_LABELS[score],
    visits: visits.byScore.get(score) ?? 0,
    share: rateOf(visits.byScore.get(score) ?? 0, visits.visits),
  }));

  const headlines: Headline[] = [
    { key: 'tickets', label: '报事数', value: current.tickets, kind: 'count', previous: before.tickets },
    { key: 'completed', label: '已完成', value: current.completed, kind: 'count', previous: before.completed },
    { key: 'onTimeRate', label: '按时完成率', value: current.onTimeRate, kind: 'rate', previous: before.onTimeRate },
    { key: 'overdue', label: '逾期', value: current.overdue, kind: 'count', previous: before.overdue },
    {
      key: 'averageHours',
      label: '平均处理时长',
      value: current.averageHours,
      kind: 'hours',
      previous: before.averageHours,
    },
    {
      key: 'satisfactionRate',
      label: '回访满意率',
      value: current.satisfactionRate,
      kind: 'rate',
      previous: before.satisfactionRate,
    },
  ];

  const dayLabels = daysOf(filters.period).map((d) => `${Number(d.slice(8))}日`);
  const lastLabel = monthLabel(previous.bounds.period);
  return {
    columns: categoryColumns,
    rows,
    totals,
    headlines,
    notes: [
      `${monthLabel(filters.period)}（${bounds.firstDay} 至 ${bounds.lastDay}，北京时间）。`,
      ...MONTHLY_TICKET_NOTES,
    ],
    sections: [
      {
        key: 'channels',
        title: '按报事渠道',
        columns: [
          { key: 'channel', label: '报事渠道' },
          { key: 'tickets', label: '报事数', kind: 'count' },
          { key: 'share', label: '占比', kind: 'rate' },
        ],
        rows: TICKET_CHANNELS.map((code) => ({
          channel: codeLabel(TICKET, 'channel', code),
          tickets: byChannel.get(code)?.tickets ?? 0,
          share: rateOf(byChannel.get(code)?.tickets ?? 0, total.tickets),
        })),
        totals: { channel: '合计', tickets: total.tickets, share: total.tickets > 0 ? 1 : 0 },
      },
      {
        key: 'departments',
        title: '按处理部门',
        columns: [
          { key: 'department', label: '处理部门' },
          { key: 'tickets', label: '报事数', kind: 'count' },
          { key: 'dispatched', label: '已派工', kind: 'count' },
          { key: 'completed', label: '已完成', kind: 'count' },
          { key: 'onTimeRate', label: '按时完成率', kind: 'rate' },
          { key: 'overdue', label: '逾期', kind: 'count' },
          { key: 'averageHours', label: '平均处理时长', kind: 'hours' },
        ],
        rows: departmentRows,
        totals: {
          department: '合计',
          tickets: total.tickets,
          dispatched: total.dispatched,
          completed: total.completed,
          onTimeRate: current.onTimeRate,
          overdue: total.overdue,
          averageHours: averageHours(total),
        },
      },
      {
        key: 'statuses',
        title: '按当前状态',
        columns: [
          { key: 'status', label: '状态' },
          { key: 'tickets', label: '报事数', kind: 'count' },
        ],
        rows: TICKET_STATUSES.map((code) => ({
          status: codeLabel(TICKET, 'status', code),
          tickets: byStatus.get(code)?.tickets ?? 0,
        })),
        totals: { status: '合计', tickets: total.tickets },
        note: '报事单现在的状态（不是月末的状态）。',
      },
      {
        key: 'dispatches',
        title: '派工统计',
        columns: [
          { key: 'department', label: '派往部门' },
          { key: 'orders', label: '派工单', kind: 'count' },
          { key: 'reassigned', label: '已改派', kind: 'count' },
          { key: 'urged', label: '督促次数', kind: 'count' },
          { key: 'paid', label: '有偿服务', kind: 'count' },
        ],
        rows: dispatchRows,
        totals: {
          department: '合计',
          orders: sum(dispatchRows, 'orders'),
          reassigned: sum(dispatchRows, 'reassigned'),
          urged: sum(dispatchRows, 'urged'),
          paid: sum(dispatchRows, 'paid'),
        },
        note: '本月开出的派工单（含改派后重开的）；督促次数为本月的督促记录，计入报事单现在的处理部门。',
      },
      {
        key: 'returnVisits',
        title: '本月回访满意度',
        columns: [
          { key: 'satisfaction', label: '满意度' },
          { key: 'visits', label: '回访数', kind: 'count' },
          { key: 'share', label: '占比', kind: 'rate' },
        ],
        rows: visitRows,
        totals: {
          satisfaction: `合计（平均 ${visits.visits > 0 ? (visits.scoreSum / visits.visits).toFixed(2) : '—'} 分，满意率 ${
            visits.visits > 0 ? `${((visits.satisfied / visits.visits) * 100).toFixed(1)}%` : '—'
          }）`,
          visits: visits.visits,
          share: visits.visits > 0 ? 1 : 0,
        },
        note: '本月做的回访（不含抽查），不论报事单是哪个月登记的；满意指 4 分及以上。',
      },
      {
        key: 'paidServices',
        title: '有偿服务收费统计表',
        columns: [
          { key: 'department', label: '处理部门' },
          { key: 'orders', label: '有偿服务单数', kind: 'count' },
          { key: 'fees', label: '服务费', kind: 'money' },
          { key: 'collected', label: '已收', kind: 'money' },
          { key: 'outstanding', label: '未收', kind: 'money' },
        ],
        rows: paidRows,
        totals: {
          department: '合计',
          orders: sum(paidRows, 'orders'),
          fees: sum(paidRows, 'fees'),
          collected: sum(paidRows, 'collected'),
          outstanding: sum(paidRows, 'outstanding'),
        },
        note: '本月完成的有偿服务派工单及其服务费；已收、未收按完成时开给房屋的有偿服务账单现在的收款计算。',
      },
      {
        key: 'overdue',
        title: '逾期报事',
        columns: [
          { key: 'number', label: '报事单号' },
          { key: 'title', label: '报事内容' },
          { key: 'category', label: '报事类别' },
          { key: 'department', label: '处理部门' },
          { key: 'due', label: '要求完成日期', kind: 'day' },
          { key: 'daysOverdue', label: '逾期天数', kind: 'days' },
          { key: 'state', label: '情况' },
        ],
        rows: overdue.map((t) => ({
          id: t.id,
          number: t.number,
          title: t.title,
          category: categoryName(t.category),
          department: departmentName(t.departmentId),
          due: shanghaiDay(t.due),
          daysOverdue: t.daysOverdue,
          state: t.late ? '逾期完成' : '月末未完成',
        })),
        note:
          total.overdue > OVERDUE_LIST_LIMIT
            ? `共 ${total.overdue} 单逾期，按要求完成时间最早的前 ${OVERDUE_LIST_LIMIT} 单列出。`
            : `共 ${total.overdue} 单逾期。`,
      },
    ],
    charts: [
      {
        kind: 'line',
        title: '每日报事数',
        labels: dayLabels,
        series: [
          { name: monthLabel(filters.period), values: days },
          // Last month by day of the month: its 31st has no partner in a 30-day month, and is left off.
          { name: lastLabel, values: dayLabels.map((_, i) => lastDays[i] ?? null) },
        ],
        valueKind: 'count',
      },
      {
        kind: 'pie',
        title: '按报事类别',
        labels: rows.map((r) => String(r.category)),
        series: [{ name: '报事数', values: rows.map((r) => Number(r.tickets)) }],
        valueKind: 'count',
      },
      {
        kind: 'bar',
        title: '按处理部门',
        labels: departmentRows.map((r) => r.department),
        series: [
          { name: '报事数', values: departmentRows.map((r) => r.tickets) },
          { name: '逾期', values: departmentRows.map((r) => r.overdue) },
        ],
        valueKind: 'count',
      },
    ],
  };
}

export const monthlyTicketsReport: ReportDefinition = {
  name: 'monthlyTickets',
  title: '月度报事统计',
  clause: '接待员 职权4、助理 职责4',
  filters: ['community', 'building', 'department'],
  run: (filters) => monthlyTickets(filters),
  links: (filters) => [
    {
      label: '简报',
      href: `/admin/print/Report/monthlyTickets/brief?${new URLSearchParams(briefQuery(filters))}`,
      action: 'Report.monthlyTickets',
      newTab: true,
    },
  ],
};

/** The 简报's query: the period and whichever filters are set. */
export function briefQuery(filters: ReportFilters): Record<string, string> {
  const query: Record<string, string> = { period: filters.period };
  if (filters.communityId !== undefined) query.communityId = String(filters.communityId);
  if (filters.buildingId !== undefined) query.buildingId = String(filters.buildingId);
  if (filters.departmentId !== undefined) query.departmentId = String(filters.departmentId);
  return query;
}
