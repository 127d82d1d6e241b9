// GET <admin>/print/Report/monthlyTickets/brief?period=YYYY-MM[&communityId=…&buildingId=…&departmentId=…] — the
// 简报 of 月度报事统计: one A4 page with the month's headline figures beside last month's, the five largest categories
// and departments, and the overdue tickets — what the assistant hands to the bulletin (助理 职责4). Decided like the
// report (Report.monthlyTickets, written to the decision log): 401 without a session, 403 with the rule's reason.
import { Router, type Response } from 'express';
import { ForbiddenByRule, NotFound, ValidationFailed } from '../../errors.js';
import { authorizeReport, reportFilters } from '../../api/reports.js';
import { monthlyTickets } from '../../domain/reports/monthly-tickets.js';
import type { ReportFilters, ReportRow, ReportSection } from '../../domain/reports/report.js';
import { formatValue, type ValueKind } from '../../lib/report-values.js';
import { monthLabel } from '../../lib/shanghai.js';
import { Building, Community, Department } from '../../models/index.js';
import { html, messagePage, OFFICE_NAME, page, shanghaiMinute } from './html.js';

const TOP = 5;
/** As many overdue tickets as fit on the page under the rest. */
const OVERDUE_ON_PAGE = 15;

function answer(res: Response, status: number, body: string) {
  res.status(status).type('text/html; charset=utf-8').set('Cache-Control', 'private, no-store').send(body);
}

/** 翠湖花园 3栋 · 工程部: the filters by name, for the heading. */
async function scopeText(filters: ReportFilters): Promise<string> {
  const parts: string[] = [];
  if (filters.communityId)
    parts.push((await Community.findByPk(filters.communityId, { attributes: ['name'] }))?.name ?? '');
  if (filters.buildingId)
    parts.push((await Building.findByPk(filters.buildingId, { attributes: ['name'] }))?.name ?? '');
  if (filters.departmentId)
    parts.push((await Department.findByPk(filters.departmentId, { attributes: ['name'] }))?.name ?? '');
  return parts.filter(Boolean).join(' · ') || '全部小区';
}

const cell = (value: unknown, kind?: ValueKind) => formatValue(value, kind);

function table(columns: { key: string; label: string; kind?: ValueKind }[], rows: ReportRow[], cls = 'lines') {
  return html`<table class="${cls}">
    <thead>
      <tr>
        ${columns.map((c) => html`<th>${c.label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${columns.map(
              (c) =>
                html`<td class="${c.kind && c.kind !== 'text' && c.kind !== 'day' ? 'count' : ''}">
                  ${cell(row[c.key], c.kind)}
                </td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export async function briefPage(filters: ReportFilters, now = new Date()): Promise<string> {
  const [result, scope] = await Promise.all([monthlyTickets(filters, now), scopeText(filters)]);
  const section = (key: string) => result.sections?.find((s) => s.key === key) as ReportSection;
  const categories = [...result.rows].sort((a, b) => Number(b.tickets) - Number(a.tickets)).slice(0, TOP);
  const departments = section('departments').rows.slice(0, TOP);
  const overdue = section('overdue');
  const overdueTotal = Number(result.totals.overdue ?? 0);
  const headlineRows = (result.headlines ?? []).map((h) => ({
    label: h.label,
    value: cell(h.value, h.kind),
    previous: cell(h.previous, h.kind),
  }));
  const period = monthLabel(filters.period);
  const body = html`<header class="document-head">
      <div class="office">${OFFICE_NAME}</div>
      <h1>${period}报事简报</h1>
      <div class="number">${scope}</div>
    </header>
    <h2>一、主要数字</h2>
    ${table(
      [
        { key: 'label', label: '项目' },
        { key: 'value', label: '本月' },
        { key: 'previous', label: '上月' },
      ],
      headlineRows,
      'lines headlines',
    )}
    <h2>二、报事类别（前 ${TOP} 位）</h2>
    ${table(
      result.columns.filter((c) => ['category', 'tickets', 'completed', 'overdue', 'share'].includes(c.key)),
      categories,
    )}
    <h2>三、处理部门（前 ${TOP} 位）</h2>
    ${table(
      section('departments').columns.filter((c) =>
        ['department', 'tickets', 'completed', 'onTimeRate', 'overdue', 'averageHours'].includes(c.key),
      ),
      departments,
    )}
    <h2>四、逾期报事（共 ${overdueTotal} 单）</h2>
    ${
      overdue.rows.length === 0
        ? html`<p class="empty">本月没有逾期报事。</p>`
        : table(
            overdue.columns.filter((c) => c.key !== 'title'),
            overdue.rows.slice(0, OVERDUE_ON_PAGE),
          )
    }
    ${
      overdueTotal > OVERDUE_ON_PAGE
        ? html`<p class="note">只列出要求完成时间最早的 ${OVERDUE_ON_PAGE} 单，其余见“月度报事统计”报表。</p>`
        : ''
    }
    <p class="note">${(result.notes ?? []).slice(1, 3).join(' ')} 打印时间：${shanghaiMinute(now)}。</p>`;
  return page({ title: `${period}报事简报`, paper: 'a4-portrait', body });
}

export function reportBriefRouter(): Router {
  const router = Router();
  router.get('/monthlyTickets/brief', async (req, res, next) => {
    try {
      if (!req.actor) return answer(res, 401, messagePage('请先登录', '打印页面需要登录后才能打开。'));
      const report = await authorizeReport(req.actor, 'monthlyTickets');
      const filters = reportFilters(report, req.query);
      answer(res, 200, await briefPage(filters));
    } catch (error) {
      if (error instanceof ForbiddenByRule)
        return answer(res, 403, messagePage('没有权限', `您没有权限打印报事简报：${error.message}`));
      if (error instanceof ValidationFailed) return answer(res, 400, messagePage('无法打印', error.message));
      if (error instanceof NotFound) return answer(res, 404, messagePage('找不到', error.message));
      next(error);
    }
  });
  return router;
}
