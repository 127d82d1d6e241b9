// Before hooks for the built-in new/edit forms: a form writes only the fields its resource lists (trap 17), and the
// signed-in staff member fills the "who" fields (registered by, dispatched by, …), whatever the payload holds.
import { ValidationError, type ActionContext, type ActionRequest } from 'adminjs';
import { actorOf } from './access.js';

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
