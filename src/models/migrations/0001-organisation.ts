import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const timestamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};

export async function up({ queryInterface: qi }: MigrationContext) {
  await qi.createTable('Department', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    description: { type: DataTypes.TEXT, allowNull: true },
    // The supervisor (a Staff row) is linked once Staff exists; see below.
    supervisorId: { type: DataTypes.INTEGER, allowNull: true },
    ...timestamps,
  });
  await qi.createTable('Position', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    code: { type: DataTypes.STRING(40), allowNull: true, unique: true },
    departmentId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Department', key: 'id' },
      onDelete: 'SET NULL',
    },
    departmentText: { type: DataTypes.STRING(40), allowNull: true },
    grade: { type: DataTypes.STRING(40), allowNull: true },
    supervisorText: { type: DataTypes.STRING(40), allowNull: true },
    supervisorPositionId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Position', key: 'id' },
      onDelete: 'SET NULL',
    },
    source: { type: DataTypes.STRING(200), allowNull: true },
    ...timestamps,
  });
  await qi.createTable('PositionClause', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    positionId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Position', key: 'id' },
      onDelete: 'CASCADE',
    },
    kind: { type: DataTypes.STRING(20), allowNull: false },
    number: { type: DataTypes.INTEGER, allowNull: false },
    text: { type: DataTypes.TEXT, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('PositionClause', ['positionId', 'kind', 'number'], {
    unique: true,
    name: 'PositionClause_position_kind_number',
  });
  await qi.createTable('Staff', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(40), allowNull: false },
    email: { type: DataTypes.STRING(120), allowNull: false, unique: true },
    passwordHash: { type: DataTypes.STRING(100), allowNull: false },
    phone: { type: DataTypes.STRING(20), allowNull: true },
    positionId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Position', key: 'id' },
      onDelete: 'SET NULL',
    },
    departmentId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Department', key: 'id' },
      onDelete: 'SET NULL',
    },
    enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    failedLogins: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    lockedUntil: { type: DataTypes.DATE, allowNull: true },
    lastLoginAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('Staff', ['positionId'], { name: 'Staff_positionId' });
  await qi.addIndex('Staff', ['departmentId'], { name: 'Staff_departmentId' });
  await qi.addIndex('Department', ['supervisorId'], { name: 'Department_supervisorId' });
  // Sessions of signed-in staff (connect-session-sequelize's table, created here rather than by its sync()).
  await qi.createTable('Session', {
    sid: { type: DataTypes.STRING(36), primaryKey: true },
    expires: { type: DataTypes.DATE, allowNull: true },
    data: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('Session', ['expires'], { name: 'Session_expires' });
}

export async function down({ queryInterface: qi }: MigrationContext) {
  await qi.dropTable('Session');
  await qi.dropTable('Staff');
  await qi.dropTable('PositionClause');
  await qi.dropTable('Position');
  await qi.dropTable('Department');
}
