// Internal keys — a position's code, which the rules name it by, and a bill's billing key (management:240:2026-12),
// which keeps the monthly run from billing a month twice — are the system's, not the office's words. They reach the
// system administrator's (IT's) screens only, decided per request: every response of these resources, and every
// reference populated from them, loses them for anyone else.
import type { ActionContext, ActionRequest, ActionResponse, RecordJSON, ResourceWithOptions } from 'adminjs';
import { actorOf } from './access.js';

export const INTERNAL_CODES: Record<string, readonly string[]> = {
  Position: ['code'],
  Bill: ['billingKey'],
};

function strip(record: RecordJSON | undefined, resourceId: string | undefined) {
  const fields = resourceId ? INTERNAL_CODES[resourceId] : undefined;
  if (!record?.params || !fields) return;
  for (const field of fields) delete record.params[field];
}

async function withoutCodes(
  response: ActionResponse,
  _request: ActionRequest,
  context: ActionContext,
): Promise<ActionResponse> {
  if (actorOf(context.currentAdmin)?.isSystemAdmin) return response;
  const records = [response.record, ...(Array.isArray(response.records) ? response.records : [])] as (
    RecordJSON | undefined
  )[];
  const decorated = context.resource.decorate();
  for (const record of records) {
    if (!record) continue;
    strip(record, context.resource.id());
    for (const [path, reference] of Object.entries(record.populated ?? {})) {
      if (reference && typeof reference === 'object')
        strip(reference as RecordJSON, decorated.getPropertyByKey(path)?.referenceName() ?? undefined);
    }
  }
  return response;
}

/**
 * Adds the stripping to every action of a resource (any of them may populate a position or a bill: a staff member's
 * position, a receipt's bills). Applied after withAccess, so that the audit log still sees the whole record.
 */
export function withInternalCodes(entry: ResourceWithOptions): ResourceWithOptions {
  const actions = { ...(entry.options?.actions ?? {}) } as Record<string, { after?: unknown }>;
  for (const [name, action] of Object.entries(actions)) {
    const existing = action.after;
    const after = existing ? [...(Array.isArray(existing) ? existing : [existing]), withoutCodes] : [withoutCodes];
    actions[name] = { ...action, after };
  }
  return { ...entry, options: { ...entry.options, actions: actions as never } };
}
