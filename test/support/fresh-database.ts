// A database of a migration test's own: a fresh SQLite file, or a fresh PostgreSQL database beside the test
// database (dropped again by `drop`), so a migration can be run from an earlier schema without touching the suite's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize, isPostgres, sequelize } from '../../src/db.js';

export async function freshDatabase(label: string): Promise<{ db: Sequelize; drop: () => Promise<void> }> {
  if (!isPostgres) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `migration-${label}-`));
    const db = createSequelize(`sqlite:${path.join(dir, 'm.sqlite')}`);
    return { db, drop: () => db.close() };
  }
  const name = `m${label}_${process.pid}_${Date.now().toString(36)}`;
  await sequelize.query(`CREATE DATABASE "${name}"`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const db = createSequelize(url.toString());
  return {
    db,
    drop: async () => {
      await db.close();
      await sequelize.query(`DROP DATABASE IF EXISTS "${name}"`);
    },
  };
}

/**
 * Plain reads and writes on such a database (opened later, in a `before`): rows stamped with one time, and the id of
 * a row found by a key.
 */
export function rowsOf(database: () => Sequelize, now: Date) {
  const stamp = { createdAt: now, updatedAt: now };
  const select = <T extends object>(sql: string) => database().query<T>(sql, { type: QueryTypes.SELECT });
  async function insert(table: string, row: Record<string, unknown>, key: string): Promise<number> {
    await database()
      .getQueryInterface()
      .bulkInsert(table, [{ ...row, ...stamp }]);
    const [found] = await database().query<{ id: number }>(`SELECT "id" FROM "${table}" WHERE "${key}" = :value`, {
      replacements: { value: row[key] },
      type: QueryTypes.SELECT,
    });
    return Number(found.id);
  }
  return { stamp, select, insert };
}
