// The Sequelize adapter, with bad input refused in Chinese before it reaches the database: a wrong type, an
// unknown option or a duplicate value becomes a form error on the field, never a 500 or a partial write.
import AdminJS, { NotFoundError, ValidationError, flat, type BaseRecord, type Filter, type PropertyErrors, type ParamsType } from 'adminjs';
import { Database, Resource as SequelizeResource } from '@adminjs/sequelize';
import { DataTypes, ValidationError as SequelizeValidationError, type ModelStatic, type Model, type WhereOptions } from 'sequelize';
import { fieldLabel } from './locale/index.js';
import { AppError } from '../errors.js';

type Attribute = { type: { key?: string; values?: string[] } ; allowNull?: boolean };

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
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Checks each submitted value against its column; returns field errors (empty when all fit). */
export function checkTypes(model: ModelStatic<Model>, params: ParamsType, label: (field: string) => string): PropertyErrors {
  const errors: PropertyErrors = {};
  const attributes = model.getAttributes() as Record<string, Attribute>;
  for (const [field, raw] of Object.entries(params)) {
    const attribute = attributes[field];
    if (!attribute || raw === null || raw === undefined || raw === '') continue;
    const value = String(raw).trim();
    const key = attribute.type.key;
    if (key === DataTypes.INTEGER.key || key === DataTypes.BIGINT.key) {
      if (!INTEGER.test(value)) errors[field] = { message: `${label(field)}必须是整数`, type: 'type' };
    } else if (key === DataTypes.DOUBLE.key || key === DataTypes.FLOAT.key || key === DataTypes.REAL.key) {
      if (!NUMBER.test(value)) errors[field] = { message: `${label(field)}必须是数字`, type: 'type' };
    } else if (key === DataTypes.DATE.key || key === DataTypes.DATEONLY.key) {
      if (Number.isNaN(new Date(value).getTime())) errors[field] = { message: `${label(field)}日期格式不正确`, type: 'type' };
    } else if (key === DataTypes.BOOLEAN.key) {
      if (!['true', 'false', '1', '0'].includes(value)) errors[field] = { message: `${label(field)}必须是“是”或“否”`, type: 'type' };
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
export type ConditionFilter = (value: string, now: Date) => WhereOptions | null;
const CONDITION_FILTERS = new Map<string, Record<string, ConditionFilter>>();

export function registerConditionFilters(resourceId: string, filters: Record<string, ConditionFilter>): void {
  CONDITION_FILTERS.set(resourceId, { ...(CONDITION_FILTERS.get(resourceId) ?? {}), ...filters });
}

export class Resource extends SequelizeResource {
  private get model(): ModelStatic<Model> {
    return (this as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel;
  }

  /**
   * Runs `query` with the condition filters taken out of `filter` (the Sequelize adapter knows only columns) and
   * applied as a scope, on a per-call view of this resource (the resource itself is shared by all requests).
   */
  private async withConditions<T>(filter: Filter, query: (resource: this) => Promise<T>): Promise<T> {
    const conditions = CONDITION_FILTERS.get(this.id()) ?? {};
    const taken = Object.keys(filter.filters ?? {}).filter((path) => conditions[path]);
    if (taken.length === 0) return query(this);
    const saved = { ...filter.filters };
    const now = new Date();
    const wheres = taken.map((path) => conditions[path](String(saved[path].value), now)).filter((w): w is WhereOptions => w !== null);
    for (const path of taken) delete filter.filters[path];
    const view = Object.create(this) as this;
    (view as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel = wheres.length ? this.model.scope(wheres.map((where) => ({ where })) as never) : this.model;
    try {
      return await query(view);
    } finally {
      filter.filters = saved;
    }
  }

  async find(filter: Filter, options: Parameters<SequelizeResource['find']>[1]): Promise<BaseRecord[]> {
    return this.withConditions(filter, (resource) => SequelizeResource.prototype.find.call(resource, filter, options));
  }

  async count(filter: Filter): Promise<number> {
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
      if ((key === DataTypes.INTEGER.key || key === DataTypes.BIGINT.key) && typeof value === 'string' && INTEGER.test(value.trim())) {
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
    if (Object.keys(errors).length > 0) throw new ValidationError(errors, { message: '输入有误，请按提示修改', type: 'validation' });
  }

  private translate(error: unknown): unknown {
    if (error instanceof SequelizeValidationError) {
      const errors: PropertyErrors = {};
      for (const item of error.errors) {
        const field = item.path ?? '';
        errors[field] ??= { message: item.message, type: item.validatorKey ?? 'validation' };
      }
      return this.translate(new ValidationError(errors));
    }
    if (error instanceof ValidationError) {
      const errors: PropertyErrors = {};
      for (const [field, e] of Object.entries(error.propertyErrors)) errors[field] = { ...e, message: chineseMessage(e.message, this.label(field)) };
      return new ValidationError(errors, { message: Object.values(errors)[0]?.message ?? '输入有误，请按提示修改', type: 'validation' });
    }
    if (error instanceof AppError) return new ValidationError({}, { message: error.message, type: error.code });
    const name = (error as Error)?.name ?? '';
    if (name === 'SequelizeForeignKeyConstraintError') {
      return new ValidationError({}, { message: '关联的记录不存在，或这条记录仍被其他记录引用', type: 'foreign_key' });
    }
    if (name === 'SequelizeDatabaseError' && /invalid input|out of range|value too long/i.test((error as Error).message)) {
      return new ValidationError({}, { message: '输入的数据格式不正确或超出范围', type: 'database' });
    }
    return error;
  }

  /** References are populated even for a refused form: ids that cannot be keys are skipped (PostgreSQL would fail on them). */
  async findMany(ids: (string | number)[]) {
    return super.findMany(ids.filter((id) => INTEGER.test(String(id))));
  }

  async create(params: Record<string, unknown>) {
    this.refuseBadTypes(params);
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
