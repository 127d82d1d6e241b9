// The 报表 group of the menu: each report is an AdminJS resource of its own, with no rows — its list page is the
// report page (ReportPage draws any report from GET /api/reports/<name>). The menu entry shows exactly when the
// rules allow `Report.<name>` (AdminJS leaves a resource without an accessible list out of the sidebar).
import { BaseProperty, BaseResource, type BaseRecord, type ResourceWithOptions } from 'adminjs';
import { REPORTS } from '../../domain/reports/index.js';
import type { ReportDefinition } from '../../domain/reports/report.js';
import { reportAction } from '../../rules/catalogue.js';
import { reportResourceId } from '../../lib/report-values.js';
import { decideFor } from '../access.js';
import { Components } from '../components/index.js';
import { navigation } from '../navigation.js';

class ReportResource extends BaseResource {
  private readonly idProperty = new BaseProperty({ path: 'id', type: 'string', isId: true });

  constructor(private readonly report: ReportDefinition) {
    super(report);
  }

  databaseName() {
    return '报表';
  }

  databaseType() {
    return 'other';
  }

  id() {
    return reportResourceId(this.report.name);
  }

  properties() {
    return [this.idProperty];
  }

  property(path: string) {
    return path === 'id' ? this.idProperty : null;
  }

  async count() {
    return 0;
  }

  async find(): Promise<BaseRecord[]> {
    return [];
  }

  async findOne(): Promise<BaseRecord | null> {
    return null;
  }

  async findMany(): Promise<BaseRecord[]> {
    return [];
  }

  async create(): Promise<Record<string, unknown>> {
    throw new Error('a report has no records');
  }

  async update(): Promise<Record<string, unknown>> {
    throw new Error('a report has no records');
  }

  async delete(): Promise<void> {
    throw new Error('a report has no records');
  }
}

const never = { isAccessible: false, isVisible: false };

export function reportResources(): ResourceWithOptions[] {
  return REPORTS.map((report) => {
    const action = reportAction(report.name);
    return {
      resource: new ReportResource(report),
      options: {
        navigation: navigation.reports,
        actions: {
          list: {
            component: Components.ReportPage,
            showFilter: false,
            isAccessible: ({ currentAdmin }) => decideFor(currentAdmin, action).allowed,
            // The page reads its figures from /api/reports/<name>, which decides and logs each reading.
            handler: async () => ({ records: [], meta: { total: 0, perPage: 0, page: 1 } }),
            custom: { report: report.name, title: report.title, clause: report.clause, filters: report.filters },
          },
          search: never,
          show: never,
          new: never,
          edit: never,
          delete: never,
          bulkDelete: never,
        },
      },
    };
  });
}
