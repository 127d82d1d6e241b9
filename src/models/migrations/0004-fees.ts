// 收费管理: bills, receipts, cash reports, parking rentals, clubhouse charges. Money columns are INTEGER fen.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const timestamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};

const ref = (model: string, allowNull: boolean, onDelete: 'RESTRICT' | 'SET NULL' = 'RESTRICT') => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model, key: 'id' },
  onDelete,
});

const fen = { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 };

export async function up({ queryInterface: qi }: MigrationContext) {
  await qi.createTable('Bill', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    unitId: ref('Unit', false),
    ownerId: ref('Owner', true),
    period: { type: DataTypes.STRING(7), allowNull: false },
    feeKind: { type: DataTypes.STRING(24), allowNull: false },
    description: { type: DataTypes.STRING(200), allowNull: false },
    amount: { type: DataTypes.INTEGER, allowNull: false },
    paidAmount: fen,
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'unpaid' },
    dueDate: { type: DataTypes.DATEONLY, allowNull: false },
    // The paid service's WorkOrder (有偿服务), created by migration 0003.
    workOrderId: ref('WorkOrder', true),
    billingKey: { type: DataTypes.STRING(80), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('Bill', ['status'], { name: 'Bill_status' });
  await qi.addIndex('Bill', ['period'], { name: 'Bill_period' });
  await qi.addIndex('Bill', ['unitId'], { name: 'Bill_unitId' });
  await qi.addIndex('Bill', ['ownerId'], { name: 'Bill_ownerId' });
  await qi.addIndex('Bill', ['dueDate'], { name: 'Bill_dueDate' });
  await qi.addIndex('Bill', ['feeKind'], { name: 'Bill_feeKind' });
  await qi.addIndex('Bill', ['workOrderId'], { name: 'Bill_workOrderId' });
  await qi.addIndex('Bill', ['billingKey'], { unique: true, name: 'Bill_billingKey' });

  await qi.createTable('CashReport', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: { type: DataTypes.STRING(80), allowNull: false },
    cashierId: ref('Staff', false),
    reportDate: { type: DataTypes.DATEONLY, allowNull: false },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'open' },
    receiptCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    totalAmount: fen,
    cashAmount: fen,
    cardAmount: fen,
    wechatAmount: fen,
    alipayAmount: fen,
    transferAmount: fen,
    refundAmount: fen,
    submittedAt: { type: DataTypes.DATE, allowNull: true },
    reconciledById: ref('Staff', true),
    reconciledAt: { type: DataTypes.DATE, allowNull: true },
    note: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('CashReport', ['cashierId', 'reportDate'], {
    unique: true,
    name: 'CashReport_cashierId_reportDate',
  });
  await qi.addIndex('CashReport', ['reportDate'], { name: 'CashReport_reportDate' });
  await qi.addIndex('CashReport', ['status'], { name: 'CashReport_status' });
  await qi.addIndex('CashReport', ['reconciledById'], { name: 'CashReport_reconciledById' });

  await qi.createTable('Payment', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    receiptNumber: { type: DataTypes.STRING(20), allowNull: false },
    receiptYear: { type: DataTypes.INTEGER, allowNull: false },
    receiptSequence: { type: DataTypes.INTEGER, allowNull: false },
    kind: { type: DataTypes.STRING(24), allowNull: false },
    method: { type: DataTypes.STRING(24), allowNull: false },
    amount: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'valid' },
    billId: ref('Bill', true),
    // RenovationDeposit comes with a later migration, which adds this foreign key.
    depositId: { type: DataTypes.INTEGER, allowNull: true },
    ownerId: ref('Owner', true),
    unitId: ref('Unit', true),
    payerName: { type: DataTypes.STRING(60), allowNull: false },
    cashierId: ref('Staff', false),
    cashReportId: ref('CashReport', true),
    paidAt: { type: DataTypes.DATE, allowNull: false },
    voidedAt: { type: DataTypes.DATE, allowNull: true },
    voidedById: ref('Staff', true),
    voidReason: { type: DataTypes.STRING(200), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('Payment', ['receiptNumber'], { unique: true, name: 'Payment_receiptNumber' });
  await qi.addIndex('Payment', ['receiptYear', 'receiptSequence'], {
    unique: true,
    name: 'Payment_receiptYear_receiptSequence',
  });
  await qi.addIndex('Payment', ['status'], { name: 'Payment_status' });
  await qi.addIndex('Payment', ['kind'], { name: 'Payment_kind' });
  await qi.addIndex('Payment', ['method'], { name: 'Payment_method' });
  await qi.addIndex('Payment', ['billId'], { name: 'Payment_billId' });
  await qi.addIndex('Payment', ['depositId'], { name: 'Payment_depositId' });
  await qi.addIndex('Payment', ['ownerId'], { name: 'Payment_ownerId' });
  await qi.addIndex('Payment', ['unitId'], { name: 'Payment_unitId' });
  await qi.addIndex('Payment', ['cashierId', 'paidAt'], { name: 'Payment_cashierId_paidAt' });
  await qi.addIndex('Payment', ['cashReportId'], { name: 'Payment_cashReportId' });
  await qi.addIndex('Payment', ['paidAt'], { name: 'Payment_paidAt' });
  await qi.addIndex('Payment', ['payerName'], { name: 'Payment_payerName' });

  await qi.createTable('ParkingRental', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    registeredById: ref('Staff', false),
    ownerId: ref('Owner', true, 'SET NULL'),
    unitId: ref('Unit', true, 'SET NULL'),
    renterName: { type: DataTypes.STRING(40), allowNull: false },
    renterPhone: { type: DataTypes.STRING(20), allowNull: false },
    plateNumber: { type: DataTypes.STRING(10), allowNull: false },
    spaceNumber: { type: DataTypes.STRING(20), allowNull: false },
    startDate: { type: DataTypes.DATEONLY, allowNull: false },
    endDate: { type: DataTypes.DATEONLY, allowNull: false },
    monthlyRent: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'pending' },
    reviewedById: ref('Staff', true),
    reviewedAt: { type: DataTypes.DATE, allowNull: true },
    reviewNote: { type: DataTypes.STRING(200), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('ParkingRental', ['status'], { name: 'ParkingRental_status' });
  await qi.addIndex('ParkingRental', ['registeredById'], { name: 'ParkingRental_registeredById' });
  await qi.addIndex('ParkingRental', ['ownerId'], { name: 'ParkingRental_ownerId' });
  await qi.addIndex('ParkingRental', ['unitId'], { name: 'ParkingRental_unitId' });
  await qi.addIndex('ParkingRental', ['plateNumber'], { name: 'ParkingRental_plateNumber' });
  await qi.addIndex('ParkingRental', ['spaceNumber'], { name: 'ParkingRental_spaceNumber' });
  await qi.addIndex('ParkingRental', ['startDate'], { name: 'ParkingRental_startDate' });

  await qi.createTable('ClubhouseCharge', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    item: { type: DataTypes.STRING(40), allowNull: false },
    customerName: { type: DataTypes.STRING(40), allowNull: false },
    ownerId: ref('Owner', true, 'SET NULL'),
    chargeDate: { type: DataTypes.DATEONLY, allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    unitPrice: { type: DataTypes.INTEGER, allowNull: false },
    amount: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'pending' },
    recordedById: ref('Staff', false),
    verifiedById: ref('Staff', true),
    verifiedAt: { type: DataTypes.DATE, allowNull: true },
    note: { type: DataTypes.STRING(200), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('ClubhouseCharge', ['status'], { name: 'ClubhouseCharge_status' });
  await qi.addIndex('ClubhouseCharge', ['chargeDate'], { name: 'ClubhouseCharge_chargeDate' });
  await qi.addIndex('ClubhouseCharge', ['item'], { name: 'ClubhouseCharge_item' });
  await qi.addIndex('ClubhouseCharge', ['ownerId'], { name: 'ClubhouseCharge_ownerId' });
  await qi.addIndex('ClubhouseCharge', ['recordedById'], { name: 'ClubhouseCharge_recordedById' });
  await qi.addIndex('ClubhouseCharge', ['verifiedById'], { name: 'ClubhouseCharge_verifiedById' });
}

export async function down({ queryInterface: qi }: MigrationContext) {
  await qi.dropTable('ClubhouseCharge');
  await qi.dropTable('ParkingRental');
  await qi.dropTable('Payment');
  await qi.dropTable('CashReport');
  await qi.dropTable('Bill');
}
