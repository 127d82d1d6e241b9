import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const timestamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};

const staffRef = {
  type: DataTypes.INTEGER,
  allowNull: true,
  references: { model: 'Staff', key: 'id' },
  onDelete: 'SET NULL',
} as const;

export async function up({ queryInterface: qi }: MigrationContext) {
  await qi.createTable('DunningPlan', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: { type: DataTypes.STRING(100), allowNull: false },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'draft' },
    minMonthsInArrears: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    createdById: staffRef,
    startedById: staffRef,
    startedAt: { type: DataTypes.DATE, allowNull: true },
    closedById: staffRef,
    closedAt: { type: DataTypes.DATE, allowNull: true },
    note: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('DunningPlan', ['status'], { name: 'DunningPlan_status' });
  await qi.addIndex('DunningPlan', ['title'], { name: 'DunningPlan_title' });
  await qi.addIndex('DunningPlan', ['createdById'], { name: 'DunningPlan_createdById' });

  await qi.createTable('DunningTarget', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    planId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'DunningPlan', key: 'id' },
      onDelete: 'CASCADE',
    },
    ownerId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Owner', key: 'id' },
      onDelete: 'RESTRICT',
    },
    unitId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Unit', key: 'id' },
      onDelete: 'SET NULL',
    },
    label: { type: DataTypes.STRING(140), allowNull: false },
    // Money in fen.
    arrearsAmount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    monthsInArrears: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    note: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('DunningTarget', ['planId', 'ownerId'], { unique: true, name: 'DunningTarget_planId_ownerId' });
  await qi.addIndex('DunningTarget', ['ownerId'], { name: 'DunningTarget_ownerId' });
  await qi.addIndex('DunningTarget', ['unitId'], { name: 'DunningTarget_unitId' });
  await qi.addIndex('DunningTarget', ['label'], { name: 'DunningTarget_label' });

  await qi.createTable('DunningRecord', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    planId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'DunningPlan', key: 'id' },
      onDelete: 'RESTRICT',
    },
    targetId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'DunningTarget', key: 'id' },
      onDelete: 'SET NULL',
    },
    ownerId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Owner', key: 'id' },
      onDelete: 'RESTRICT',
    },
    staffId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Staff', key: 'id' },
      onDelete: 'RESTRICT',
    },
    contactedAt: { type: DataTypes.DATE, allowNull: false },
    method: { type: DataTypes.STRING(24), allowNull: false },
    result: { type: DataTypes.STRING(24), allowNull: false },
    promisedDate: { type: DataTypes.DATEONLY, allowNull: true },
    note: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('DunningRecord', ['planId'], { name: 'DunningRecord_planId' });
  await qi.addIndex('DunningRecord', ['targetId'], { name: 'DunningRecord_targetId' });
  await qi.addIndex('DunningRecord', ['ownerId'], { name: 'DunningRecord_ownerId' });
  await qi.addIndex('DunningRecord', ['staffId'], { name: 'DunningRecord_staffId' });
  await qi.addIndex('DunningRecord', ['contactedAt'], { name: 'DunningRecord_contactedAt' });
  await qi.addIndex('DunningRecord', ['result'], { name: 'DunningRecord_result' });
}

export async function down({ queryInterface: qi }: MigrationContext) {
  await qi.dropTable('DunningRecord');
  await qi.dropTable('DunningTarget');
  await qi.dropTable('DunningPlan');
}
