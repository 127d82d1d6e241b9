// 组织与权限 → 导入岗位职务说明书: a resource with no rows whose list page is the import page (the upload, the preview
// and the confirmation all go through /api/job-descriptions, which decides `Position.import` itself). The menu entry
// shows exactly when the rules allow `Position.import`: AdminJS leaves a resource without an accessible list out of
// the sidebar.
import type { ResourceWithOptions } from 'adminjs';
import { pageResource } from '../page-resource.js';
import { Components } from '../components/index.js';
import { navigation } from '../navigation.js';

export const JOB_DESCRIPTION_IMPORT = 'JobDescriptionImport';
/** The rule action that decides the page (and the API behind it). */
export const IMPORT_ACTION = 'Position.import';

export function jobDescriptionImportResource(): ResourceWithOptions {
  return pageResource({
    id: JOB_DESCRIPTION_IMPORT,
    group: '导入',
    navigation: navigation.organisation,
    component: Components.JobDescriptionImport,
    action: IMPORT_ACTION,
  });
}
