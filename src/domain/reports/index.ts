// The 报表 group's reports, in the menu's order. Each is decided by its catalogue action `Report.<name>`.
import type { ReportDefinition } from './report.js';

export const REPORTS: ReportDefinition[] = [];

export function findReport(name: string): ReportDefinition | undefined {
  return REPORTS.find((report) => report.name === name);
}
