// What every report of the 报表 group is: a named, rule-decided question about one period (and optionally one
// community, building, department or staff member) whose answer is tables, totals, headline figures and charts.
// The report page, GET /api/reports/<name>, the .xlsx export and the print page all draw the same ReportResult.
import type { Actor } from '../../rules/actor.js';
import type { ValueKind } from '../../lib/report-values.js';
import type { ChartData } from '../../lib/report-chart.js';

export type { ValueKind };

/** The filters a report may offer; `period` ('YYYY-MM', Asia/Shanghai) is always there. */
export type ReportFilterName = 'community' | 'building' | 'department' | 'staff';

export interface ReportFilters {
  period: string;
  communityId?: number;
  buildingId?: number;
  departmentId?: number;
  staffId?: number;
}

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

/** A bar, line or pie chart (drawn by src/lib/report-chart.ts); valueKind says how its values read. */
export type ReportChart = ChartData;

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

/** A button of the report's page beside export and print: the 简报, 记录改进意见 … (shown when `action` is allowed). */
export interface ReportLink {
  label: string;
  href: string;
  /** The catalogue action the link's page is decided by; the button shows only when it is allowed. */
  action?: string;
  /** Opens in a new tab (print pages). */
  newTab?: boolean;
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
  /** Buttons of the page beyond export and print, for these filters. */
  links?(filters: ReportFilters): ReportLink[];
}
