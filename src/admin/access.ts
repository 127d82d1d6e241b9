// Wires every AdminJS action of every resource to the authority core: isAccessible draws the buttons (per
// record), and a before hook makes the authoritative decision — AdminJS runs before hooks ahead of its own
// check and would otherwise refuse without a reason.
import {
  ForbiddenError,
  type ActionContext,
  type ActionRequest,
  type ResourceWithOptions,
  type ResourceOptions,
  type Action,
  type ActionResponse,
  type CurrentAdmin,
  type RecordJSON,
} from 'adminjs';
import { decide, type RecordFacts } from '../rules/decide.js';
import type { Actor } from '../rules/actor.js';
import type { Decision } from '../rules/decision.js';
import { logDecision } from '../rules/decision-log.js';
import { auditChange, rememberBefore } from './audit.js';

/** AdminJS action → catalogue action (search feeds reference pickers, so it reads like the list). */
export const BUILT_IN: Record<string, string> = {
  list: 'list',
  search: 'list',
  show: 'show',
  new: 'new',
  edit: 'edit',
  delete: 'delete',
  bulkDelete: 'delete',
};

/** A resource's own action that is another action behind a new button: printing a record is reading it. */
export const SAME_AS: Record<string, string> = { print: 'show' };

/** The catalogued action (`Resource.action`) an AdminJS action of a resource is decided as. */
export const cataloguedName = (resourceId: string, name: string) =>
  `${resourceId}.${BUILT_IN[name] ?? SAME_AS[name] ?? name}`;

const AUDITED: Record<string, 'new' | 'edit' | 'delete' | undefined> = {
  new: 'new',
  edit: 'edit',
  delete: 'delete',
  bulkDelete: 'delete',
};

/** The actor loaded for this request by the session middleware rides on currentAdmin. */
export function actorOf(currentAdmin: CurrentAdmin | undefined): Actor | null {
  return ((currentAdmin as { actor?: Actor } | undefined)?.actor ?? null) as Actor | null;
}

type RecordLike = { params?: Record<string, unknown> } | RecordJSON | undefined;
const factsOf = (record: RecordLike): RecordFacts | undefined =>
  record && 'params' in record ? (record.params as RecordFacts) : undefined;

export function decideFor(currentAdmin: CurrentAdmin | undefined, action: string, record?: RecordLike): Decision {
  return decide(actorOf(currentAdmin), action, factsOf(record));
}

function guard(resourceId: string, actionName: string) {
  const catalogued = cataloguedName(resourceId, actionName);
  return async (request: ActionRequest, context: ActionContext) => {
    const targets = context.records?.length ? context.records : [context.record];
    const actor = actorOf(context.currentAdmin);
    for (const target of targets) {
      const decision = decideFor(context.currentAdmin, catalogued, target ?? undefined);
      // Reference pickers search as you type: those lookups are reads, not actions worth a log line each.
      if (actionName !== 'search') await logDecision(actor, catalogued, target?.id?.() ?? null, decision);
      if (!decision.allowed) throw new ForbiddenError(decision.reason);
    }
    return request;
  };
}

function chain<T>(first: T, existing: T | T[] | undefined): T[] {
  if (!existing) return [first];
  return [first, ...(Array.isArray(existing) ? existing : [existing])];
}

function chainLast<T>(existing: T | T[] | undefined, last: T): T[] {
  if (!existing) return [last];
  return [...(Array.isArray(existing) ? existing : [existing]), last];
}

/**
 * A populated reference (the dispatcher of a ticket, the owner of a bill) carries the whole referenced row. Whoever
 * may not read that row gets its title only — a name, not the person's email, phone or last sign-in.
 */
async function onlyReadableReferences(
  response: ActionResponse,
  _request: ActionRequest,
  context: ActionContext,
): Promise<ActionResponse> {
  const records = [response.record, ...(Array.isArray(response.records) ? response.records : [])] as (
    RecordJSON | undefined
  )[];
  const decorated = context.resource.decorate();
  for (const record of records) {
    for (const [path, reference] of Object.entries(record?.populated ?? {})) {
      if (!reference || typeof reference !== 'object') continue;
      const resourceId = decorated.getPropertyByKey(path)?.referenceName();
      const readable = resourceId
        ? decideFor(context.currentAdmin, `${resourceId}.show`, reference as RecordJSON).allowed
        : false;
      if (!readable) record!.populated[path] = titleOnly(reference as RecordJSON);
    }
  }
  return response;
}

function titleOnly(reference: RecordJSON): RecordJSON {
  return {
    id: reference.id,
    title: reference.title,
    params: { id: reference.params?.id },
    populated: {},
    errors: {},
    baseError: null,
    recordActions: [],
    bulkActions: [],
  };
}

/** Returns the resource with every action it has, built-in and its own, decided by the rules. */
export function withAccess(entry: ResourceWithOptions, resourceId: string): ResourceWithOptions {
  const options: ResourceOptions = entry.options ?? {};
  const actions: Record<string, Partial<Action<ActionResponse>>> = { ...(options.actions ?? {}) } as Record<
    string,
    Partial<Action<ActionResponse>>
  >;
  // Every action the resource has, built-in or its own workflow actions, is decided the same way.
  const names = new Set([...Object.keys(BUILT_IN), ...Object.keys(actions)]);
  for (const name of names) {
    const existing = actions[name] ?? {};
    // A resource may switch an action off for everyone (e.g. logs cannot be edited); rules never switch it back on.
    if (existing.isAccessible === false) continue;
    const catalogued = cataloguedName(resourceId, name);
    // The built-in forms change records without a use case: they are audited here (a use case audits itself).
    const audited = (existing.handler as { auditsItself?: boolean } | undefined)?.auditsItself
      ? undefined
      : AUDITED[name];
    actions[name] = {
      ...existing,
      isAccessible: ({ currentAdmin, record }: ActionContext) =>
        decideFor(currentAdmin, catalogued, record ?? undefined).allowed,
      before: chain(
        guard(resourceId, name),
        audited ? chainLast(existing.before as never, rememberBefore as never) : (existing.before as never),
      ),
      after: chainLast(
        audited
          ? chainLast(existing.after as never, auditChange(resourceId, audited) as never)
          : (existing.after as never),
        onlyReadableReferences as never,
      ),
    };
  }
  return { ...entry, options: { ...options, actions: actions as ResourceOptions['actions'] } };
}
