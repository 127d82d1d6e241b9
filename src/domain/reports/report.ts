// What every report of the 报表 group is: a named, rule-decided question about one period (and optionally one
// community, building, department or staff member) whose answer is tables, totals, headline figures and charts.
// The report page, GET /api/reports/<name>, the .xlsx export and the print page all draw the same ReportResult.
import type { Actor } from '../../rules/actor.js';

/** The filters a report may offer; `period` ('YYYY-MM', Asia/Shanghai) is always there. */
export type ReportFilterName = 'community' | 'building' | 'department' | 'staff';

export interface ReportFilters {
  period: string;
  communityId?: number;
  buildingId?: number;
  departmentId?: number;
  staffId?: number;
}

/** How a value is written: money in fen (shown as yuan, two decimals), a rate 0–1 (shown as a percentage) … */
export type ValueKind = 'text' | 'count' | 'money' | 'rate' | 'days' | 'hours' | 'score' | 'day';

export interface ReportColumn {
  key: string;
  label: string;
  kind?: ValueKind;
}

export type ReportRow = Record<string, string | number | null>;

/** One table of a report: the main one is ReportResult.rows/columns, further sections go in `sections`. */
export interface ReportSection {
  key: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  totals?: ReportRow;
  /** A sentence under the table (what the figures mean, what was left out). */
  note?: string;
}

export interface ReportChart {
  kind: 'bar' | 'line' | 'pie';
  title: string;
  /** The x axis (or the slices of a pie). */
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
  /** How the values are written (a money chart shows yuan, a rate chart percentages). */
  valueKind?: ValueKind;
}

/** A figure at the top of the page, with last period's value beside it when there is one. */
export interface Headline {
  key: string;
  label: string;
  value: number | null;
  kind?: ValueKind;
  previous?: number | null;
}

export interface ReportResult {
  /** The main table. */
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The main table's totals (the contract: monthlyTickets carries `tickets`, collection `receivable`, `received`, `rate`). */
  totals: ReportRow;
  headlines?: Headline[];
  sections?: ReportSection[];
  charts?: ReportChart[];
  /** Sentences under the title: the period's bounds, what counts and what does not. */
  notes?: string[];
}

export interface ReportDefinition {
  /** `monthlyTickets` → the catalogue action `Report.monthlyTickets`, the API /api/reports/monthlyTickets. */
  name: string;
  title: string;
  /** The clause the report serves, for the page's header. */
  clause: string;
  /** Filters beyond the period the page offers. */
  filters: ReportFilterName[];
  /** Grouped SQL, never rows loaded into Node: every report answers in under a second on the large demo. */
  run(filters: ReportFilters, actor: Actor): Promise<ReportResult>;
}
