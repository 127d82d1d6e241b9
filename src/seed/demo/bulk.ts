// Chunked inserts for demo volume (--scale up to 1000): one multi-row INSERT per CHUNK rows keeps each statement
// under the databases' bound-parameter limits, and lets a long run report progress.
import type { CreationAttributes, Model, ModelStatic, Transaction } from 'sequelize';
import { sequelize } from '../../models/index.js';

export const CHUNK = 500;

/** `rows` in consecutive slices of at most `size`. */
export function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export interface BulkInsertOptions<M extends Model> {
  /** The caller's transaction: every chunk joins it. Without one, each chunk commits on its own, so a large seed
   * does not hold SQLite's write lock for minutes. */
  transaction?: Transaction;
  validate: boolean;
  returning?: boolean;
  /** Called after each chunk with its created rows and the index of its first row in `rows`. */
  each?: (created: M[], start: number) => void;
}

/** Inserts `rows` CHUNK at a time, in order. */
export async function bulkInsert<M extends Model>(
  model: ModelStatic<M>,
  rows: readonly CreationAttributes<M>[],
  options: BulkInsertOptions<M>,
): Promise<void> {
  const { transaction, validate, returning, each } = options;
  const insert = (part: CreationAttributes<M>[], t: Transaction) =>
    model.bulkCreate(part, { transaction: t, validate, ...(returning ? { returning } : {}) });
  let start = 0;
  for (const part of chunks(rows)) {
    const created = transaction ? await insert(part, transaction) : await sequelize.transaction((t) => insert(part, t));
    each?.(created, start);
    start += part.length;
  }
}
