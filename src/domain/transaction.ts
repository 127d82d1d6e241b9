// Money operations run in one transaction, exactly once. SQLite takes the write lock at BEGIN (IMMEDIATE), so
// concurrent writers queue behind the busy timeout instead of failing half-way; PostgreSQL relies on row locks
// and conditional updates inside the use cases.
import { Transaction, UniqueConstraintError } from 'sequelize';
import { isPostgres, sequelize } from '../db.js';
import { Conflict } from '../errors.js';

/** Worth another try: a busy database, or two receipts drawing the same number at once. */
function isTransient(error: unknown): boolean {
  if (error instanceof UniqueConstraintError) return Object.keys(error.fields ?? {}).some((f) => /receipt/i.test(f));
  return /SQLITE_BUSY|could not serialize|deadlock detected/i.test(String((error as Error)?.message ?? ''));
}

export async function inTransaction<T>(work: (transaction: Transaction) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sequelize.transaction(isPostgres ? {} : { type: Transaction.TYPES.IMMEDIATE }, work);
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (attempt >= attempts) throw new Conflict('系统繁忙，请稍后重试');
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
    }
  }
}
