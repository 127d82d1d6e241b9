// The 报表 group's data (mounted under /api/reports), decided like the report pages — each report by its catalogue
// action `Report.<name>`, written to the decision log:
//   GET /api/reports                    the reports this person may read
//   GET /api/reports/options            what the filters offer (periods, communities, a community's buildings …)
//   GET /api/reports/<name>?period=YYYY-MM[&communityId=…&buildingId=…&departmentId=…&staffId=…]
//                                       { rows, totals, columns, headlines, sections, charts, notes, links, report }
//   GET /api/reports/<name>.xlsx?…      the same figures as a workbook
import { Router, type Request } from 'express';
import { Op } from 'sequelize';
import { Building, Community, Department, Staff } from '../models/index.js';
import { ValidationFailed, NotFound, ForbiddenByRule } from '../errors.js';
import { decide } from '../rules/decide.js';
import { logDecision } from '../rules/decision-log.js';
import { reportAction } from '../rules/catalogue.js';
import type { Actor } from '../rules/actor.js';
import { REPORTS, findReport } from '../domain/reports/index.js';
import { currentPeriod, isPeriod } from '../domain/reports/period.js';
import type { ReportDefinition, ReportFilters, ReportLink, ReportResult } from '../domain/reports/report.js';
import { periodChoices, reportResourceId } from '../lib/report-values.js';
import { deskCharts } from '../domain/reports/desk-charts.js';
import { reportWorkbook } from '../admin/reports/report-workbook.js';
import { isRecordId } from '../domain/input.js';
import { route } from './rule-changes.js';

const ID_FILTERS = {
  communityId: 'community',
  buildingId: 'building',
  departmentId: 'department',
  staffId: 'staff',
} as const;
const FILTER_WORDS: Record<string, string> = {
  communityId: '小区',
  buildingId: '楼栋',
  departmentId: '部门',
  staffId: '员工',
};

/** The filters of the query string a report offers; bad values are refused in Chinese, unknown ones ignored. */
export function reportFilters(report: ReportDefinition, query: Request['query']): ReportFilters {
  const errors: Record<string, string> = {};
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : undefined);
  const period = text('period') || currentPeriod();
  if (!isPeriod(period)) errors.period = '统计期间应为“年-月”，例如 2026-11';
  const filters: ReportFilters = { period };
  for (const [key, filter] of Object.entries(ID_FILTERS) as [keyof typeof ID_FILTERS, string][]) {
    const raw = text(key);
    if (raw === undefined || raw === '') continue;
    if (!isRecordId(raw) || Number(raw) < 1) {
      errors[key] = `${FILTER_WORDS[key]}应为记录编号（正整数）`;
      continue;
    }
    if ((report.filters as string[]).includes(filter)) filters[key] = Number(raw);
  }
  if (Object.keys(errors).length > 0) throw new ValidationFailed(Object.values(errors).join('；'), errors);
  return filters;
}

/** Decides `Report.<name>` for this person, writes the decision log, and refuses with the rule's reason. */
export async function authorizeReport(actor: Actor, name: string): Promise<ReportDefinition> {
  const report = findReport(name);
  if (!report) throw new NotFound(`没有名为“${name}”的报表`);
  const action = reportAction(name);
  const decision = decide(actor, action);
  await logDecision(actor, action, null, decision);
  if (!decision.allowed) throw new ForbiddenByRule(decision);
  return report;
}

/** The links the person may follow (the 简报, 记录改进意见 …). */
function linksFor(actor: Actor, report: ReportDefinition, filters: ReportFilters): ReportLink[] {
  return (report.links?.(filters) ?? []).filter((link) => !link.action || decide(actor, link.action).allowed);
}

export interface ReportAnswer extends ReportResult {
  report: { name: string; title: string; clause: string; filters: string[] };
  filters: ReportFilters;
  /** The chosen community, building … by name, for headings: { communityId: '翠湖花园' }. */
  filterNames: Record<string, string>;
  links: ReportLink[];
}

async function namesOf(filters: ReportFilters): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  const lookups = [
    ['communityId', Community],
    ['buildingId', Building],
    ['departmentId', Department],
    ['staffId', Staff],
  ] as const;
  for (const [key, model] of lookups) {
    const id = filters[key];
    if (!id) continue;
    const row = (await (model as typeof Community).findByPk(id, { attributes: ['name'] })) as { name: string } | null;
    if (!row) throw new NotFound(`${FILTER_WORDS[key]}不存在（编号 ${id}）`);
    names[key] = row.name;
  }
  return names;
}

export async function answerReport(
  actor: Actor,
  report: ReportDefinition,
  filters: ReportFilters,
): Promise<ReportAnswer> {
  const filterNames = await namesOf(filters);
  const result = await report.run(filters, actor);
  return {
    report: { name: report.name, title: report.title, clause: report.clause, filters: report.filters },
    filters,
    filterNames,
    ...result,
    links: linksFor(actor, report, filters),
  };
}

/** What the filters of a report page offer. Buildings only for a chosen community (the large office has 15,000). */
async function filterOptions(communityId: number | undefined) {
  const [communities, buildings, departments, staff] = await Promise.all([
    Community.findAll({ attributes: ['id', 'name'], order: [['name', 'ASC']], raw: true }),
    communityId
      ? Building.findAll({ attributes: ['id', 'name'], where: { communityId }, order: [['name', 'ASC']], raw: true })
      : Promise.resolve([]),
    Department.findAll({ attributes: ['id', 'name'], order: [['name', 'ASC']], raw: true }),
    Staff.findAll({
      attributes: ['id', 'name'],
      where: { enabled: true, departmentId: { [Op.ne]: null } },
      order: [['name', 'ASC']],
      raw: true,
    }),
  ]);
  return { periods: periodChoices(currentPeriod()), communities, buildings, departments, staff };
}

const readable = (actor: Actor) => REPORTS.filter((report) => decide(actor, reportAction(report.name)).allowed);

export function reportsRouter(): Router {
  const router = Router();
  router.get(
    '/',
    route(async (req, res) => {
      res.json(readable(req.actor!).map(({ name, title, clause, filters }) => ({ name, title, clause, filters })));
    }),
  );
  router.get(
    '/options',
    route(async (req, res) => {
      const actor = req.actor!;
      if (readable(actor).length === 0) throw new ForbiddenByRule({ reason: '您没有可查看的报表' });
      const raw = typeof req.query.communityId === 'string' ? req.query.communityId : '';
      res.json(await filterOptions(isRecordId(raw) && Number(raw) > 0 ? Number(raw) : undefined));
    }),
  );
  // 我的工作台's charts: each shown only to whoever may read the report it summarises.
  router.get(
    '/desk',
    route(async (req, res) => {
      const actor = req.actor!;
      const charts = await deskCharts(actor, (name) => decide(actor, reportAction(name)).allowed);
      res.json(charts.map((chart) => ({ ...chart, href: `/admin/resources/${reportResourceId(chart.report)}` })));
    }),
  );
  router.get(
    '/:name.xlsx',
    route(async (req, res) => {
      const report = await authorizeReport(req.actor!, req.params.name);
      const answer = await answerReport(req.actor!, report, reportFilters(report, req.query));
      const file = `${report.title}-${answer.filters.period}.xlsx`;
      res
        .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .set(
          'Content-Disposition',
          `attachment; filename="report-${report.name}-${answer.filters.period}.xlsx"; filename*=UTF-8''${encodeURIComponent(file)}`,
        )
        .send(await reportWorkbook(answer));
    }),
  );
  router.get(
    '/:name',
    route(async (req, res) => {
      const report = await authorizeReport(req.actor!, req.params.name);
      res.json(await answerReport(req.actor!, report, reportFilters(report, req.query)));
    }),
  );
  return router;
}
