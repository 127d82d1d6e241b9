// The Sequelize adapter, with bad input refused in Chinese before it reaches the database: a wrong type, an
// unknown option or a duplicate value becomes a form error on the field, never a 500 or a partial write.
import AdminJS, {
  NotFoundError,
  ValidationError,
  flat,
  type BaseRecord,
  type BaseResource,
  type Filter,
  type PropertyErrors,
  type ParamsType,
} from 'adminjs';
import { Database, Resource as SequelizeResource } from '@adminjs/sequelize';
import {
  DataTypes,
  Op,
  ValidationError as SequelizeValidationError,
  type ModelStatic,
  type Model,
  type WhereOptions,
} from 'sequelize';
import { fieldLabel } from './locale/index.js';
import { AppError } from '../errors.js';
import { isRecordId } from '../domain/input.js';
import { TITLES } from './titles.js';
import { addDays, shanghaiMoment } from '../lib/shanghai.js';
import { isPostgres } from '../db.js';

type Attribute = { type: { key?: string; values?: string[] }; allowNull?: boolean };

const MESSAGES: [RegExp, string][] = [
  [/must be unique/i, '该值已存在，不能重复'],
  [/cannot be null|notNull Violation/i, '不能为空'],
  [/is not a valid (integer|number|float|double)/i, '必须是数字'],
  [/is not a valid (date|timestamp)|Invalid date/i, '日期格式不正确'],
  [/is not a valid boolean/i, '必须是“是”或“否”'],
];

function chineseMessage(message: string, label: string): string {
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  for (const [pattern, text] of MESSAGES) if (pattern.test(message)) return `${label}${text}`;
  return `${label}不正确`;
}

const INTEGER = /^[+-]?\d+$/;
/** The key of an error that belongs to the record as a whole, not to one field. */
const RECORD_ERROR = '_record';

/** A filter's value as the list sends it: text, or a from/to range of text for dates and numbers. */
function filterValueFits(value: unknown, type: string | undefined): boolean {
  if (typeof value === 'string') return value.length <= 200;
  if (
    !value ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !['date', 'datetime', 'number', 'float'].includes(String(type))
  )
    return false;
  return Object.entries(value as Record<string, unknown>).every(
    ([key, inner]) => (key === 'from' || key === 'to') && typeof inner === 'string' && inner.length <= 40,
  );
}
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

const isScalar = (value: unknown) =>
  value === null ||
  value === undefined ||
  ['string', 'number', 'boolean'].includes(typeof value) ||
  value instanceof Date;
const JSON_TYPES = new Set([DataTypes.JSON.key, DataTypes.JSONB.key]);

/** Checks each submitted value against its column; returns field errors (empty when all fit). */
export function checkTypes(
  model: ModelStatic<Model>,
  params: ParamsType,
  label: (field: string) => string,
): PropertyErrors {
  const errors: PropertyErrors = {};
  const attributes = model.getAttributes() as Record<string, Attribute>;
  // A column takes one value: `planId.0=5` or a JSON object for a text column is refused, not stored as it unflattens.
  for (const [field, value] of Object.entries(flat.unflatten(params) as Record<string, unknown>)) {
    const attribute = attributes[field];
    if (attribute && !JSON_TYPES.has(attribute.type.key ?? '') && !isScalar(value))
      errors[field] = { message: `${label(field)}格式不正确`, type: 'type' };
  }
  for (const [field, raw] of Object.entries(params)) {
    const attribute = attributes[field];
    if (errors[field] || !attribute || raw === null || raw === undefined || raw === '') continue;
    const value = String(raw).trim();
    const key = attribute.type.key;
    if (key === DataTypes.INTEGER.key || key === DataTypes.BIGINT.key) {
      if (!INTEGER.test(value)) errors[field] = { message: `${label(field)}必须是整数`, type: 'type' };
    } else if (key === DataTypes.DOUBLE.key || key === DataTypes.FLOAT.key || key === DataTypes.REAL.key) {
      if (!NUMBER.test(value)) errors[field] = { message: `${label(field)}必须是数字`, type: 'type' };
    } else if (key === DataTypes.DATE.key || key === DataTypes.DATEONLY.key) {
      if (Number.isNaN(new Date(value).getTime()))
        errors[field] = { message: `${label(field)}日期格式不正确`, type: 'type' };
    } else if (key === DataTypes.BOOLEAN.key) {
      if (!['true', 'false', '1', '0'].includes(value))
        errors[field] = { message: `${label(field)}必须是“是”或“否”`, type: 'type' };
    } else if (key === DataTypes.ENUM.key && attribute.type.values && !attribute.type.values.includes(value)) {
      errors[field] = { message: `${label(field)}不是有效的选项：${value}`, type: 'enum' };
    }
  }
  return errors;
}

/**
 * A list filter that is a condition, not a column (逾期 = open and past its due time; 待清理 = not reviewed for a
 * year): the filter's value → the condition, or null for no condition. The resource declares a virtual property
 * of that name so AdminJS draws the filter.
 */
export type ConditionFilter = (value: string, now: Date, raw: unknown) => WhereOptions | null;
const CONDITION_FILTERS = new Map<string, Record<string, ConditionFilter>>();

/** Text typed into a filter, matched anywhere in a column: case-insensitive on PostgreSQL as on SQLite. */
export function containsText(column: string, value: string): WhereOptions {
  return { [column]: { [isPostgres ? Op.iLike : Op.like]: `%${value.trim()}%` } };
}

/**
 * A from–to range of days (yyyy-mm-dd, either end may be left open) on a date-and-time column, the days read in
 * Asia/Shanghai: 到 12月3日 takes all of that day. Null when neither end is a day.
 */
export function shanghaiDayRange(column: string, raw: unknown): WhereOptions | null {
  const range = (raw && typeof raw === 'object' ? raw : {}) as { from?: unknown; to?: unknown };
  const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
  const valid = (value: string | null) => value !== null && !Number.isNaN(shanghaiMoment(value, 0).getTime());
  const from = day(range.from);
  const to = day(range.to);
  const bounds: Record<symbol, Date> = {};
  if (valid(from)) bounds[Op.gte] = shanghaiMoment(from!, 0);
  if (valid(to)) bounds[Op.lt] = shanghaiMoment(addDays(to!, 1), 0);
  return Object.getOwnPropertySymbols(bounds).length ? { [column]: bounds } : null;
}

export function registerConditionFilters(resourceId: string, filters: Record<string, ConditionFilter>): void {
  CONDITION_FILTERS.set(resourceId, { ...(CONDITION_FILTERS.get(resourceId) ?? {}), ...filters });
}

/**
 * The records get the titles their resource names them by (admin/titles.ts: 姓名 · 房号 · 手机尾号 …), worked out
 * for all of them at once; every place that shows a record's title — a list's reference column, a record page, a
 * picker, a reference reduced to its title — reads it from the record's JSON.
 */
async function withTitles(resourceId: string, records: BaseRecord[]): Promise<BaseRecord[]> {
  const maker = TITLES[resourceId];
  const ids = records.map((r) => Number(r.id())).filter(Number.isInteger);
  if (!maker || ids.length === 0) return records;
  const titles = await maker(ids);
  for (const record of records) {
    const title = titles.get(Number(record.id()));
    if (title === undefined) continue;
    const toJSON = record.toJSON.bind(record);
    record.title = () => title;
    record.toJSON = (currentAdmin) => ({ ...toJSON(currentAdmin), title });
  }
  return records;
}

/** Columns that order a list's rows after its sort column, before the id (员工 by department, then name). */
const THEN_BY: Record<string, string[]> = {
  Staff: ['name'],
  Position: ['name'],
  PositionClause: ['kind', 'number'],
  Bill: ['unitId'],
};

export class Resource extends SequelizeResource {
  private get model(): ModelStatic<Model> {
    return (this as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel;
  }

  /**
   * Runs `query` with the condition filters and the text filters taken out of `filter` and applied as a scope, on a
   * per-call view of this resource (the resource itself is shared by all requests). Text is matched here because
   * @adminjs/sequelize regexp-escapes the typed text before putting it into LIKE, so a filter holding "." (an email,
   * an action code) or "(" never matched anything.
   */
  private async withConditions<T>(filter: Filter, query: (resource: this) => Promise<T>): Promise<T> {
    const conditions = CONDITION_FILTERS.get(this.id()) ?? {};
    const saved = { ...filter.filters };
    const now = new Date();
    const wheres: WhereOptions[] = [];
    for (const [path, entry] of Object.entries(saved)) {
      let where: WhereOptions | null;
      if (Object.hasOwn(conditions, path)) where = conditions[path](String(entry.value), now, entry.value);
      else if (entry.property?.type() === 'string' && typeof entry.value === 'string' && !path.includes('.')) {
        const coded = Boolean((this.model.getAttributes()[path]?.type as { values?: unknown } | undefined)?.values);
        where = { [path]: coded ? entry.value : { [Op.substring]: entry.value } };
      } else continue;
      if (where !== null) wheres.push(where);
      delete filter.filters[path];
    }
    if (Object.keys(saved).length === Object.keys(filter.filters).length) return query(this);
    const view = Object.create(this) as this;
    (view as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel = wheres.length
      ? this.model.scope(wheres.map((where) => ({ where })) as never)
      : this.model;
    try {
      return await query(view);
    } finally {
      filter.filters = saved;
    }
  }

  /**
   * What a list may filter on: the properties its resource shows in the filter, its title (reference pickers search
   * it) and its condition filters. A filter on anything else — a secret column, a column the screen does not offer,
   * a name that is no column at all — is left out, as is a value of the wrong shape.
   */
  private keepShownFilters(filter: Filter): void {
    const decorated = (this as unknown as { _decorated?: ReturnType<BaseResource['decorate']> })._decorated;
    const conditions = CONDITION_FILTERS.get(this.id()) ?? {};
    const shown = decorated
      ? new Set([
          ...decorated.getProperties({ where: 'filter' }).map((p) => p.propertyPath),
          decorated.titleProperty().propertyPath,
          ...Object.keys(conditions),
        ])
      : null;
    for (const [path, entry] of Object.entries(filter.filters ?? {})) {
      const name = path.split('.')[0];
      const known = Object.hasOwn(conditions, path) || (entry.property !== null && entry.property !== undefined);
      // A condition filter that is no column (收款日期) has its type on the resource's decorated property only.
      const type = entry.property?.type() ?? decorated?.getPropertyByKey(name)?.type();
      if (!known || (shown && !shown.has(name)) || !filterValueFits(entry.value, type)) delete filter.filters[path];
    }
  }

  /**
   * A list sorts by a column its list shows (or its default order), ascending or descending — else by its default.
   * The list action reports the sort object it passed in, so it is corrected in place.
   */
  private shownSort(sort: { sortBy?: string; direction?: string } | undefined): {
    sortBy: string;
    direction: 'asc' | 'desc';
  } {
    const decorated = (this as unknown as { _decorated?: ReturnType<BaseResource['decorate']> })._decorated;
    const attributes = this.model.getAttributes() as Record<string, Attribute & { type: { key?: string } }>;
    const isColumn = (name: string | undefined): name is string =>
      !!name && !!attributes[name] && attributes[name].type.key !== DataTypes.VIRTUAL.key;
    const fallback = isColumn(decorated?.options?.sort?.sortBy)
      ? decorated!.options.sort!.sortBy!
      : (this.model.primaryKeyAttribute ?? 'id');
    const sortable = new Set(
      decorated
        ? decorated
            .getListProperties()
            .filter((p) => p.isSortable())
            .map((p) => p.propertyPath)
        : Object.keys(attributes),
    );
    const sortBy =
      isColumn(sort?.sortBy) && (sortable.has(sort!.sortBy!) || sort!.sortBy === fallback) ? sort!.sortBy! : fallback;
    const direction = String(sort?.direction ?? '').toLowerCase() === 'desc' ? 'desc' : 'asc';
    if (sort) Object.assign(sort, { sortBy, direction });
    return { sortBy, direction };
  }

  async find(filter: Filter, options: Parameters<SequelizeResource['find']>[1]): Promise<BaseRecord[]> {
    this.keepShownFilters(filter);
    const sort = this.shownSort(options?.sort);
    const safe = { ...options, sort };
    const records = await this.withConditions(filter, (resource) =>
      SequelizeResource.prototype.find.call(this.tieBroken(resource, sort), filter, safe),
    );
    return withTitles(this.id(), records as BaseRecord[]);
  }

  /**
   * A view of `resource` whose queries order rows that sort alike by the resource's next columns (员工: 部门, then
   * 姓名) and finally by id, so that pages neither repeat nor skip rows that share a value (a status, a day).
   */
  private tieBroken(resource: this, sort: { sortBy: string; direction: 'asc' | 'desc' }): this {
    const model = (resource as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel;
    const key = this.model.primaryKeyAttribute ?? 'id';
    const order = [...(THEN_BY[this.id()] ?? []), key]
      .filter((column) => column !== sort.sortBy)
      .map((column) => [column, column === key ? sort.direction.toUpperCase() : 'ASC']);
    const ordered = Object.create(model) as ModelStatic<Model>;
    ordered.findAll = ((options: { order?: unknown[] }) =>
      model.findAll({ ...options, order: [...(options.order ?? []), ...order] } as never)) as never;
    const view = Object.create(resource) as this;
    (view as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel = ordered;
    return view;
  }

  async count(filter: Filter): Promise<number> {
    this.keepShownFilters(filter);
    return this.withConditions(filter, (resource) => SequelizeResource.prototype.count.call(resource, filter));
  }

  /**
   * A form sends every value as text; whole-number columns get numbers, so hooks that look up related rows by id
   * (a plan item's plan, a question's survey) see the same value a use case would pass. refuseBadTypes has already
   * refused text that is not a whole number.
   */
  parseParams(params: Record<string, unknown>): Record<string, unknown> {
    const parsed = super.parseParams(params) as Record<string, unknown>;
    const attributes = this.model.getAttributes() as Record<string, Attribute>;
    for (const [field, value] of Object.entries(parsed)) {
      const key = attributes[field]?.type.key;
      if (
        (key === DataTypes.INTEGER.key || key === DataTypes.BIGINT.key) &&
        typeof value === 'string' &&
        INTEGER.test(value.trim())
      ) {
        parsed[field] = Number(value);
      }
    }
    return parsed;
  }

  private label(field: string): string {
    return fieldLabel(this.id(), field);
  }

  private refuseBadTypes(params: ParamsType) {
    const errors = checkTypes(this.model, params, (f) => this.label(f));
    if (Object.keys(errors).length > 0)
      throw new ValidationError(errors, { message: '输入有误，请按提示修改', type: 'validation' });
  }

  /**
   * AdminJS calls a record valid when it has no field errors, and then reports success although nothing was written:
   * an error that names no field is kept under RECORD_ERROR, its message shown as the notice.
   */
  private translate(error: unknown): unknown {
    const translated = this.translateError(error);
    if (translated instanceof ValidationError && Object.keys(translated.propertyErrors).length === 0) {
      const message = translated.baseError?.message ?? '输入有误，请按提示修改';
      return new ValidationError(
        { [RECORD_ERROR]: { message, type: translated.baseError?.type ?? 'validation' } },
        { message, type: translated.baseError?.type ?? 'validation' },
      );
    }
    return translated;
  }

  private translateError(error: unknown): unknown {
    if (error instanceof SequelizeValidationError) {
      const errors: PropertyErrors = {};
      for (const item of error.errors) {
        const field = item.path ?? '';
        errors[field] ??= { message: item.message, type: item.validatorKey ?? 'validation' };
      }
      return this.translateError(new ValidationError(errors));
    }
    if (error instanceof ValidationError) {
      const errors: PropertyErrors = {};
      for (const [field, e] of Object.entries(error.propertyErrors))
        errors[field] = { ...e, message: chineseMessage(e.message, this.label(field)) };
      return new ValidationError(errors, {
        message: Object.values(errors)[0]?.message ?? '输入有误，请按提示修改',
        type: 'validation',
      });
    }
    if (error instanceof AppError) return new ValidationError({}, { message: error.message, type: error.code });
    const name = (error as Error)?.name ?? '';
    if (name === 'SequelizeForeignKeyConstraintError') {
      return new ValidationError({}, { message: '关联的记录不存在，或这条记录仍被其他记录引用', type: 'foreign_key' });
    }
    if (
      name === 'SequelizeDatabaseError' &&
      /invalid input|out of range|value too long/i.test((error as Error).message)
    ) {
      return new ValidationError({}, { message: '输入的数据格式不正确或超出范围', type: 'database' });
    }
    return error;
  }

  /** References are populated even for a refused form: ids that cannot be keys are skipped (PostgreSQL would fail on them). */
  async findMany(ids: (string | number)[]) {
    return withTitles(this.id(), await super.findMany(ids.filter(isRecordId)));
  }

  async findOne(id: string | number) {
    const record = isRecordId(id) ? await super.findOne(String(id)) : null;
    return record ? (await withTitles(this.id(), [record]))[0] : null;
  }

  /** A reference to a row that does not exist is a field error, not a foreign-key failure (SQLite names no field). */
  private async refuseMissingReferences(params: Record<string, unknown>) {
    const values = flat.unflatten(this.parseParams(params)) as Record<string, unknown>;
    const errors: PropertyErrors = {};
    for (const [field, attribute] of Object.entries(this.model.getAttributes())) {
      const value = values[field];
      const references = attribute.references as { model?: string | { tableName?: string } } | string | undefined;
      if (!references || value === undefined || value === null || value === '') continue;
      const table =
        typeof references === 'string'
          ? references
          : typeof references.model === 'string'
            ? references.model
            : references.model?.tableName;
      const target = table ? this.model.sequelize!.models[table] : undefined;
      if (!target) continue;
      if (!isRecordId(value)) {
        errors[field] = { message: `${this.label(field)}：关联的记录不存在`, type: 'foreign_key' };
        continue;
      }
      if ((await target.count({ where: { [target.primaryKeyAttribute]: Number(value) } })) === 0) {
        errors[field] = { message: `${this.label(field)}：关联的记录不存在`, type: 'foreign_key' };
      }
    }
    if (Object.keys(errors).length)
      throw new ValidationError(errors, { message: Object.values(errors)[0].message, type: 'validation' });
  }

  async create(params: Record<string, unknown>) {
    this.refuseBadTypes(params);
    await this.refuseMissingReferences(params);
    try {
      return await super.create(params);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /**
   * Saves through the stored instance (not a partial Model.update), so row-level validations such as
   * "dates in order" see the whole row and not defaults.
   */
  async update(id: string, params: Record<string, unknown>) {
    this.refuseBadTypes(params);
    await this.refuseMissingReferences(params);
    const instance = await this.model.findByPk(id);
    if (!instance) throw new NotFoundError(`记录 ${id} 不存在`, 'update');
    try {
      const values = flat.unflatten(this.parseParams(params)) as Record<string, unknown>;
      instance.set(values);
      await instance.save();
      return instance.toJSON();
    } catch (error) {
      throw this.translate(error);
    }
  }

  async delete(id: string) {
    try {
      await super.delete(id);
    } catch (error) {
      throw this.translate(error);
    }
  }
}

AdminJS.registerAdapter({ Database, Resource });
