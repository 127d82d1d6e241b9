// 操作日志: the one way a line is written — who, which action on which record, each changed field [before, after].
import type { Transaction } from 'sequelize';
import { AuditLog, type AuditChanges, type JsonValue } from '../models/index.js';
import type { Actor } from '../rules/actor.js';

export interface AuditLine {
  /** Who did it; null for the system. */
  who: Pick<Actor, 'id'> | null | undefined;
  /** The catalogued action, e.g. 'RenovationDeposit.refund'. */
  action: string;
  /** Where the line is filed; the action's resource unless the record is another's (a billing run for Bill.generate). */
  resource?: string;
  recordId: string | number | null | undefined;
  /** Field → [before, after]; a date is logged as its ISO text. */
  changes?: Record<string, readonly [unknown, unknown]>;
  note?: string | null;
}

const jsonOf = (value: unknown): JsonValue =>
  value instanceof Date ? value.toISOString() : ((value ?? null) as JsonValue);

/** Writes one line, in the use case's transaction when it has one. */
export function audit(line: AuditLine, transaction?: Transaction): Promise<AuditLog> {
  const changes: AuditChanges = Object.fromEntries(
    Object.entries(line.changes ?? {}).map(([field, [before, after]]) => [field, [jsonOf(before), jsonOf(after)]]),
  );
  return AuditLog.create(
    {
      staffId: line.who?.id ?? null,
      action: line.action,
      resource: line.resource ?? line.action.split('.')[0],
      recordId: line.recordId === undefined || line.recordId === null ? null : String(line.recordId),
      changes,
      note: line.note ?? null,
    },
    { transaction },
  );
}
