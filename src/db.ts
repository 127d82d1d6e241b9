// The one Sequelize instance: SQLite by default (a file under data/), PostgreSQL when DATABASE_URL says postgres://.
import fs from 'node:fs';
import path from 'node:path';
import { Sequelize, type Options } from 'sequelize';
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
    // Writers wait for each other instead of failing at once with SQLITE_BUSY.
    dialectOptions: { mode: undefined },
    retry: { max: 5, match: [/SQLITE_BUSY/] },
  });
  sequelize.addHook('afterConnect', async (connection: unknown) => {
    const db = connection as { run: (sql: string, cb: (err: Error | null) => void) => void };
    for (const pragma of ['PRAGMA busy_timeout = 5000', 'PRAGMA foreign_keys = ON', 'PRAGMA journal_mode = WAL']) {
      await new Promise<void>((resolve, reject) => db.run(pragma, (err) => (err ? reject(err) : resolve())));
    }
  });
  return sequelize;
}

export const sequelize = createSequelize(config.databaseUrl);
export const isPostgres = sequelize.getDialect() === 'postgres';
