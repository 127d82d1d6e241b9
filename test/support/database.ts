import { sequelize, isPostgres } from '../../src/db.js';
import { migrate } from '../../src/models/migrate.js';
import '../../src/models/index.js';
import { seedDefaultRules, seedDefaultTests } from '../../src/rules/seed.js';
import { loadRules } from '../../src/rules/store.js';

/** A fresh schema for the run: PostgreSQL's public schema is dropped and recreated, SQLite's file is new. */
export async function prepareTestDatabase() {
  if (isPostgres) {
    await sequelize.query('DROP SCHEMA public CASCADE');
    await sequelize.query('CREATE SCHEMA public');
  }
  await migrate();
  await seedDefaultRules();
  await seedDefaultTests();
  await loadRules();
}
