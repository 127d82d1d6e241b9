// Shared pieces of the money reports' grouped SQL: one raw SELECT helper, the scope of bills by community/building,
// what has been paid against bills (收据分摊 of valid receipts, and the one bill of a receipt from before 0013 that
// has no allocation), and rates that are 0 when there is nothing to divide by.
import { QueryTypes } from 'sequelize';
import { sequelize } from '../../models/index.js';
import type { ReportFilters } from './report.js';

export type Replacements = Record<string, unknown>;

export function select<T extends object>(sql: string, replacements: Replacements = {}): Promise<T[]> {
  return sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });
}

/** A SUM or COUNT as a number (PostgreSQL answers bigint sums as strings, an empty SUM is null). */
export const num = (value: unknown): number => Number(value ?? 0) || 0;

/** part / whole, 0 when the whole is 0 (nothing receivable is not a 100% collection). */
export const rateOf = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/** The joins from a bill alias `b` to its unit `u` and building `bg`, and the filter's conditions on them. */
export function billScope(filters: ReportFilters): { joins: string; where: string; replacements: Replacements } {
  const conditions: string[] = [];
  const replacements: Replacements = {};
  if (filters.communityId !== undefined) {
    conditions.push('bg."communityId" = :communityId');
    replacements.communityId = filters.communityId;
  }
  if (filters.buildingId !== undefined) {
    conditions.push('u."buildingId" = :buildingId');
    replacements.buildingId = filters.buildingId;
  }
  return {
    joins: 'JOIN "Unit" u ON u."id" = b."unitId" JOIN "Building" bg ON bg."id" = u."buildingId"',
    where: conditions.map((c) => ` AND ${c}`).join(''),
    replacements,
  };
}

/** The joins from a bill `b` to its unit and building, when an expression needs them. */
const placeJoins = (...sql: string[]) =>
  sql.some((text) => /\b(u|bg)\./.test(text))
    ? 'JOIN "Unit" u ON u."id" = b."unitId" JOIN "Building" bg ON bg."id" = u."buildingId"'
    : '';

export interface GroupedSum {
  keys: string[];
  value: number;
}

/**
 * What valid receipts paid against the bills `b` that `billWhere` selects (a condition on b, u, bg; and on the
 * receipt p when `paymentWhere` is given), summed per the `groupBy` expressions (on b, u, bg, p): the allocations of
 * valid receipts, plus a pre-allocation receipt's whole amount on its single billId when it has no allocation at all.
 * Two grouped queries, added up here. Without a condition on the receipt the bills lead (by their period's index)
 * and the receipt's status is weighed in the sum; with one, the receipts lead (by status and time).
 */
export async function paidAgainstBills(
  groupBy: string[],
  billWhere: string,
  replacements: Replacements,
  paymentWhere = '',
): Promise<GroupedSum[]> {
  const joins = placeJoins(...groupBy, billWhere);
  const keys = groupBy.map((g, i) => `${g} AS "g${i}"`).join(', ');
  const valid = paymentWhere ? `p."status" = 'valid' AND ` : '';
  const amount = (column: string) =>
    paymentWhere ? `SUM(${column})` : `SUM(CASE WHEN p."status" = 'valid' THEN ${column} ELSE 0 END)`;
  const [allocated, single] = await Promise.all([
    select<Record<string, unknown>>(
      `SELECT ${keys}, ${amount('a."amount"')} AS "v"
         FROM "Bill" b ${joins}
         JOIN "PaymentAllocation" a ON a."billId" = b."id"
         JOIN "Payment" p ON p."id" = a."paymentId"
        WHERE ${valid}${billWhere} ${paymentWhere}
        GROUP BY ${groupBy.join(', ')}`,
      replacements,
    ),
    select<Record<string, unknown>>(
      `SELECT ${keys}, ${amount('p."amount"')} AS "v"
         FROM "Bill" b ${joins}
         JOIN "Payment" p ON p."billId" = b."id"
        WHERE ${valid}${billWhere} ${paymentWhere}
          AND NOT EXISTS (SELECT 1 FROM "PaymentAllocation" x WHERE x."paymentId" = p."id")
        GROUP BY ${groupBy.join(', ')}`,
      replacements,
    ),
  ]);
  return [...allocated, ...single].map((row) => ({
    keys: groupBy.map((_, i) => String(row[`g${i}`])),
    value: num(row.v),
  }));
}

/** Adds up grouped sums by one of their keys. */
export function sumBy(rows: GroupedSum[], keyIndex: number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.keys[keyIndex], (sums.get(row.keys[keyIndex]) ?? 0) + row.value);
  return sums;
}

/** Names of communities or buildings by id, for the rows of a grouped table. */
export async function namesOf(table: 'Community' | 'Building', ids: Iterable<unknown>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].map(Number).filter(Number.isInteger))];
  if (list.length === 0) return new Map();
  const rows = await select<{ id: unknown; name: string }>(`SELECT "id", "name" FROM "${table}" WHERE "id" IN (:ids)`, {
    ids: list,
  });
  return new Map(rows.map((r) => [String(r.id), r.name]));
}

/** The label of a stored code from a vocabulary block ('feeKind.management' → 物业管理费), the code's own label else. */
export function codeLabel(properties: Record<string, string>, field: string, code: string): string {
  return properties[`${field}.${code}`] ?? code;
}

/**
 * An expression naming the period (from `periods`, consecutive and oldest first) a timestamp column falls in, by the
 * periods' UTC bounds: NULL outside them. Portable: no time-zone functions of either database.
 */
export function periodOf(
  column: string,
  periods: string[],
  prefix: string,
): { sql: string; replacements: Replacements } {
  const replacements: Replacements = {};
  const branches = periods.map((period, i) => {
    const [year, month] = period.split('-').map(Number);
    // The first moment of the next month in Shanghai (UTC+8, no daylight saving).
    replacements[`${prefix}${i}`] = new Date(Date.UTC(year, month, 1) - 8 * 3_600_000);
    return `WHEN ${column} < :${prefix}${i} THEN '${period}'`;
  });
  const [firstYear, firstMonth] = periods[0].split('-').map(Number);
  replacements[`${prefix}Start`] = new Date(Date.UTC(firstYear, firstMonth - 1, 1) - 8 * 3_600_000);
  return {
    sql: `CASE WHEN ${column} < :${prefix}Start THEN NULL ${branches.join(' ')} ELSE NULL END`,
    replacements,
  };
}

/** A literal for SQL built from trusted values (days computed here), escaped by the database's own rules. */
export const sequelizeEscape = (value: string): string => sequelize.escape(value);

/** A chart's month on its axis: '2026-03' → '3月' (the chart's title and the notes name the year). */
export const shortMonth = (period: string): string => `${Number(period.slice(5, 7))}月`;
