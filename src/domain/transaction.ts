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

// SQLite has one writer at a time. Writers of this process queue here instead of in SQLite's busy handler, whose
// waits sleep inside node-sqlite3's few worker threads and can starve the very transaction they wait for.
let sqliteWriters: Promise<unknown> = Promise.resolve();
function oneWriterAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = sqliteWriters.then(work, work);
  sqliteWriters = turn.catch(() => undefined);
  return turn;
}

export async function inTransaction<T>(work: (transaction: Transaction) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (isPostgres) return await sequelize.transaction(work);
      return await oneWriterAtATime(() => sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, work));
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (attempt >= attempts) throw new Conflict('系统繁忙，请稍后重试');
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
    }
  }
}
