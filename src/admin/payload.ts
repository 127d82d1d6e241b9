// Before hooks for the built-in new/edit forms: a form writes only the fields its resource lists (trap 17), and the
// signed-in staff member fills the "who" fields (registered by, dispatched by, …), whatever the payload holds.
import { ForbiddenError, ValidationError, type ActionContext, type ActionRequest } from 'adminjs';
import { actorOf, decideFor } from './access.js';
import { logDecision } from '../rules/decision-log.js';
import { actionLabel } from '../rules/catalogue.js';
import type { Actor } from '../rules/actor.js';

/** The fields a form may write: a fixed list, or one worked out from the record being edited. */
export type FieldsOf = readonly string[] | ((context: ActionContext) => readonly string[]);

/**
 * A before hook for the built-in new/edit: the payload keeps only `fields` (a crafted POST cannot set a status),
 * and the signed-in staff member fills `actorFields`: always for `force`, otherwise only when left empty.
 */
export function limitPayload(fields: FieldsOf, actorFields: { force?: readonly string[]; fallback?: readonly string[] } = {}) {
  return async (request: ActionRequest, context: ActionContext) => {
    if (request.method !== 'post' || !request.payload) return request;
    const allowed = typeof fields === 'function' ? fields(context) : fields;
    const payload: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(request.payload)) {
      if (allowed.includes(key.split('.')[0])) payload[key] = value;
    }
    const actorId = actorOf(context.currentAdmin)?.id ?? (context.currentAdmin as { id?: number | string } | undefined)?.id;
    if (actorId !== undefined && actorId !== null) {
      for (const field of actorFields.force ?? []) payload[field] = actorId;
      for (const field of actorFields.fallback ?? []) if (payload[field] === undefined || payload[field] === '') payload[field] = actorId;
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
 * Refuses a form whose parent record does not allow it (see domain/parent-checks.ts): the parent named in the
 * payload, or the record's own for an edit or delete. The message shows on the parent field.
 */
export function checkParent(field: string, check: (actor: Actor, parentId: unknown) => Promise<string | null>) {
  return async (request: ActionRequest, context: ActionContext) => {
    const actor = actorOf(context.currentAdmin);
    if (request.method !== 'post' || !actor) return request;
    const stored = [context.record, ...(context.records ?? [])].map((record) => record?.params?.[field]);
    const ids = new Set([request.payload?.[field], ...stored].filter((id) => id !== undefined && id !== null && id !== ''));
    for (const id of ids) {
      const problem = await check(actor, id);
      if (problem) throw new ValidationError({ [field]: { message: problem } }, { message: problem });
    }
    return request;
  };
}

/**
 * Where the rules scope who may create by what is created (the cashier files finance documents only), the new
 * record must be one its author may then edit: the submitted form is decided as `editAction`.
 */
export function newMustBeEditable(editAction: string) {
  return async (request: ActionRequest, context: ActionContext) => {
    if (request.method !== 'post' || !request.payload) return request;
    const decision = decideFor(context.currentAdmin, editAction, { params: request.payload });
    if (decision.allowed) return request;
    await logDecision(actorOf(context.currentAdmin), editAction, null, decision);
    throw new ForbiddenError(`${actionLabel(`${editAction.split('.')[0]}.new`)}只限本人可以编辑的记录：${decision.reason}`);
  };
}
