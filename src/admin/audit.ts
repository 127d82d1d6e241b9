// 操作日志 for the built-in forms: every record created, edited or deleted through the admin leaves a line with who,
// which record and each changed field (before → after). Workflow actions write their own lines in their use cases.
import type { ActionContext, ActionRequest, ActionResponse, After, Before, ParamsType, RecordJSON } from 'adminjs';
import type { AuditChanges, JsonValue } from '../models/index.js';
import { audit } from '../domain/audit.js';
import { actionLabel } from '../rules/catalogue.js';
import { actorOf } from './access.js';

/** Fields never copied into the log: a secret is recorded as changed, not as its value. */
const SECRET = new Set(['passwordHash']);
const NOT_CHANGES = new Set(['updatedAt', 'createdAt']);
const MAX_VALUE = 500;

const before = new WeakMap<ActionContext, ParamsType[]>();

/** Before hook: the records as they were, for the after hook to compare with. */
export const rememberBefore: Before = async (request: ActionRequest, context: ActionContext) => {
  if (request.method === 'post')
    before.set(
      context,
      [context.record, ...(context.records ?? [])].filter(Boolean).map((r) => ({ ...r!.params })),
    );
  return request;
};

const shown = (field: string, value: unknown): JsonValue => {
  if (SECRET.has(field)) return '（已修改）';
  if (value === undefined || value === null) return null;
  const text =
    typeof value === 'string'
      ? value
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : value;
  return typeof text === 'string' && text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : (text as JsonValue);
};

function changesOf(was: ParamsType, now: ParamsType): AuditChanges {
  const changes: AuditChanges = {};
  // A new record had nothing before, not even a secret.
  const creating = Object.keys(was).length === 0;
  for (const field of new Set([...Object.keys(was), ...Object.keys(now)])) {
    if (NOT_CHANGES.has(field) || field.includes('.')) continue;
    if (JSON.stringify(was[field] ?? null) === JSON.stringify(now[field] ?? null)) continue;
    changes[field] = [creating ? null : shown(field, was[field]), shown(field, now[field])];
  }
  return changes;
}

const succeeded = (response: ActionResponse) => (response as { notice?: { type?: string } }).notice?.type === 'success';

/** After hook for new, edit, delete and bulkDelete (catalogued as `Resource.new|edit|delete`). */
export function auditChange(resourceId: string, action: 'new' | 'edit' | 'delete'): After<ActionResponse> {
  const catalogued = `${resourceId}.${action}`;
  return async (response, request, context) => {
    if (request.method !== 'post' || !succeeded(response)) return response;
    const actor = actorOf(context.currentAdmin);
    const was = before.get(context) ?? [];
    const record = response.record as RecordJSON | undefined;
    const lines =
      action === 'new'
        ? [{ recordId: record?.id, changes: changesOf({}, record?.params ?? {}) }]
        : action === 'edit'
          ? [{ recordId: record?.id ?? context.record?.id(), changes: changesOf(was[0] ?? {}, record?.params ?? {}) }]
          : was.map((params) => ({ recordId: params.id, changes: {} }));
    for (const line of lines) {
      await audit({
        who: actor,
        action: catalogued,
        resource: resourceId,
        recordId: line.recordId,
        changes: line.changes,
        note: actionLabel(catalogued),
      });
    }
    return response;
  };
}
