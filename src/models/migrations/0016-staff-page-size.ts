// Each staff member's page size for lists (每页 10/20/50/100 条), remembered on their account so it follows them to
// another computer; empty until they choose one (lists then show 10).
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

export async function up({ queryInterface: qi }: MigrationContext) {
  const columns = await qi.describeTable('Staff');
  if (!columns.listPageSize) await qi.addColumn('Staff', 'listPageSize', { type: DataTypes.INTEGER, allowNull: true });
}

export async function down({ sequelize }: MigrationContext) {
  // Plain ALTER TABLE … DROP COLUMN on both databases: Sequelize's SQLite removeColumn rebuilds the table, which
  // would cascade through the foreign keys that point at Staff.
  await sequelize.query('ALTER TABLE "Staff" DROP COLUMN "listPageSize"');
}
