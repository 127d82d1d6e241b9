// A menu entry whose page is a component of its own (a report, the job-description import): an AdminJS resource
// with no rows, whose list page is the component. The entry shows exactly when the rules allow `action`, since AdminJS
// leaves a resource without an accessible list out of the sidebar; the page's own API decides again.
import {
  BaseProperty,
  BaseResource,
  type ActionContext,
  type BaseRecord,
  type ResourceOptions,
  type ResourceWithOptions,
} from 'adminjs';
import { decideFor } from './access.js';

class PageResource extends BaseResource {
  private readonly idProperty = new BaseProperty({ path: 'id', type: 'string', isId: true });

  constructor(
    private readonly resourceId: string,
    private readonly group: string,
  ) {
    super(resourceId);
  }

  databaseName() {
    return this.group;
  }

  databaseType() {
    return 'other';
  }

  id() {
    return this.resourceId;
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
    throw new Error(`${this.resourceId} has no records`);
  }

  async update(): Promise<Record<string, unknown>> {
    throw new Error(`${this.resourceId} has no records`);
  }

  async delete(): Promise<void> {
    throw new Error(`${this.resourceId} has no records`);
  }
}

const never = { isAccessible: false, isVisible: false };

export interface PageResourceOptions {
  id: string;
  /** The group AdminJS would name after the adapter (never shown: the navigation names the group). */
  group: string;
  navigation: ResourceOptions['navigation'];
  component: string;
  /** The rule action deciding who sees the entry and the page. */
  action: string;
  /** What the component reads from its action (`custom`). */
  custom?: Record<string, unknown>;
}

export function pageResource(options: PageResourceOptions): ResourceWithOptions {
  return {
    resource: new PageResource(options.id, options.group),
    options: {
      navigation: options.navigation,
      actions: {
        list: {
          component: options.component,
          showFilter: false,
          isAccessible: ({ currentAdmin }: ActionContext) => decideFor(currentAdmin, options.action).allowed,
          handler: async () => ({ records: [], meta: { total: 0, perPage: 0, page: 1 } }),
          ...(options.custom ? { custom: options.custom } : {}),
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
