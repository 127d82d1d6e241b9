// The one Sequelize instance: SQLite by default (a file under data/), PostgreSQL when DATABASE_URL says postgres://.
import fs from 'node:fs';
import path from 'node:path';
import { Sequelize, Transaction, type Options, type TransactionOptions } from 'sequelize';
import { config } from './config.js';
import { logger } from './logger.js';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function createSequelize(url: string): Sequelize {
  const common: Options = {
    logging: config.logLevel === 'debug' ? (sql: string) => logger.debug(sql) : false,
    define: { freezeTableName: true },
  };
  if (isPostgresUrl(url)) {
    return new Sequelize(url, { ...common, dialect: 'postgres', pool: { max: 10, idle: 10_000 } });
  }
  const storage = url.slice('sqlite:'.length) || ':memory:';
  if (storage !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(storage)), { recursive: true });
  const sequelize = new Sequelize({
    ...common,
    dialect: 'sqlite',
    storage,
    // Writers wait for each other (busy_timeout below), and retry when the wait was not enough.
    retry: { max: 5, match: [/SQLITE_BUSY/] },
  });
  runPragmasOnEveryConnection(sequelize, storage !== ':memory:');
  return sequelize;
}

interface SqliteConnection {
  all(sql: string, callback: (error: Error | null, rows: Array<Record<string, unknown>>) => void): void;
}

function sqliteAll(connection: SqliteConnection, sql: string): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) =>
    connection.all(sql, (error, rows) => (error ? reject(error) : resolve(rows))),
  );
}

// Sequelize's SQLite connection manager runs no afterConnect hooks and opens a connection of its own for each
// transaction (closed when it ends), so its getConnection is wrapped: every connection it hands out has run the
// per-connection pragmas once before its first use. journal_mode=WAL is stored in the file: set once, on the first.
function runPragmasOnEveryConnection(sequelize: Sequelize, useWal: boolean): void {
  const manager = sequelize.connectionManager as unknown as {
    getConnection(options?: object): Promise<SqliteConnection>;
  };
  const getConnection = manager.getConnection.bind(manager);
  const prepared = new WeakMap<SqliteConnection, Promise<void>>();
  let wal: Promise<void> | undefined;
  const prepare = async (connection: SqliteConnection) => {
    await sqliteAll(connection, 'PRAGMA busy_timeout = 5000');
    await sqliteAll(connection, 'PRAGMA foreign_keys = ON');
    if (!useWal) return;
    wal ??= sqliteAll(connection, 'PRAGMA journal_mode = WAL').then(
      (rows) => {
        if (rows[0]?.journal_mode !== 'wal')
          logger.warn(`SQLite 数据库未能切换到 WAL 模式（当前为 ${String(rows[0]?.journal_mode)}）`);
      },
      (error: Error) => logger.warn(`SQLite 数据库未能切换到 WAL 模式：${error.message}`),
    );
    await wal;
  };
  manager.getConnection = async (options?: object) => {
    const connection = await getConnection(options);
    let ready = prepared.get(connection);
    if (!ready) {
      ready = prepare(connection);
      prepared.set(connection, ready);
      ready.catch(() => prepared.delete(connection));
    }
    await ready;
    return connection;
  };
}

export const sequelize = createSequelize(config.databaseUrl);
export const isPostgres = sequelize.getDialect() === 'postgres';

/**
 * Whether the database takes writes, found out without writing: inside a transaction that is rolled back, a DELETE
 * that matches no row of the migrations' table (every migrated database has it). On SQLite the transaction is
 * IMMEDIATE, so the write lock is taken too; BEGIN IMMEDIATE alone still succeeds on a file opened read-only.
 * On PostgreSQL the DELETE is refused by a read-only server or a standby.
 */
export async function databaseWritable(db: Sequelize = sequelize): Promise<boolean> {
  const options: TransactionOptions = db.getDialect() === 'sqlite' ? { type: Transaction.TYPES.IMMEDIATE } : {};
  let transaction: Transaction | undefined;
  try {
    transaction = await db.transaction(options);
    await db.query('DELETE FROM "SequelizeMeta" WHERE 1 = 0', { transaction });
    return true;
  } catch (error) {
    logger.warn(`数据库不可写：${(error as Error).message}`);
    return false;
  } finally {
    await transaction?.rollback().catch(() => undefined);
  }
}
