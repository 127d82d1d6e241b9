// A report as an .xlsx workbook: a 概览 sheet (the headline figures beside last period's, the notes), then the main
// table and each section on a sheet of its own — Chinese headers, money in yuan (0.00), rates as percentages.
import { workbook, type Sheet, type SheetCell } from '../../lib/spreadsheet.js';
import { cellValue, numericKinds, type ValueKind } from '../../lib/report-values.js';
import type { ReportColumn, ReportRow } from '../../domain/reports/report.js';
import type { ReportAnswer } from '../../api/reports.js';

const FORMATS: Partial<Record<ValueKind, string>> = {
  money: '#,##0.00',
  rate: '0.0%',
  count: '#,##0',
  days: '0.0',
  hours: '0.0',
  score: '0.00',
};

function cell(value: unknown, kind: ValueKind = 'text', bold = false): SheetCell {
  return { value: cellValue(value, kind), numFmt: FORMATS[kind], bold };
}

function headerOf(column: ReportColumn): string {
  return column.kind === 'money' ? `${column.label}（元）` : column.label;
}

function tableSheet(
  name: string,
  title: string,
  columns: ReportColumn[],
  rows: ReportRow[],
  totals?: ReportRow,
): Sheet {
  const lines = rows.map((row) => columns.map((column) => cell(row[column.key], column.kind)));
  if (totals && Object.keys(totals).length > 0) {
    lines.push(
      columns.map((column, i) =>
        column.key in totals
          ? cell(totals[column.key], column.kind, true)
          : { value: i === 0 ? '合计' : null, bold: true },
      ),
    );
  }
  return {
    name,
    title,
    columns: columns.map((column) => ({
      header: headerOf(column),
      width: numericKinds.has(column.kind ?? 'text') ? 14 : Math.min(40, Math.max(10, column.label.length * 2 + 4)),
    })),
    rows: lines,
  };
}

/** '2026年11月 · 翠湖花园 1栋' — what the figures cover. */
export function scopeOf(answer: ReportAnswer): string {
  const [year, month] = answer.filters.period.split('-');
  return [`${year}年${Number(month)}月`, ...Object.values(answer.filterNames ?? {})].join(' · ');
}

export async function reportWorkbook(answer: ReportAnswer): Promise<Buffer> {
  const heading = `${answer.report.title}（${scopeOf(answer)}）`;
  const overview: Sheet = {
    name: '概览',
    title: heading,
    columns: [
      { header: '项目', width: 28 },
      { header: '本期', width: 18 },
      { header: '上期', width: 18 },
    ],
    rows: [
      ...(answer.headlines ?? []).map((h) => [
        h.label,
        cell(h.value, h.kind ?? 'count'),
        h.previous === undefined ? null : cell(h.previous, h.kind ?? 'count'),
      ]),
      ...Object.entries(answer.totals)
        .filter(([key]) => !(answer.headlines ?? []).some((h) => h.key === key))
        .map(([key, value]) => {
          const column = answer.columns.find((c) => c.key === key);
          return [
            column?.label ?? key,
            cell(value, column?.kind ?? (typeof value === 'number' ? 'count' : 'text')),
            null,
          ];
        }),
      ...(answer.notes ?? []).map((note) => [{ value: note }, null, null]),
      [{ value: `依据：${answer.report.clause}` }, null, null],
    ],
  };
  const sheets = [
    overview,
    tableSheet(answer.report.title, heading, answer.columns, answer.rows, answer.totals),
    ...(answer.sections ?? []).map((section) =>
      tableSheet(
        section.title,
        `${section.title}（${scopeOf(answer)}）`,
        section.columns,
        section.rows,
        section.totals,
      ),
    ),
  ];
  // Sheet names are unique and at most 31 characters in Excel.
  const seen = new Set<string>();
  for (const sheet of sheets) {
    let name = sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28);
    for (let n = 2; seen.has(name); n++) name = `${name.slice(0, 26)}${n}`;
    seen.add(name);
    sheet.name = name;
  }
  return workbook(sheets);
}
