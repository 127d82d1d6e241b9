// Schema changes only through these migrations (never sync()). Names are stored without their extension,
// so runs from .ts sources (tsx) and built .js files agree.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Umzug, SequelizeStorage } from 'umzug';
import type { QueryInterface, Sequelize } from 'sequelize';
import { sequelize as defaultSequelize } from '../db.js';
import { logger } from '../logger.js';

export interface MigrationContext {
  queryInterface: QueryInterface;
  sequelize: Sequelize;
}

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function createMigrator(sequelize: Sequelize = defaultSequelize) {
  return new Umzug<MigrationContext>({
    migrations: {
      glob: ['*.{ts,js}', { cwd: migrationsDir, ignore: ['*.d.ts'] }],
      resolve: ({ name, path: file, context }) => {
        const load = () => import(pathToFileURL(file!).href);
        return {
          name: name.replace(/\.(ts|js)$/, ''),
          up: async () => (await load()).up(context),
          down: async () => (await load()).down(context),
        };
      },
    },
    context: { queryInterface: sequelize.getQueryInterface(), sequelize },
    storage: new SequelizeStorage({ sequelize, modelName: 'SequelizeMeta' }),
    logger: {
      info: (m) => logger.debug(JSON.stringify(m)),
      warn: (m) => logger.warn(JSON.stringify(m)),
      error: (m) => logger.error(JSON.stringify(m)),
      debug: () => undefined,
    },
  });
}

/** Applies pending migrations; on PostgreSQL an advisory lock keeps several starting instances from racing. */
export async function migrate(sequelize: Sequelize = defaultSequelize): Promise<string[]> {
  const isPostgres = sequelize.getDialect() === 'postgres';
  if (isPostgres) await sequelize.query('SELECT pg_advisory_lock(720301)');
  try {
    const applied = await createMigrator(sequelize).up();
    return applied.map((m) => m.name);
  } finally {
    if (isPostgres) await sequelize.query('SELECT pg_advisory_unlock(720301)');
  }
}
