// 催缴结果 (收费员 职责6 "定期向客户中心助理及公司财务通报催缴结果"): per plan running in the period, its targets and where
// each stands after its latest contact, the arrears it listed and what has come back (the plan screen's own 已收回,
// src/domain/dunning-collection.ts); per month across plans for the last 12 months, the contacts made and what the
// targets paid on their old bills.
import { isPostgres } from '../../db.js';
import { monthLabel, shanghaiDay } from '../../lib/shanghai.js';
import { planCollections } from '../dunning-collection.js';
import { dunningZh } from '../../vocabulary/dunning.js';
import { periodBounds, periodsEndingWith } from './period.js';
import type { ReportColumn, ReportDefinition, ReportFilters, ReportResult, ReportRow } from './report.js';
import { codeLabel, num, periodOf, rateOf, select, sequelizeEscape, shortMonth } from './sql.js';

const PLAN = dunningZh.DunningPlan.properties as Record<string, string>;
const TREND_PERIODS = 12;
const RESULTS = ['promised', 'paid', 'refused', 'unreachable'] as const;
const RESULT_LABELS: Record<(typeof RESULTS)[number], string> = {
  promised: '承诺缴费',
  paid: '已缴费',
  refused: '拒绝缴费',
  unreachable: '联系不上',
};

interface PlanRow {
  id: unknown;
  title: string;
  status: string;
  startedAt: string | Date;
  closedAt: string | Date | null;
}

export async function dunningResults(filters: ReportFilters): Promise<ReportResult> {
  const { period } = filters;
  const bounds = periodBounds(period);
  // Running in the period: started before it ended, not closed before it began.
  const plans = await select<PlanRow>(
    `SELECT "id", "title", "status", "startedAt", "closedAt" FROM "DunningPlan"
      WHERE "startedAt" IS NOT NULL AND "startedAt" < :end AND ("closedAt" IS NULL OR "closedAt" >= :start)
      ORDER BY "startedAt", "id"`,
    { start: bounds.start, end: bounds.end },
  );
  const ids = plans.map((p) => Number(p.id));
  const [standing, collections, months] = await Promise.all([
    targetStanding(ids, bounds.end),
    planCollections(ids),
    monthlyResults(period),
  ]);
  const standingOf = new Map(standing.map((s) => [Number(s.planId), s]));
  // The month's contacts per plan: the last month of the 12-month counts.
  const contactsOf = new Map<number, number>();
  for (const r of months.records.filter((r) => r.month === period))
    contactsOf.set(Number(r.planId), (contactsOf.get(Number(r.planId)) ?? 0) + num(r.records));

  const rows: ReportRow[] = plans.map((plan) => {
    const id = Number(plan.id);
    const s = standingOf.get(id);
    const money = collections.get(id);
    const arrears = money?.arrearsTotal ?? 0;
    const recovered = money?.recovered ?? 0;
    return {
      plan: plan.title,
      status: codeLabel(PLAN, 'status', plan.status),
      startedOn: shanghaiDay(new Date(plan.startedAt)),
      targets: num(s?.targets),
      contacted: num(s?.contacted),
      ...Object.fromEntries(RESULTS.map((r) => [r, num(s?.[r])])),
      notContacted: num(s?.targets) - num(s?.contacted),
      contactsInPeriod: contactsOf.get(id) ?? 0,
      arrears,
      recovered,
      rate: rateOf(recovered, arrears),
    };
  });
  const sum = (key: string) => rows.reduce((t, r) => t + Number(r[key] ?? 0), 0);
  const totalArrears = sum('arrears');
  const totalRecovered = sum('recovered');

  const columns: ReportColumn[] = [
    { key: 'plan', label: '催缴计划' },
    { key: 'status', label: '状态' },
    { key: 'startedOn', label: '启动日期', kind: 'day' },
    { key: 'targets', label: '催缴对象', kind: 'count' },
    { key: 'contacted', label: '已联系', kind: 'count' },
    ...RESULTS.map((r) => ({ key: r, label: RESULT_LABELS[r], kind: 'count' as const })),
    { key: 'notContacted', label: '未联系', kind: 'count' },
    { key: 'contactsInPeriod', label: '本月催缴次数', kind: 'count' },
    { key: 'arrears', label: '催缴总额', kind: 'money' },
    { key: 'recovered', label: '已收回', kind: 'money' },
    { key: 'rate', label: '回收率', kind: 'rate' },
  ];

  return {
    columns,
    rows,
    totals: {
      plan: '合计',
      plans: rows.length,
      ...Object.fromEntries(
        ['targets', 'contacted', ...RESULTS, 'notContacted', 'contactsInPeriod'].map((k) => [k, sum(k)]),
      ),
      arrears: totalArrears,
      recovered: totalRecovered,
      rate: rateOf(totalRecovered, totalArrears),
    },
    headlines: [
      { key: 'plans', label: '进行中的催缴计划', value: rows.length, kind: 'count' },
      { key: 'targets', label: '催缴对象', value: sum('targets'), kind: 'count' },
      { key: 'recovered', label: '已收回', value: totalRecovered, kind: 'money' },
      { key: 'rate', label: '回收率', value: rateOf(totalRecovered, totalArrears), kind: 'rate' },
    ],
    sections: [months.section],
    charts: [
      {
        kind: 'bar',
        title: '各计划回收率',
        labels: rows.map((r) => String(r.plan)),
        series: [{ name: '回收率', values: rows.map((r) => Number(r.rate)) }],
        valueKind: 'rate',
      },
      {
        kind: 'line',
        title: '近12个月收回金额',
        labels: months.periods.map(shortMonth),
        series: [{ name: '收回金额', values: months.recovered }],
        valueKind: 'money',
      },
    ],
    notes: [
      `列出${monthLabel(period)}内进行中的催缴计划：${bounds.lastDay} 以前已启动、且未在 ${bounds.firstDay} 以前结束（北京时间）。草稿计划不列。`,
      `已联系：到 ${bounds.lastDay} 为止至少有一条催缴记录的催缴对象；每个对象按其最后一条记录的结果计入承诺缴费、已缴费、拒绝缴费或联系不上之一，未联系 = 催缴对象 − 已联系。本月催缴次数为本月所做的催缴记录条数。`,
      `催缴总额：催缴对象列入计划时的欠费合计。已收回（与催缴计划页面相同）：${dunningZh.DunningPlan.messages.recoveredDefinition} 回收率 = 已收回 ÷ 催缴总额，催缴总额为 0 时记为 0。`,
      '按月统计：每月所做的催缴记录按结果计条数；收回金额为当月开出的有效收据缴付到催缴对象旧账单（在该对象所在计划启动日之前到期、且收据在计划启动之后开出）的金额，一笔缴款只计一次。',
    ],
  };
}

type Standing = { planId: unknown; targets: unknown; contacted: unknown } & Record<(typeof RESULTS)[number], unknown>;

/** Per plan: its targets, those contacted before `end`, and by the result of each one's latest record. */
async function targetStanding(ids: number[], end: Date): Promise<Standing[]> {
  if (ids.length === 0) return [];
  const latest = `(SELECT r."id" FROM "DunningRecord" r
                    WHERE r."planId" = t."planId" AND r."ownerId" = t."ownerId" AND r."contactedAt" < :end
                    ORDER BY r."contactedAt" DESC, r."id" DESC LIMIT 1)`;
  return select<Standing>(
    `SELECT t."planId" AS "planId", COUNT(*) AS "targets", COUNT(lr."id") AS "contacted",
            ${RESULTS.map((r) => `SUM(CASE WHEN lr."result" = '${r}' THEN 1 ELSE 0 END) AS "${r}"`).join(', ')}
       FROM "DunningTarget" t LEFT JOIN "DunningRecord" lr ON lr."id" = ${latest}
      WHERE t."planId" IN (:ids)
      GROUP BY t."planId"`,
    { ids, end },
  );
}

/** The last 12 months across plans: records by result, and what targets paid on their old bills. */
async function monthlyResults(period: string) {
  const periods = periodsEndingWith(period, TREND_PERIODS);
  const first = periodBounds(periods[0]).start;
  const last = periodBounds(period).end;
  const recordMonth = periodOf('r."contactedAt"', periods, 'rm');
  const paidMonth = periodOf('p."paidAt"', periods, 'pm');
  const started = await select<{ id: unknown; startedAt: string | Date }>(
    'SELECT "id", "startedAt" FROM "DunningPlan" WHERE "startedAt" IS NOT NULL AND "startedAt" < :last',
    { last },
  );
  const firstStart = Math.min(...started.map((p) => new Date(p.startedAt).getTime()));
  const day = (value: string) => (isPostgres ? `CAST(${sequelizeEscape(value)} AS DATE)` : sequelizeEscape(value));
  const startDay = started.length
    ? `CASE t."planId" ${started.map((p) => `WHEN ${Number(p.id)} THEN ${day(shanghaiDay(new Date(p.startedAt)))}`).join(' ')} END`
    : 'NULL';
  const [records, recovered] = await Promise.all([
    select<{ month: string; planId: unknown; result: string; records: unknown }>(
      `SELECT ${recordMonth.sql} AS "month", r."planId" AS "planId", r."result" AS "result", COUNT(*) AS "records"
         FROM "DunningRecord" r WHERE r."contactedAt" >= :first AND r."contactedAt" < :last
        GROUP BY ${recordMonth.sql}, r."planId", r."result"`,
      { ...recordMonth.replacements, first, last },
    ),
    started.length
      ? select<{ month: string; amount: unknown }>(
          `SELECT ${paidMonth.sql} AS "month", SUM(a."amount") AS "amount"
             FROM (SELECT DISTINCT t."ownerId" AS "ownerId" FROM "DunningTarget" t
                     JOIN "DunningPlan" pl ON pl."id" = t."planId" WHERE pl."startedAt" IS NOT NULL) o
             CROSS JOIN "Bill" b CROSS JOIN "PaymentAllocation" a CROSS JOIN "Payment" p
            WHERE b."ownerId" = o."ownerId" AND a."billId" = b."id" AND p."id" = a."paymentId"
              AND p."status" = 'valid' AND p."paidAt" >= :from AND p."paidAt" < :last
              AND EXISTS (SELECT 1 FROM "DunningTarget" t JOIN "DunningPlan" pl ON pl."id" = t."planId"
                           WHERE t."ownerId" = b."ownerId" AND pl."startedAt" IS NOT NULL AND pl."startedAt" <= p."paidAt"
                             AND b."dueDate" < ${startDay})
            GROUP BY ${paidMonth.sql}`,
          // From the owners of started plans' targets (far fewer than the year's receipts) to their bills' receipts;
          // CROSS JOIN keeps that order on SQLite. No receipt before the first plan started can count.
          { ...paidMonth.replacements, from: new Date(Math.max(first.getTime(), firstStart)), last },
        )
      : [],
  ]);
  const rows: ReportRow[] = periods.map((month) => {
    const mine = records.filter((r) => r.month === month);
    const count = (result: string) => mine.filter((r) => r.result === result).reduce((t, r) => t + num(r.records), 0);
    return {
      month: monthLabel(month),
      records: mine.reduce((t, r) => t + num(r.records), 0),
      ...Object.fromEntries(RESULTS.map((r) => [r, count(r)])),
      recovered: num(recovered.find((r) => r.month === month)?.amount),
    };
  });
  const sum = (key: string) => rows.reduce((t, r) => t + Number(r[key] ?? 0), 0);
  return {
    periods,
    records,
    recovered: rows.map((r) => Number(r.recovered)),
    section: {
      key: 'months',
      title: '近12个月催缴情况',
      columns: [
        { key: 'month', label: '月份' },
        { key: 'records', label: '催缴次数', kind: 'count' as const },
        ...RESULTS.map((r) => ({ key: r, label: RESULT_LABELS[r], kind: 'count' as const })),
        { key: 'recovered', label: '收回金额', kind: 'money' as const },
      ],
      rows,
      totals: {
        month: '合计',
        ...Object.fromEntries(['records', ...RESULTS, 'recovered'].map((k) => [k, sum(k)])),
      },
      note: '按催缴记录的联系时间、收据的收款时间归入月份（北京时间）；各月的结果按记录条数计，一位业主可有多条记录。',
    },
  };
}

export const dunningResultsReport: ReportDefinition = {
  name: 'dunningResults',
  title: '催缴结果',
  clause: '收费员 职责6：定期向客户中心助理及公司财务通报催缴结果',
  filters: [],
  run: (filters) => dunningResults(filters),
};
