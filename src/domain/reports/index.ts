// The 报表 group's reports, in the menu's order. Each is decided by its catalogue action `Report.<name>`.
import type { ReportDefinition } from './report.js';
import { collectionReport } from './collection.js';
import { arrearsAgeingReport } from './arrears-ageing.js';
import { dunningResultsReport } from './dunning-results.js';
import { depositsReportDefinition } from './deposits.js';
import { monthlyTicketsReport } from './monthly-tickets.js';
import { visitFeedbackReport } from './visit-feedback.js';
import { satisfaction } from './satisfaction.js';

export const REPORTS: ReportDefinition[] = [
  monthlyTicketsReport,
  visitFeedbackReport,
  collectionReport,
  arrearsAgeingReport,
  dunningResultsReport,
  depositsReportDefinition,
  satisfaction,
];

export function findReport(name: string): ReportDefinition | undefined {
  return REPORTS.find((report) => report.name === name);
}
