// 决策日志 and 操作日志 in words: actions and resources by their Chinese names, a line's record by its title, and an audit
// line's changes as rows of field → before → after, each value as the record's own screen shows it (states and kinds
// by their labels, money in yuan, a person by name, times in Shanghai). Codes stay for the 「技术信息」 section only.
import type AdminJS from 'adminjs';
import type { BaseResource, PropertyDecorator } from 'adminjs';
import { resourceLabel as labelOfResource, ACTION_LABELS, RESOURCE_LABELS, actionLabel } from '../rules/catalogue.js';
import { formatFen } from '../lib/money.js';
import { shanghaiDay } from '../lib/shanghai.js';
import { locale } from './locale/index.js';
import { Components } from './components/index.js';

/** Logged actions that are not in the catalogue (steps inside another action), by name. */
const LOGGED_ONLY_ACTIONS: Record<string, string> = {
  'Staff.proposePosition': '提出拟任岗位（员工）',
  'Staff.appointFirstDirector': '任命首任管理处主任（员工）',
};

/** Fields that never carry their value into the log, by name. */
const SECRET_FIELDS: Record<string, string> = { passwordHash: '密码' };

export function loggedActionLabel(action: string): string {
  return LOGGED_ONLY_ACTIONS[action] ?? actionLabel(action);
}

export function resourceLabel(resource: string): string {
  return labelOfResource(resource);
}

/** The choices of a log's 操作 filter: every catalogued action (and the logged-only ones), in Chinese. */
export function actionChoices(): { value: string; label: string }[] {
  return Object.entries({ ...ACTION_LABELS, ...LOGGED_ONLY_ACTIONS })
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

export function resourceChoices(): { value: string; label: string }[] {
  return Object.entries(RESOURCE_LABELS).map(([value, label]) => ({ value, label }));
}

type Translations = Record<string, { properties?: Record<string, string>; labels?: Record<string, string> }>;
const zh = () => (locale.translations['zh-CN'] as { resources?: Translations }).resources ?? {};

function translated(resource: string, key: string): string | undefined {
  const entry = zh()[resource];
  return entry?.labels?.[key] ?? entry?.properties?.[key];
}

function findResource(admin: AdminJS, id: string): BaseResource | null {
  try {
    return admin.findResource(id);
  } catch {
    return null;
  }
}

/** Titles of records of one resource, one query for all of them; an id no longer found is left out. */
async function titlesOf(admin: AdminJS, resourceId: string, ids: string[]): Promise<Map<string, string>> {
  const resource = findResource(admin, resourceId);
  const wanted = [...new Set(ids.filter((id) => /^\d+$/.test(id)))];
  if (!resource || wanted.length === 0) return new Map();
  const records = await resource.findMany(wanted);
  return new Map(records.map((record) => [String(record.id()), record.title()]));
}

/** Which records' titles a batch of lines needs: resource → ids. */
export class TitleBook {
  private wanted = new Map<string, Set<string>>();
  private found = new Map<string, Map<string, string>>();

  want(resource: string | null | undefined, id: unknown) {
    if (!resource || id === null || id === undefined || id === '') return;
    const ids = this.wanted.get(resource) ?? new Set<string>();
    ids.add(String(id));
    this.wanted.set(resource, ids);
  }

  async load(admin: AdminJS) {
    for (const [resource, ids] of this.wanted) this.found.set(resource, await titlesOf(admin, resource, [...ids]));
  }

  title(resource: string | null | undefined, id: unknown): string | undefined {
    if (!resource || id === null || id === undefined) return undefined;
    return this.found.get(resource)?.get(String(id));
  }
}

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
}

const EMPTY = '（空）';
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function moment(value: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  const clock = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  return `${shanghaiDay(at)} ${clock}`;
}

const isMoney = (property: PropertyDecorator | null) => {
  const components = property?.options?.components as Record<string, unknown> | undefined;
  return Boolean(components && (components.show === Components.MoneyShow || components.list === Components.MoneyList));
};

function propertyOf(admin: AdminJS, resourceId: string, field: string): PropertyDecorator | null {
  const resource = findResource(admin, resourceId);
  if (!resource) return null;
  try {
    return resource.decorate().getPropertyByKey(field) ?? null;
  } catch {
    return null;
  }
}

/** One value as the record's own screen shows it. */
function shown(
  admin: AdminJS,
  titles: TitleBook,
  resourceId: string,
  field: string,
  value: unknown,
  property: PropertyDecorator | null,
): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (SECRET_FIELDS[field]) return '（已修改）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const reference = property?.referenceName();
  if (reference) return titles.title(reference, value) ?? `${resourceLabel(reference)} ${String(value)}`;
  if (isMoney(property) && (typeof value === 'number' || /^-?\d+$/.test(String(value)))) return formatFen(value);
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  const coded = translated(resourceId, `${field}.${text}`);
  if (coded) return coded;
  const option = property?.availableValues()?.find((o) => String(o.value) === text);
  if (option?.label && option.label !== text) return option.label;
  if (ISO_MOMENT.test(text)) return moment(text);
  if (property?.type() === 'boolean' && (text === 'true' || text === 'false')) return text === 'true' ? '是' : '否';
  return text;
}

type Changes = Record<string, readonly [unknown, unknown]>;

/** Asks the title book for every reference a line's changes hold, before the rows are written. */
export function wantReferences(admin: AdminJS, titles: TitleBook, resourceId: string, changes: Changes | null) {
  for (const [field, pair] of Object.entries(changes ?? {})) {
    const reference = propertyOf(admin, resourceId, field)?.referenceName();
    if (reference && Array.isArray(pair)) for (const value of pair) titles.want(reference, value);
  }
}

/** A line's changes as rows: the field's Chinese label, and each value in words. */
export function changeRows(
  admin: AdminJS,
  titles: TitleBook,
  resourceId: string,
  changes: Changes | null,
): ChangeRow[] {
  // A step names the fields it sets; one it set to what it already was (the same department) is no change.
  const changed = Object.entries(changes ?? {}).filter(
    ([field, pair]) =>
      SECRET_FIELDS[field] ||
      !Array.isArray(pair) ||
      JSON.stringify(pair[0] ?? null) !== JSON.stringify(pair[1] ?? null),
  );
  return changed.map(([field, pair]) => {
    const property = propertyOf(admin, resourceId, field);
    const [before, after] = Array.isArray(pair) ? pair : [null, pair];
    const label = SECRET_FIELDS[field] ?? translated(resourceId, field) ?? field;
    return {
      field: label,
      before: shown(admin, titles, resourceId, field, before, property),
      after: shown(admin, titles, resourceId, field, after, property),
    };
  });
}
