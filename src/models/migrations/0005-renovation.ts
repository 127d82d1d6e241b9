import { DataTypes, Op } from 'sequelize';
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

export async function up({ queryInterface: qi, sequelize }: MigrationContext) {
  await qi.createTable('RenovationApplication', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    number: { type: DataTypes.STRING(20), allowNull: false },
    unitId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Unit', key: 'id' },
      onDelete: 'RESTRICT',
    },
    ownerId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Owner', key: 'id' },
      onDelete: 'RESTRICT',
    },
    contractor: { type: DataTypes.STRING(100), allowNull: false },
    contractorPhone: { type: DataTypes.STRING(20), allowNull: false },
    scope: { type: DataTypes.TEXT, allowNull: false },
    startDate: { type: DataTypes.DATEONLY, allowNull: false },
    endDate: { type: DataTypes.DATEONLY, allowNull: false },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'submitted' },
    reviewOpinion: { type: DataTypes.TEXT, allowNull: true },
    reviewedById: staffRef,
    reviewedAt: { type: DataTypes.DATE, allowNull: true },
    decidedById: staffRef,
    decidedAt: { type: DataTypes.DATE, allowNull: true },
    decisionNote: { type: DataTypes.TEXT, allowNull: true },
    inspectionResult: { type: DataTypes.STRING(24), allowNull: true },
    inspectedById: staffRef,
    inspectedAt: { type: DataTypes.DATE, allowNull: true },
    inspectionNote: { type: DataTypes.TEXT, allowNull: true },
    registeredById: staffRef,
    ...timestamps,
  });
  await qi.addIndex('RenovationApplication', ['number'], { unique: true, name: 'RenovationApplication_number' });
  await qi.addIndex('RenovationApplication', ['status'], { name: 'RenovationApplication_status' });
  await qi.addIndex('RenovationApplication', ['unitId'], { name: 'RenovationApplication_unitId' });
  await qi.addIndex('RenovationApplication', ['ownerId'], { name: 'RenovationApplication_ownerId' });
  await qi.addIndex('RenovationApplication', ['startDate'], { name: 'RenovationApplication_startDate' });
  await qi.addIndex('RenovationApplication', ['inspectionResult'], { name: 'RenovationApplication_inspectionResult' });

  await qi.createTable('RenovationDeposit', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    number: { type: DataTypes.STRING(20), allowNull: false },
    applicationId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'RenovationApplication', key: 'id' },
      onDelete: 'RESTRICT',
    },
    unitId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Unit', key: 'id' },
      onDelete: 'RESTRICT',
    },
    ownerId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Owner', key: 'id' },
      onDelete: 'RESTRICT',
    },
    // Money in fen.
    amount: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'held' },
    inspectionResult: { type: DataTypes.STRING(24), allowNull: true },
    receiptPaymentId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Payment', key: 'id' },
      onDelete: 'RESTRICT',
    },
    refundedAmount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    deduction: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    refundPaymentId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Payment', key: 'id' },
      onDelete: 'RESTRICT',
    },
    refundedAt: { type: DataTypes.DATE, allowNull: true },
    refundedById: staffRef,
    forfeitedAt: { type: DataTypes.DATE, allowNull: true },
    forfeitedById: staffRef,
    note: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('RenovationDeposit', ['number'], { unique: true, name: 'RenovationDeposit_number' });
  await qi.addIndex('RenovationDeposit', ['applicationId'], { unique: true, name: 'RenovationDeposit_applicationId' });
  await qi.addIndex('RenovationDeposit', ['status'], { name: 'RenovationDeposit_status' });
  await qi.addIndex('RenovationDeposit', ['unitId'], { name: 'RenovationDeposit_unitId' });
  await qi.addIndex('RenovationDeposit', ['ownerId'], { name: 'RenovationDeposit_ownerId' });
  await qi.addIndex('RenovationDeposit', ['inspectionResult'], { name: 'RenovationDeposit_inspectionResult' });

  // Payment.depositId (created by 0004 before this table existed) gets its foreign key on PostgreSQL only:
  // on SQLite adding a constraint rebuilds the Payment table, which is not worth the risk.
  if (sequelize.getDialect() === 'postgres') {
    await qi.addConstraint('Payment', {
      type: 'foreign key',
      fields: ['depositId'],
      name: 'Payment_depositId_fkey',
      references: { table: 'RenovationDeposit', field: 'id' },
      onDelete: 'RESTRICT',
      onUpdate: 'CASCADE',
    });
  }
}

export async function down({ queryInterface: qi, sequelize }: MigrationContext) {
  if (sequelize.getDialect() === 'postgres') await qi.removeConstraint('Payment', 'Payment_depositId_fkey');
  // The deposits go; receipts keep their numbers and amounts but no longer point at a deposit.
  await qi.bulkUpdate('Payment', { depositId: null }, { depositId: { [Op.ne]: null } });
  await qi.dropTable('RenovationDeposit');
  await qi.dropTable('RenovationApplication');
}
