// The ticket list's own order (newest first: createdAt, then id) as an index, so that a page — and an export of all
// pages, 1,000 rows at a time — reads its rows in index order instead of sorting every ticket for each page.
import type { MigrationContext } from '../migrate.js';

export async function up({ sequelize }: MigrationContext) {
  await sequelize.query('CREATE INDEX IF NOT EXISTS "Ticket_createdAt_id" ON "Ticket" ("createdAt", "id")');
}

export async function down({ sequelize }: MigrationContext) {
  await sequelize.query('DROP INDEX IF EXISTS "Ticket_createdAt_id"');
}
