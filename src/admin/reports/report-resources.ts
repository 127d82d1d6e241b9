// The 报表 group of the menu: each report is an AdminJS resource of its own, with no rows — its list page is the
// report page (ReportPage draws any report from GET /api/reports/<name>). The menu entry shows exactly when the
// rules allow `Report.<name>` (AdminJS leaves a resource without an accessible list out of the sidebar).
import type { ResourceWithOptions } from 'adminjs';
import { REPORTS } from '../../domain/reports/index.js';
import { reportAction } from '../../rules/catalogue.js';
import { reportResourceId } from '../../lib/report-values.js';
import { pageResource } from '../page-resource.js';
import { Components } from '../components/index.js';
import { navigation } from '../navigation.js';

export function reportResources(): ResourceWithOptions[] {
  return REPORTS.map((report) =>
    // The page reads its figures from /api/reports/<name>, which decides and logs each reading.
    pageResource({
      id: reportResourceId(report.name),
      group: '报表',
      navigation: navigation.reports,
      component: Components.ReportPage,
      action: reportAction(report.name),
      custom: { report: report.name, title: report.title, clause: report.clause, filters: report.filters },
    }),
  );
}
