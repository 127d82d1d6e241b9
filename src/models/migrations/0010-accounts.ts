// Accounts: a position proposed by IT waits for approval (proposedPositionId); an explicit, audited lock (lockedAt,
// lockReason) replaces the lock that five wrong passwords used to put on the account; sign-in failures are counted
// per account and address (or known device) in SignInThrottle, so nobody can lock a colleague out by guessing.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

export async function up({ queryInterface: qi, sequelize }: MigrationContext) {
  await qi.addColumn('Staff', 'proposedPositionId', {
    type: DataTypes.INTEGER,
    allowNull: true,
    references: { model: 'Position', key: 'id' },
    onDelete: 'SET NULL',
  });
  await qi.addColumn('Staff', 'lockedAt', { type: DataTypes.DATE, allowNull: true });
  await qi.addColumn('Staff', 'lockReason', { type: DataTypes.STRING(200), allowNull: true });
  // Plain ALTER TABLE … DROP COLUMN on both databases: Sequelize's SQLite removeColumn rebuilds the table, which
  // would cascade through the foreign keys that point at Staff.
  await sequelize.query('ALTER TABLE "Staff" DROP COLUMN "failedLogins"');
  await sequelize.query('ALTER TABLE "Staff" DROP COLUMN "lockedUntil"');
  await qi.addIndex('Staff', ['proposedPositionId'], { name: 'Staff_proposedPositionId' });

  await qi.createTable('SignInThrottle', {
    key: { type: DataTypes.STRING(80), primaryKey: true },
    failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    lastFailureAt: { type: DataTypes.DATE, allowNull: true },
    blockedUntil: { type: DataTypes.DATE, allowNull: true },
    createdAt: { type: DataTypes.DATE, allowNull: false },
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('SignInThrottle', ['updatedAt'], { name: 'SignInThrottle_updatedAt' });
}

export async function down({ queryInterface: qi, sequelize }: MigrationContext) {
  await qi.dropTable('SignInThrottle');
  await qi.removeIndex('Staff', 'Staff_proposedPositionId');
  await sequelize.query('ALTER TABLE "Staff" DROP COLUMN "proposedPositionId"');
  await sequelize.query('ALTER TABLE "Staff" DROP COLUMN "lockReason"');
  await sequelize.query('ALTER TABLE "Staff" DROP COLUMN "lockedAt"');
  await qi.addColumn('Staff', 'failedLogins', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  await qi.addColumn('Staff', 'lockedUntil', { type: DataTypes.DATE, allowNull: true });
}
