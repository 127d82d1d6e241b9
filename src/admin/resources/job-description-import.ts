// 组织与权限 → 导入岗位职务说明书: a resource with no rows whose list page is the import page (the upload, the preview
// and the confirmation all go through /api/job-descriptions, which decides `Position.import` itself). The menu entry
// shows exactly when the rules allow `Position.import`: AdminJS leaves a resource without an accessible list out of
// the sidebar.
import { BaseProperty, BaseResource, type BaseRecord, type ResourceWithOptions } from 'adminjs';
import { decideFor } from '../access.js';
import { Components } from '../components/index.js';
import { navigation } from '../navigation.js';

export const JOB_DESCRIPTION_IMPORT = 'JobDescriptionImport';
/** The rule action that decides the page (and the API behind it). */
export const IMPORT_ACTION = 'Position.import';

class ImportPageResource extends BaseResource {
  private readonly idProperty = new BaseProperty({ path: 'id', type: 'string', isId: true });

  constructor() {
    super(JOB_DESCRIPTION_IMPORT);
  }

  databaseName() {
    return '导入';
  }

  databaseType() {
    return 'other';
  }

  id() {
    return JOB_DESCRIPTION_IMPORT;
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
    throw new Error('the import page has no records');
  }

  async update(): Promise<Record<string, unknown>> {
    throw new Error('the import page has no records');
  }

  async delete(): Promise<void> {
    throw new Error('the import page has no records');
  }
}

const never = { isAccessible: false, isVisible: false };

export function jobDescriptionImportResource(): ResourceWithOptions {
  return {
    resource: new ImportPageResource(),
    options: {
      navigation: navigation.organisation,
      actions: {
        list: {
          component: Components.JobDescriptionImport,
          showFilter: false,
          isAccessible: ({ currentAdmin }) => decideFor(currentAdmin, IMPORT_ACTION).allowed,
          handler: async () => ({ records: [], meta: { total: 0, perPage: 0, page: 1 } }),
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
}
