// Pieces of the ticket reports' grouped SQL: which tickets a filter means (community, building, department), the few
// expressions that differ between SQLite and PostgreSQL (hours between two stored moments, the Shanghai day of one,
// an audit line's record id as a number), and stored moments read back as Dates.
import { isPostgres } from '../../db.js';
import type { ReportFilters } from './report.js';
import { select, type Replacements } from './sql.js';

/**
 * The conditions (each starting with AND) that restrict tickets `t` to the filter's community, building and department;
 * `needsTicket` says whether a query on work orders or visits must join their ticket `t` for them.
 */
export function ticketScope(
  filters: ReportFilters,
  departmentColumn = 't."departmentId"',
): { where: string; replacements: Replacements; needsTicket: boolean } {
  const conditions: string[] = [];
  const replacements: Replacements = {};
  if (filters.communityId !== undefined) {
    // EXISTS, not IN: SQLite would otherwise walk every ticket of the community's (tens of thousands of) rooms
    // instead of the month's tickets by reportedAt.
    conditions.push(
      isPostgres
        ? // PostgreSQL turns EXISTS into a hash of the community's rooms (the large demo's first estate has 490,000,
          // 0.25 s per query); the room's community looked up per ticket by primary keys costs it 0.1 s.
          '(SELECT bg."communityId" FROM "Unit" u JOIN "Building" bg ON bg."id" = u."buildingId" WHERE u."id" = t."unitId") = :communityId'
        : 'EXISTS (SELECT 1 FROM "Unit" u JOIN "Building" bg ON bg."id" = u."buildingId" WHERE u."id" = t."unitId" AND bg."communityId" = :communityId)',
    );
    replacements.communityId = filters.communityId;
  }
  if (filters.buildingId !== undefined) {
    conditions.push('EXISTS (SELECT 1 FROM "Unit" u WHERE u."id" = t."unitId" AND u."buildingId" = :buildingId)');
    replacements.buildingId = filters.buildingId;
  }
  if (filters.departmentId !== undefined) {
    conditions.push(`${departmentColumn} = :departmentId`);
    replacements.departmentId = filters.departmentId;
  }
  const needsTicket =
    filters.communityId !== undefined ||
    filters.buildingId !== undefined ||
    (filters.departmentId !== undefined && departmentColumn.startsWith('t.'));
  return { where: conditions.map((c) => ` AND ${c}`).join(''), replacements, needsTicket };
}

/** Hours from `from` to `to` (two timestamp columns), as a number. */
export const hoursBetween = (from: string, to: string): string =>
  isPostgres ? `(EXTRACT(EPOCH FROM (${to} - ${from})) / 3600.0)` : `((julianday(${to}) - julianday(${from})) * 24.0)`;

/** The Shanghai calendar day ('YYYY-MM-DD') of a timestamp column (stored in UTC). */
export const shanghaiDaySql = (column: string): string =>
  isPostgres
    ? `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`
    : `strftime('%Y-%m-%d', ${column}, '+8 hours')`;

/** An audit line's recordId as an integer (null when it is not a number: PostgreSQL would refuse the cast). */
export const recordIdAsInteger = (column: string): string =>
  isPostgres
    ? `(CASE WHEN ${column} ~ '^[0-9]{1,9}$' THEN CAST(${column} AS INTEGER) END)`
    : `CAST(${column} AS INTEGER)`;

/** A timestamp as a raw query returns it (SQLite: '2026-11-01 02:00:00.000 +00:00'; PostgreSQL: a Date). */
export function storedMoment(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value;
  const text = String(value)
    .trim()
    .replace(' ', 'T')
    .replace(/\s*([+-]\d{2}:\d{2}|Z)$/, '$1');
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Names of departments or staff by id, for the rows of a grouped table. */
export async function namesIn(table: 'Department' | 'Staff', ids: Iterable<unknown>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].map(Number).filter(Number.isInteger))];
  if (list.length === 0) return new Map();
  const rows = await select<{ id: unknown; name: string }>(`SELECT "id", "name" FROM "${table}" WHERE "id" IN (:ids)`, {
    ids: list,
  });
  return new Map(rows.map((r) => [String(r.id), r.name]));
}
