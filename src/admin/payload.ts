// Before hooks for the built-in new/edit forms: a form writes only the fields its resource lists (AdminJS's forms
// would write whatever a request holds), and the signed-in staff member fills the "who" fields (registered by,
// dispatched by, …), whatever the payload holds.
import { ForbiddenError, ValidationError, flat, type ActionContext, type ActionRequest } from 'adminjs';
import { actorOf, decideFor } from './access.js';
import { fieldLabel } from './locale/index.js';
import { logDecision } from '../rules/decision-log.js';
import { actionLabel } from '../rules/catalogue.js';
import type { Actor } from '../rules/actor.js';
import type { Model, ModelStatic } from 'sequelize';

/** The fields a form may write: a fixed list, or one worked out from the record being edited. */
export type FieldsOf = readonly string[] | ((context: ActionContext) => readonly string[]);

/** The database type of a resource's column (INTEGER, JSON …), as the adapter sees it; undefined for a non-column. */
function columnType(context: ActionContext, field: string): string | undefined {
  // AdminJS's own property types cannot tell a JSON column from text, nor an id from other numbers.
  const model = (context.resource as unknown as { SequelizeModel?: ModelStatic<Model> } | undefined)?.SequelizeModel;
  return (model?.getAttributes()[field]?.type as { key?: string } | undefined)?.key;
}

/** The payload as the adapter will store it: sub-keys unflattened, whole numbers of integer columns as numbers. */
function storedShape(context: ActionContext, payload: Record<string, unknown>): Record<string, unknown> {
  const values = flat.unflatten(payload) as Record<string, unknown>;
  for (const [field, value] of Object.entries(values)) {
    const type = columnType(context, field);
    if ((type === 'INTEGER' || type === 'BIGINT') && typeof value === 'string' && /^[+-]?\d+$/.test(value.trim()))
      values[field] = Number(value);
  }
  return values;
}

/**
 * A before hook for the built-in new/edit: the payload keeps only `fields` (a crafted POST cannot set a status),
 * and the signed-in staff member fills `actorFields`: always for `force`, otherwise only when left empty.
 */
export function limitPayload(
  fields: FieldsOf,
  actorFields: { force?: readonly string[]; fallback?: readonly string[] } = {},
) {
  return async (request: ActionRequest, context: ActionContext) => {
    if (request.method !== 'post' || !request.payload) return request;
    const allowed = typeof fields === 'function' ? fields(context) : fields;
    const payload: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(request.payload)) {
      const field = key.split('.')[0];
      if (!allowed.includes(field)) continue;
      // Only a JSON column takes sub-keys (answers.12): "planId.0" would reach a scalar column as a list, past
      // every check that reads planId.
      if (key !== field && !['JSON', 'JSONB'].includes(columnType(context, field) ?? '')) continue;
      payload[key] = value;
    }
    const actorId =
      actorOf(context.currentAdmin)?.id ?? (context.currentAdmin as { id?: number | string } | undefined)?.id;
    if (actorId !== undefined && actorId !== null) {
      for (const field of actorFields.force ?? []) payload[field] = actorId;
      for (const field of actorFields.fallback ?? [])
        if (payload[field] === undefined || payload[field] === '') payload[field] = actorId;
    }
    return { ...request, payload };
  };
}

/** Refuses an edit whose payload changes one of `locked` (label → reason), instead of ignoring it silently. */
export function refuseChanges(locked: Record<string, string>) {
  return async (request: ActionRequest, context: ActionContext) => {
    if (request.method !== 'post' || !request.payload || !context.record) return request;
    const current = context.record.params as Record<string, unknown>;
    const errors: Record<string, { message: string }> = {};
    for (const [field, message] of Object.entries(locked)) {
      if (!(field in request.payload)) continue;
      const sent = request.payload[field];
      const stored = current[field];
      if (String(sent ?? '') !== String(stored ?? '')) errors[field] = { message };
    }
    if (Object.keys(errors).length) throw new ValidationError(errors, { message: Object.values(errors)[0].message });
    return request;
  };
}

/**
 * Refuses a form whose parent record does not allow it (see domain/parent-checks.ts): the parent the form would
 * store (read as the adapter reads the payload), and the record's own for an edit or delete. The message shows on
 * the parent field.
 */
export function checkParent(field: string, check: (actor: Actor, parentId: unknown) => Promise<string | null>) {
  return async (request: ActionRequest, context: ActionContext) => {
    const actor = actorOf(context.currentAdmin);
    if (request.method !== 'post' || !actor) return request;
    const sent = request.payload ? storedShape(context, request.payload)[field] : undefined;
    if (sent !== null && typeof sent === 'object') {
      const message = `${fieldLabel(context.resource?.id() ?? '', field)}只能是一条记录`;
      throw new ValidationError({ [field]: { message } }, { message });
    }
    const stored = [context.record, ...(context.records ?? [])].map((record) => record?.params?.[field]);
    const ids = new Set([sent, ...stored].filter((id) => id !== undefined && id !== null && id !== ''));
    for (const id of ids) {
      const problem = await check(actor, id);
      if (problem) throw new ValidationError({ [field]: { message: problem } }, { message: problem });
    }
    return request;
  };
}

/**
 * Where the rules scope who may create or change a record by what it holds (the cashier files finance documents
 * only), the record as the form would leave it must be one its author may edit: a new one as submitted, an edited
 * one as stored with the submitted fields laid over it, decided as `editAction`.
 */
export function resultMustBeEditable(editAction: string) {
  const resource = editAction.split('.')[0];
  return async (request: ActionRequest, context: ActionContext) => {
    if (request.method !== 'post' || !request.payload) return request;
    const stored = flat.unflatten(context.record?.params ?? {}) as Record<string, unknown>;
    const result = { ...stored, ...storedShape(context, request.payload) };
    const decision = decideFor(context.currentAdmin, editAction, { params: result });
    if (decision.allowed) return request;
    await logDecision(actorOf(context.currentAdmin), editAction, context.record?.id() ?? null, decision);
    throw new ForbiddenError(
      context.record
        ? `${actionLabel(`${resource}.edit`)}后须仍是本人可以编辑的记录：${decision.reason}`
        : `${actionLabel(`${resource}.new`)}只限本人可以编辑的记录：${decision.reason}`,
    );
  };
}
