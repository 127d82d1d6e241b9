// 回访意见汇总 (协调员 职权4 整理客户报事单的回访意见，制定改进意见): the return visits MADE in a Shanghai month, grouped by
// the ticket's handling department and category; the visits themselves, dissatisfied first; the spot checks (抽查回访)
// by department with their findings; and the improvement proposals (改进意见) recorded against the month.
import { IMPROVEMENT_PROPOSAL_STATUSES, TICKET_CATEGORIES } from '../../models/index.js';
import { frontDeskZh } from '../../vocabulary/front-desk.js';
import { monthLabel, shanghaiDay } from '../../lib/shanghai.js';
import { periodBounds, previousPeriod, type PeriodBounds } from './period.js';
import type { Headline, ReportDefinition, ReportFilters, ReportResult, ReportRow } from './report.js';
import { codeLabel, num, rateOf, select, type Replacements } from './sql.js';
import { namesIn, storedMoment, ticketScope } from './ticket-sql.js';

const TICKET = frontDeskZh.Ticket.properties as Record<string, string>;
const PROPOSAL = frontDeskZh.ImprovementProposal.properties as Record<string, string>;
const VISIT_LIST_LIMIT = 200;
const FINDING_LIST_LIMIT = 100;
/** 4–5 满意, 3 一般, 1–2 不满意. */
const SATISFIED_FROM = 4;
const DISSATISFIED_UP_TO = 2;
const SCORE_LABELS: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '一般', 2: '不满意', 1: '非常不满意' };
const NONE = '（未指定）';

export const VISIT_FEEDBACK_NOTES = [
  '统计范围：回访时间（北京时间）在本月内的回访；按报事单的处理部门和报事类别归类。',
  '满意：满意度 4—5 分；一般：3 分；不满意：1—2 分。满意率 = 满意数 ÷ 回访数。抽查回访单列，不计入回访数。',
  '按回访人筛选时，回访与抽查均按做回访（抽查）的人筛选。',
];

function scopeOf(filters: ReportFilters, bounds: PeriodBounds, spotCheck: boolean) {
  const scope = ticketScope(filters);
  const replacements: Replacements = {
    ...scope.replacements,
    start: bounds.start,
    end: bounds.end,
    spot: spotCheck,
  };
  let where = `v."visitedAt" >= :start AND v."visitedAt" < :end AND v."isSpotCheck" = :spot${scope.where}`;
  if (filters.staffId !== undefined) {
    where += ' AND v."visitorId" = :staffId';
    replacements.staffId = filters.staffId;
  }
  return { where, replacements };
}

const COUNTS = `COUNT(*) AS "visits",
  SUM(CASE WHEN v."satisfaction" >= ${SATISFIED_FROM} THEN 1 ELSE 0 END) AS "satisfied",
  SUM(CASE WHEN v."satisfaction" <= ${DISSATISFIED_UP_TO} THEN 1 ELSE 0 END) AS "dissatisfied",
  SUM(v."satisfaction") AS "scores"`;

interface Counts {
  visits: number;
  satisfied: number;
  dissatisfied: number;
  scores: number;
}
const countsOf = (r: Record<string, unknown> | undefined): Counts => ({
  visits: num(r?.visits),
  satisfied: num(r?.satisfied),
  dissatisfied: num(r?.dissatisfied),
  scores: num(r?.scores),
});
const average = (c: Counts) => (c.visits > 0 ? Math.round((c.scores / c.visits) * 100) / 100 : null);

async function totalsOf(filters: ReportFilters, bounds: PeriodBounds, spotCheck: boolean): Promise<Counts> {
  const { where, replacements } = scopeOf(filters, bounds, spotCheck);
  const [row] = await select<Record<string, unknown>>(
    `SELECT ${COUNTS} FROM "ReturnVisit" v JOIN "Ticket" t ON t."id" = v."ticketId" WHERE ${where}`,
    replacements,
  );
  return countsOf(row);
}

async function proposalCount(filters: ReportFilters, period: string): Promise<number> {
  const replacements: Replacements = { period };
  let where = 'p."period" = :period';
  if (filters.departmentId !== undefined) {
    where += ' AND p."departmentId" = :departmentId';
    replacements.departmentId = filters.departmentId;
  }
  const [row] = await select<{ n: unknown }>(
    `SELECT COUNT(*) AS "n" FROM "ImprovementProposal" p WHERE ${where}`,
    replacements,
  );
  return num(row?.n);
}

export async function visitFeedback(filters: ReportFilters): Promise<ReportResult> {
  const bounds = periodBounds(filters.period);
  const previous = periodBounds(previousPeriod(filters.period));
  const visits = scopeOf(filters, bounds, false);
  const spots = scopeOf(filters, bounds, true);
  const proposalWhere = filters.departmentId !== undefined ? ' AND p."departmentId" = :departmentId' : '';
  const [grouped, visitList, spotGroups, findings, proposals, total, last, spotTotal, lastSpot, lastProposals] =
    await Promise.all([
      select<Record<string, unknown>>(
        `SELECT t."departmentId" AS "department", t."category" AS "category", ${COUNTS}
           FROM "ReturnVisit" v JOIN "Ticket" t ON t."id" = v."ticketId"
          WHERE ${visits.where}
          GROUP BY t."departmentId", t."category"`,
        visits.replacements,
      ),
      select<Record<string, unknown>>(
        `SELECT v."id", t."number", u."label" AS "unit", t."category", t."departmentId", v."visitorId",
                v."satisfaction", v."feedback", v."visitedAt"
           FROM "ReturnVisit" v JOIN "Ticket" t ON t."id" = v."ticketId"
           LEFT JOIN "Unit" u ON u."id" = t."unitId"
          WHERE ${visits.where}
          ORDER BY CASE WHEN v."satisfaction" <= ${DISSATISFIED_UP_TO} THEN 0 ELSE 1 END, v."visitedAt", v."id"
          LIMIT ${VISIT_LIST_LIMIT}`,
        visits.replacements,
      ),
      select<Record<string, unknown>>(
        `SELECT t."departmentId" AS "department", ${COUNTS},
                SUM(CASE WHEN v."finding" IS NOT NULL AND v."finding" <> '' THEN 1 ELSE 0 END) AS "findings"
           FROM "ReturnVisit" v JOIN "Ticket" t ON t."id" = v."ticketId"
          WHERE ${spots.where}
          GROUP BY t."departmentId"`,
        spots.replacements,
      ),
      select<Record<string, unknown>>(
        `SELECT v."id", t."number", t."departmentId", v."visitorId", v."satisfaction", v."finding", v."visitedAt"
           FROM "ReturnVisit" v JOIN "Ticket" t ON t."id" = v."ticketId"
          WHERE ${spots.where}
          ORDER BY t."departmentId", v."visitedAt", v."id"
          LIMIT ${FINDING_LIST_LIMIT}`,
        spots.replacements,
      ),
      select<Record<string, unknown>>(
        `SELECT p."id", p."departmentId", p."category", p."finding", p."proposal", p."proposerId", p."status",
                p."followUpNote"
           FROM "ImprovementProposal" p
          WHERE p."period" = :period${proposalWhere}
          ORDER BY p."createdAt", p."id"`,
        { period: filters.period, departmentId: filters.departmentId },
      ),
      totalsOf(filters, bounds, false),
      totalsOf(filters, previous, false),
      totalsOf(filters, bounds, true),
      totalsOf(filters, previous, true),
      proposalCount(filters, previous.period),
    ]);

  const departments = await namesIn('Department', [
    ...grouped.map((r) => r.department),
    ...visitList.map((r) => r.departmentId),
    ...spotGroups.map((r) => r.department),
    ...findings.map((r) => r.departmentId),
    ...proposals.map((r) => r.departmentId),
  ]);
  const staff = await namesIn('Staff', [
    ...visitList.map((r) => r.visitorId),
    ...findings.map((r) => r.visitorId),
    ...proposals.map((r) => r.proposerId),
  ]);
  const departmentName = (id: unknown) =>
    id === null || id === undefined ? NONE : (departments.get(String(id)) ?? NONE);
  const staffName = (id: unknown) => staff.get(String(id)) ?? '';
  const categoryName = (code: unknown) =>
    code === null || code === undefined || code === '' ? '（不限）' : codeLabel(TICKET, 'category', String(code));
  const scoreText = (s: unknown) => `${num(s)} 分 ${SCORE_LABELS[num(s)] ?? ''}`.trim();

  const categoryOrder = (code: unknown) =>
    TICKET_CATEGORIES.indexOf(String(code) as (typeof TICKET_CATEGORIES)[number]);
  const rows: ReportRow[] = grouped
    .map((r) => ({ r, c: countsOf(r), department: departmentName(r.department) }))
    .sort(
      (a, b) =>
        a.department.localeCompare(b.department, 'zh') || categoryOrder(a.r.category) - categoryOrder(b.r.category),
    )
    .map(({ r, c, department }) => ({
      department,
      category: categoryName(r.category),
      visits: c.visits,
      satisfied: c.satisfied,
      neutral: c.visits - c.satisfied - c.dissatisfied,
      dissatisfied: c.dissatisfied,
      rate: rateOf(c.satisfied, c.visits),
      average: average(c),
    }));

  // Per department, for the chart.
  const byDepartment = new Map<string, Counts>();
  for (const r of grouped) {
    const key = departmentName(r.department);
    const c = countsOf(r);
    const sum = byDepartment.get(key) ?? { visits: 0, satisfied: 0, dissatisfied: 0, scores: 0 };
    byDepartment.set(key, {
      visits: sum.visits + c.visits,
      satisfied: sum.satisfied + c.satisfied,
      dissatisfied: sum.dissatisfied + c.dissatisfied,
      scores: sum.scores + c.scores,
    });
  }
  const chartDepartments = [...byDepartment.entries()].sort((a, b) => b[1].visits - a[1].visits);

  const headlines: Headline[] = [
    { key: 'visits', label: '回访数', value: total.visits, kind: 'count', previous: last.visits },
    {
      key: 'rate',
      label: '满意率',
      value: total.visits ? rateOf(total.satisfied, total.visits) : null,
      kind: 'rate',
      previous: last.visits ? rateOf(last.satisfied, last.visits) : null,
    },
    { key: 'dissatisfied', label: '不满意', value: total.dissatisfied, kind: 'count', previous: last.dissatisfied },
    { key: 'spotChecks', label: '抽查回访', value: spotTotal.visits, kind: 'count', previous: lastSpot.visits },
    { key: 'proposals', label: '改进意见', value: proposals.length, kind: 'count', previous: lastProposals },
  ];

  return {
    columns: [
      { key: 'department', label: '处理部门' },
      { key: 'category', label: '报事类别' },
      { key: 'visits', label: '回访数', kind: 'count' },
      { key: 'satisfied', label: '满意', kind: 'count' },
      { key: 'neutral', label: '一般', kind: 'count' },
      { key: 'dissatisfied', label: '不满意', kind: 'count' },
      { key: 'rate', label: '满意率', kind: 'rate' },
      { key: 'average', label: '平均分', kind: 'score' },
    ],
    rows,
    totals: {
      department: '合计',
      category: '',
      visits: total.visits,
      satisfied: total.satisfied,
      neutral: total.visits - total.satisfied - total.dissatisfied,
      dissatisfied: total.dissatisfied,
      rate: rateOf(total.satisfied, total.visits),
      average: average(total),
    },
    headlines,
    notes: [
      `${monthLabel(filters.period)}（${bounds.firstDay} 至 ${bounds.lastDay}，北京时间）。`,
      ...VISIT_FEEDBACK_NOTES,
    ],
    sections: [
      {
        key: 'visits',
        title: '回访意见（不满意的在前）',
        columns: [
          { key: 'number', label: '报事单号' },
          { key: 'unit', label: '房屋' },
          { key: 'category', label: '报事类别' },
          { key: 'department', label: '处理部门' },
          { key: 'visitor', label: '回访人' },
          { key: 'satisfaction', label: '回访结果' },
          { key: 'feedback', label: '业主意见' },
          { key: 'day', label: '回访日期', kind: 'day' },
        ],
        rows: visitList.map((r) => ({
          id: num(r.id),
          number: String(r.number),
          unit: r.unit === null || r.unit === undefined ? '' : String(r.unit),
          category: categoryName(r.category),
          department: departmentName(r.departmentId),
          visitor: staffName(r.visitorId),
          satisfaction: scoreText(r.satisfaction),
          feedback: r.feedback === null || r.feedback === undefined ? '' : String(r.feedback),
          day: shanghaiDay(storedMoment(r.visitedAt)!),
        })),
        note:
          total.visits > VISIT_LIST_LIMIT
            ? `共 ${total.visits} 次回访，列出前 ${VISIT_LIST_LIMIT} 次（不满意的在前，再按回访时间）。`
            : `共 ${total.visits} 次回访。`,
      },
      {
        key: 'spotChecks',
        title: '抽查回访（按处理部门）',
        columns: [
          { key: 'department', label: '处理部门' },
          { key: 'checks', label: '抽查数', kind: 'count' },
          { key: 'dissatisfied', label: '不满意', kind: 'count' },
          { key: 'findings', label: '有抽查结果', kind: 'count' },
          { key: 'average', label: '平均分', kind: 'score' },
        ],
        rows: spotGroups
          .map((r) => {
            const c = countsOf(r);
            return {
              department: departmentName(r.department),
              checks: c.visits,
              dissatisfied: c.dissatisfied,
              findings: num(r.findings),
              average: average(c),
            };
          })
          .sort((a, b) => b.checks - a.checks),
        totals: {
          department: '合计',
          checks: spotTotal.visits,
          dissatisfied: spotTotal.dissatisfied,
          findings: spotGroups.reduce((a, r) => a + num(r.findings), 0),
          average: average(spotTotal),
        },
      },
      {
        key: 'spotCheckFindings',
        title: '抽查结果',
        columns: [
          { key: 'department', label: '处理部门' },
          { key: 'number', label: '报事单号' },
          { key: 'visitor', label: '抽查人' },
          { key: 'satisfaction', label: '回访结果' },
          { key: 'finding', label: '抽查结果' },
          { key: 'day', label: '抽查日期', kind: 'day' },
        ],
        rows: findings.map((r) => ({
          id: num(r.id),
          department: departmentName(r.departmentId),
          number: String(r.number),
          visitor: staffName(r.visitorId),
          satisfaction: scoreText(r.satisfaction),
          finding: r.finding === null || r.finding === undefined ? '' : String(r.finding),
          day: shanghaiDay(storedMoment(r.visitedAt)!),
        })),
        note:
          spotTotal.visits > FINDING_LIST_LIMIT
            ? `共 ${spotTotal.visits} 次抽查，列出前 ${FINDING_LIST_LIMIT} 次。`
            : `共 ${spotTotal.visits} 次抽查。`,
      },
      {
        key: 'proposals',
        title: '改进意见',
        columns: [
          { key: 'department', label: '相关部门' },
          { key: 'category', label: '报事类别' },
          { key: 'finding', label: '问题' },
          { key: 'proposal', label: '改进意见' },
          { key: 'proposer', label: '提出人' },
          { key: 'status', label: '状态' },
          { key: 'followUpNote', label: '跟踪落实情况' },
        ],
        rows: proposals.map((r) => ({
          id: num(r.id),
          href: `/admin/resources/ImprovementProposal/records/${num(r.id)}/show`,
          department: departmentName(r.departmentId),
          category: categoryName(r.category),
          finding: String(r.finding ?? ''),
          proposal: String(r.proposal ?? ''),
          proposer: staffName(r.proposerId),
          status: codeLabel(PROPOSAL, 'status', String(r.status)),
          followUpNote: r.followUpNote === null || r.followUpNote === undefined ? '' : String(r.followUpNote),
        })),
        note: `${monthLabel(filters.period)}的改进意见共 ${proposals.length} 条（${IMPROVEMENT_PROPOSAL_STATUSES.map(
          (s) => `${codeLabel(PROPOSAL, 'status', s)} ${proposals.filter((r) => r.status === s).length}`,
        ).join('，')}）。`,
      },
    ],
    charts: [
      {
        kind: 'bar',
        title: '各部门回访满意率',
        labels: chartDepartments.map(([name]) => name),
        series: [{ name: '满意率', values: chartDepartments.map(([, c]) => rateOf(c.satisfied, c.visits)) }],
        valueKind: 'rate',
      },
      {
        kind: 'bar',
        title: '各部门回访结果',
        labels: chartDepartments.map(([name]) => name),
        series: [
          { name: '满意', values: chartDepartments.map(([, c]) => c.satisfied) },
          { name: '一般', values: chartDepartments.map(([, c]) => c.visits - c.satisfied - c.dissatisfied) },
          { name: '不满意', values: chartDepartments.map(([, c]) => c.dissatisfied) },
        ],
        valueKind: 'count',
      },
    ],
  };
}

export const visitFeedbackReport: ReportDefinition = {
  name: 'visitFeedback',
  title: '回访意见汇总',
  clause: '协调员 职权4',
  filters: ['community', 'department', 'staff'],
  run: (filters) => visitFeedback(filters),
  links: (filters) => [
    {
      label: '记录改进意见',
      href: `/admin/resources/ImprovementProposal/actions/new?period=${encodeURIComponent(filters.period)}`,
      action: 'ImprovementProposal.new',
    },
  ],
};
