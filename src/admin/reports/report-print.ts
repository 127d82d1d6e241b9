// GET /admin/print/Report/<name>?period=… — a report on paper (A4): the headline figures beside last period's, the
// charts, the main table with its totals, each section, the notes, and who printed it. Decided like the page.
import { Router, type Request, type Response } from 'express';
import { chartSvg } from '../../lib/report-chart.js';
import { formatValue, numericKinds } from '../../lib/report-values.js';
import { AppError } from '../../errors.js';
import type { ReportColumn, ReportRow } from '../../domain/reports/report.js';
import { answerReport, authorizeReport, reportFilters, type ReportAnswer } from '../../api/reports.js';
import { Html, OFFICE_NAME, html, messagePage, page, shanghaiMinute } from '../print/html.js';
import { scopeOf } from './report-workbook.js';

function table(columns: ReportColumn[], rows: ReportRow[], totals?: ReportRow): Html {
  const numeric = (column: ReportColumn) =>
    numericKinds.has(column.kind ?? 'text') ? ' class="count"' : column.kind === 'day' ? ' class="day"' : '';
  const cells = (row: ReportRow) =>
    columns.map(
      (column) => new Html(`<td${numeric(column)}>${html`${formatValue(row[column.key], column.kind)}`}</td>`),
    );
  const totalRow =
    totals && Object.keys(totals).length > 0
      ? new Html(
          `<tr class="total">${columns
            .map((column, i) =>
              column.key in totals
                ? `<td${numeric(column)}>${html`${formatValue(totals[column.key], column.kind)}`}</td>`
                : `<td>${i === 0 ? '合计' : ''}</td>`,
            )
            .join('')}</tr>`,
        )
      : '';
  return html`<table class="lines report-table">
    <thead>
      <tr>
        ${columns.map((column) => new Html(`<th${numeric(column)}>${html`${column.label}`}</th>`))}
      </tr>
    </thead>
    <tbody>
      ${
        rows.length === 0
          ? html`<tr>
              <td colspan="${columns.length}">本期没有记录</td>
            </tr>`
          : ''
      }
      ${rows.map(
        (row) =>
          html`<tr>
            ${cells(row)}
          </tr>`,
      )}
      ${totalRow}
    </tbody>
  </table>`;
}

function headlines(answer: ReportAnswer): Html {
  if (!answer.headlines?.length) return html``;
  return html`<div class="report-headlines">
    ${answer.headlines.map(
      (h) =>
        html`<div class="headline">
          <div class="label">${h.label}</div>
          <div class="value">${formatValue(h.value, h.kind ?? 'count')}</div>
          ${h.previous === undefined ? '' : html`<div class="previous">上期 ${formatValue(h.previous, h.kind ?? 'count')}</div>`}
        </div>`,
    )}
  </div>`;
}

export function reportPrintBody(answer: ReportAnswer, printedBy: string, printedAt = new Date()): Html {
  return html`<header class="document-head report-head">
      <div class="office">${OFFICE_NAME}</div>
      <h1>${answer.report.title}</h1>
      <div class="scope">${scopeOf(answer)}</div>
    </header>
    ${headlines(answer)}
    <div class="report-charts">
      ${(answer.charts ?? []).map((chart) => html`<figure class="chart">${new Html(chartSvg(chart, 640, 240))}</figure>`)}
    </div>
    <section>
      <h2>${answer.report.title}</h2>
      ${table(answer.columns, answer.rows, answer.totals)}
    </section>
    ${(answer.sections ?? []).map(
      (section) =>
        html`<section>
          <h2>${section.title}</h2>
          ${table(section.columns, section.rows, section.totals)}
          ${section.note ? html`<p class="note">${section.note}</p>` : ''}
        </section>`,
    )}
    ${
      answer.notes?.length
        ? html`<ul class="notes">
            ${answer.notes.map((note) => html`<li>${note}</li>`)}
          </ul>`
        : ''
    }
    <footer class="report-footer">
      <span>依据：${answer.report.clause}</span>
      <span>制表：${printedBy} · ${shanghaiMinute(printedAt)}</span>
      <span>审核：＿＿＿＿＿＿</span>
    </footer>`;
}

function refuse(res: Response, error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const titles: Record<number, string> = { 401: '请先登录', 403: '没有权限', 404: '找不到报表', 422: '查询条件有误' };
  res
    .status(error.status)
    .type('html')
    .send(messagePage(titles[error.status] ?? '无法打印', error.message));
  return true;
}

export function reportPrintRouter(): Router {
  const router = Router();
  router.get('/:name', async (req: Request, res: Response, next) => {
    try {
      if (!req.actor) throw new AppError('unauthenticated', '请先登录后再打印报表', 401);
      const report = await authorizeReport(req.actor, req.params.name);
      const answer = await answerReport(req.actor, report, reportFilters(report, req.query));
      res.type('html').send(
        page({
          title: `${report.title}（${scopeOf(answer)}）`,
          paper: 'a4-portrait',
          body: reportPrintBody(answer, req.actor.name),
        }),
      );
    } catch (error) {
      if (!refuse(res, error)) next(error);
    }
  });
  return router;
}
