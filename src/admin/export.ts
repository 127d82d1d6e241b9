// GET <admin>/export/<Resource>.xlsx?<the list's own query: filters.*, sortBy, direction> — the list as a spreadsheet:
// exactly the rows that list shows with that query, all its pages, in its order, with the columns it shows.
//
// The rows go through the list's own machinery: AdminJS's Filter from the query, the resource's find() (the adapter's:
// the product's condition and text filters, the shown sort with its tie-breaks, the titles), the references the
// columns show fetched as AdminJS's populator fetches them, and the list action's after hooks (computed columns such
// as 逾期, the words of the rule studio's lists, references the person may not read reduced to their titles, internal
// codes stripped). Only the row buttons are left out: an export has none. Rows are read 2,000 at a time and streamed
// into the workbook (exceljs's streaming writer), so a large export holds one batch in memory, not the whole list.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Router, type Response } from 'express';
import AdminJS, {
  Filter,
  ViewHelpers,
  flat,
  populateProperty,
  SortSetter,
  type ActionContext,
  type ActionRequest,
  type BaseRecord,
  type BaseResource,
  type CurrentAdmin,
  type PropertyDecorator,
  type RecordJSON,
} from 'adminjs';
import type { Actor } from '../rules/actor.js';
import { RESOURCES, RESOURCE_LABELS, type ResourceId } from '../rules/catalogue.js';
import { decide } from '../rules/decide.js';
import type { Decision } from '../rules/decision.js';
import { logDecision } from '../rules/decision-log.js';
import { fieldLabel } from './locale/index.js';
import { Components } from './components/index.js';
import { shanghaiDay } from '../lib/shanghai.js';

/** Rows read from the database per query. */
export const EXPORT_BATCH = 2_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export const exportAction = (resourceId: string) => `${resourceId}.export`;

/** How one column of the list turns into a cell. */
interface Column {
  path: string;
  header: string;
  kind: 'money' | 'number' | 'datetime' | 'date' | 'boolean' | 'reference' | 'choice' | 'text';
  /** Value → its Chinese label, for a choice column. */
  choices?: Map<string, string>;
  width: number;
}

function columnsOf(resource: BaseResource): Column[] {
  const resourceId = resource.id();
  return resource
    .decorate()
    .getListProperties()
    .map((property: PropertyDecorator) => {
      const path = property.propertyPath;
      const header = labelOf(resourceId, path, property);
      const type = property.type();
      const listComponent = (property.options.components as { list?: string } | undefined)?.list;
      let kind: Column['kind'] = 'text';
      if (listComponent && listComponent === Components.MoneyList) kind = 'money';
      else if (property.reference()) kind = 'reference';
      else if (property.availableValues()?.length) kind = 'choice';
      else if (type === 'boolean') kind = 'boolean';
      else if (type === 'datetime') kind = 'datetime';
      else if (type === 'date') kind = 'date';
      else if (type === 'number' || type === 'float' || type === 'currency') kind = 'number';
      const choices =
        kind === 'choice'
          ? new Map(
              (property.availableValues() ?? []).map(({ value, label }) => {
                const worded = fieldLabel(resourceId, `${path}.${value}`);
                return [String(value), worded !== `${path}.${value}` ? worded : String(label ?? value)];
              }),
            )
          : undefined;
      const width = { money: 12, number: 10, datetime: 17, date: 12, boolean: 8, reference: 24, choice: 12, text: 20 }[
        kind
      ];
      return { path, header, kind, choices, width: Math.max(width, header.length * 2 + 2) };
    });
}

/** A column's header: the vocabulary's word for the field, as the list's own header reads. */
function labelOf(resourceId: string, path: string, property: PropertyDecorator): string {
  const worded = fieldLabel(resourceId, path);
  return worded !== path ? worded : property.label();
}

type CellValue = string | number | Date | null;

function cellOf(column: Column, record: RecordJSON): CellValue {
  const value = flat.get(record.params, column.path) as unknown;
  switch (column.kind) {
    case 'reference': {
      const reference = record.populated?.[column.path] as RecordJSON | undefined | null;
      return reference?.title ?? null;
    }
    case 'money':
      return value === null || value === undefined || value === '' ? null : Number(value) / 100;
    case 'number':
      return value === null || value === undefined || value === '' ? null : Number(value);
    case 'boolean':
      if (value === null || value === undefined || value === '') return null;
      return value === true || value === 'true' || value === 1 ? '是' : '否';
    case 'choice':
      if (value === null || value === undefined || value === '') return null;
      return column.choices?.get(String(value)) ?? String(value);
    case 'datetime': {
      const at = dateOf(value);
      // A spreadsheet has no time zone: the cell holds the Shanghai wall-clock time.
      return at ? new Date(at.getTime() + SHANGHAI_OFFSET_MS) : null;
    }
    case 'date': {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
      const at = dateOf(value);
      return at ? new Date(`${shanghaiDay(at)}T00:00:00Z`) : null;
    }
    default:
      if (value === null || value === undefined) return null;
      if (Array.isArray(value)) return value.join('、');
      if (typeof value === 'object') return value instanceof Date ? shanghaiDay(value) : JSON.stringify(value);
      return String(value);
  }
}

function dateOf(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const at = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(at.getTime()) ? null : at;
}

const NUMBER_FORMATS: Partial<Record<Column['kind'], string>> = {
  money: '0.00',
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
};

/** Referenced records kept per column for the next batches (a department, a room seen before), up to this many. */
const KNOWN_REFERENCES = 20_000;
const searchable = (value: unknown): value is string | number =>
  (typeof value === 'string' && value !== '') || typeof value === 'number';

/**
 * Populates the references the list's columns show, as AdminJS's populator does (one findMany per column, titled by
 * the adapter), but only those columns, and asking only for records not already fetched for an earlier batch.
 */
async function populateReferences(
  records: BaseRecord[],
  properties: PropertyDecorator[],
  context: ActionContext,
  known: Map<string, Map<string, BaseRecord | null>>,
): Promise<BaseRecord[]> {
  for (const property of properties) {
    const path = property.propertyPath;
    const referenced = property.reference();
    if (!referenced || property.isArray()) {
      records = (await populateProperty(records, property, context)) ?? records;
      continue;
    }
    let cache = known.get(path);
    if (!cache || cache.size > KNOWN_REFERENCES) known.set(path, (cache = new Map()));
    const missing = [
      ...new Set(
        records
          .map((record) => record.get(path))
          .filter(searchable)
          .map(String),
      ),
    ].filter((id) => !cache!.has(id));
    if (missing.length) {
      for (const id of missing) cache.set(id, null);
      for (const found of await referenced.findMany(missing, context)) cache.set(String(found.id()), found);
    }
    for (const record of records) {
      const value = record.get(path);
      const found = searchable(value) ? cache.get(String(value)) : null;
      if (found) record.populated[path] = found;
    }
  }
  return records;
}

/** The record as the list sends it, without the row buttons (the costly part of AdminJS's toJSON). */
function listJSON(record: BaseRecord): RecordJSON {
  const populated: Record<string, RecordJSON | null> = {};
  for (const [path, reference] of Object.entries(record.populated ?? {})) {
    const ref = reference as BaseRecord | null | undefined;
    populated[path] = ref && typeof ref.id === 'function' ? bare(ref, {}) : ((ref ?? null) as RecordJSON | null);
  }
  return bare(record, populated);
}

function bare(record: BaseRecord, populated: Record<string, RecordJSON | null>): RecordJSON {
  return {
    id: String(record.id()),
    title: record.title(),
    params: record.params,
    populated: populated as RecordJSON['populated'],
    errors: {},
    baseError: null,
    recordActions: [],
    bulkActions: [],
  };
}

export interface ExportSummary {
  rows: number;
}

/**
 * Writes the list of `resourceId` for `query` as an .xlsx into `out` (the decision is the caller's: exportList only
 * reads what the list would show this person). Resolves when the workbook is complete.
 */
export async function writeListExport(
  admin: AdminJS,
  resourceId: string,
  query: Record<string, unknown>,
  actor: Actor,
  out: Writable,
  batch = EXPORT_BATCH,
): Promise<ExportSummary> {
  const resource = admin.findResource(resourceId);
  const decorated = resource.decorate();
  const listAction = decorated.actions.list;
  const currentAdmin = { id: String(actor.id), email: actor.email, title: actor.name } as CurrentAdmin;
  // As the session middleware does: the actor rides on currentAdmin without being enumerable.
  Object.defineProperty(currentAdmin, 'actor', { value: actor, enumerable: false });
  const context = {
    resource,
    action: listAction,
    h: new ViewHelpers({ options: admin.options }),
    currentAdmin,
    _admin: admin,
  } as unknown as ActionContext;
  const request = { method: 'get', query, params: { resourceId, action: 'list' } } as unknown as ActionRequest;

  // The list action's own reading of its query (AdminJS list-action.js).
  const { sortBy, direction, filters = {} } = flat.unflatten(query) as Record<string, unknown>;
  const firstSortable = decorated.getListProperties().find((p) => p.isSortable());
  const sort = firstSortable
    ? SortSetter(
        { sortBy: sortBy as string | undefined, direction: direction as 'asc' | 'desc' | undefined },
        firstSortable.name(),
        decorated.options,
      )
    : undefined;
  const filter = await new Filter(filters as Record<string, unknown>, resource).populate(context);

  const columns = columnsOf(resource);
  const references = decorated.getListProperties().filter((property) => property.reference());
  const known = new Map<string, Map<string, BaseRecord | null>>();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.created = new Date();
  const sheet = book.addWorksheet(RESOURCE_LABELS[resourceId as ResourceId] ?? resourceId, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // A column's number format is its style: every cell of the column is made with it.
  sheet.columns = columns.map((column) => {
    const numFmt = NUMBER_FORMATS[column.kind];
    return { key: column.path, width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();

  let rows = 0;
  for (let offset = 0; ; offset += batch) {
    const found = await resource.find(filter, { limit: batch, offset, sort: sort ? { ...sort } : undefined }, context);
    if (found.length === 0) break;
    const populatedRecords = await populateReferences(found, references, context, known);
    const response = (await listAction.invokeAfterHook({ records: populatedRecords.map(listJSON) }, request, {
      ...context,
      records: populatedRecords,
    } as ActionContext)) as { records: RecordJSON[] };
    for (const record of response.records) {
      sheet.addRow(columns.map((column) => cellOf(column, record))).commit();
      rows++;
    }
    // A slow reader holds the export back instead of the rows piling up in memory.
    if (out.writableNeedDrain) await once(out, 'drain');
    if (found.length < batch) break;
  }
  sheet.commit();
  await book.commit();
  return { rows };
}

/** <资源中文名>-<YYYYMMDD-HHmm>.xlsx, in Shanghai time. */
export function exportFileName(resourceId: string, at = new Date()): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  const stamp = `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 13)}${local.slice(14, 16)}`;
  return `${RESOURCE_LABELS[resourceId as ResourceId] ?? resourceId}-${stamp}.xlsx`;
}

const refuse = (res: Response, status: number, error: string, message: string) =>
  res.status(status).json({ error, message });

/**
 * The person may export a list when the rules allow `<Resource>.export` — and they may read the list itself: an export
 * never shows rows its list would not.
 */
function exportDecision(actor: Actor, resourceId: string): Decision {
  const exported = decide(actor, exportAction(resourceId));
  if (!exported.allowed) return exported;
  const listed = decide(actor, `${resourceId}.list`);
  return listed.allowed ? exported : listed;
}

export function exportRouter(admin: AdminJS): Router {
  const router = Router();
  router.get('/:file', async (req, res, next) => {
    try {
      // Before the admin's own sign-in check, which sends a read to the sign-in page: a download answers 401.
      if (!req.actor) return refuse(res, 401, 'unauthenticated', '请先登录');
      const match = /^([A-Za-z]+)\.xlsx$/.exec(req.params.file);
      const resourceId = match?.[1];
      if (!resourceId || !(RESOURCES as readonly string[]).includes(resourceId) || !hasResource(admin, resourceId))
        return refuse(res, 404, 'not_found', '没有这项资料，无法导出');
      const decision = exportDecision(req.actor, resourceId);
      await logDecision(req.actor, exportAction(resourceId), null, decision);
      if (!decision.allowed)
        return refuse(
          res,
          403,
          'forbidden',
          `您没有权限导出“${RESOURCE_LABELS[resourceId as ResourceId]}”列表：${decision.reason}`,
        );
      const name = exportFileName(resourceId);
      res.status(200);
      res.set({
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${resourceId}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
      try {
        await writeListExport(admin, resourceId, req.query as Record<string, unknown>, req.actor, res);
      } catch (error) {
        // The workbook was already on its way: the download breaks off rather than ending as a damaged file.
        if (res.headersSent) {
          res.destroy(error as Error);
          return;
        }
        throw error;
      }
      if (!res.writableEnded) res.end();
    } catch (error) {
      next(error);
    }
  });
  return router;
}

function hasResource(admin: AdminJS, resourceId: string): boolean {
  return admin.resources.some((resource) => resource.id() === resourceId);
}
