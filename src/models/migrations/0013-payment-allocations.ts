// One receipt, several bills: 收据分摊 (PaymentAllocation) says how much of a receipt went to which bill. Every
// receipt that settled a bill until now (Payment.billId) becomes one allocation of its whole amount, voided ones
// included (they keep what they had settled; only valid receipts count). Payment.billId stays: old rows keep it, and
// a receipt that settles exactly one bill still names it there, so readers of that column keep working.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

export async function up({ queryInterface: qi, sequelize }: MigrationContext) {
  await sequelize.transaction(async (transaction) => {
    await qi.createTable(
      'PaymentAllocation',
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        // A receipt is never deleted, and a bill with a receipt is never deleted (a billing run's undo refuses).
        paymentId: {
          type: DataTypes.INTEGER,
          allowNull: false,
          references: { model: 'Payment', key: 'id' },
          onDelete: 'RESTRICT',
        },
        billId: {
          type: DataTypes.INTEGER,
          allowNull: false,
          references: { model: 'Bill', key: 'id' },
          onDelete: 'RESTRICT',
        },
        amount: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: { type: DataTypes.DATE, allowNull: false },
        updatedAt: { type: DataTypes.DATE, allowNull: false },
      },
      { transaction },
    );
    await qi.addIndex('PaymentAllocation', ['paymentId', 'billId'], {
      unique: true,
      name: 'PaymentAllocation_paymentId_billId',
      transaction,
    });
    await qi.addIndex('PaymentAllocation', ['billId'], { name: 'PaymentAllocation_billId', transaction });
    await sequelize.query(
      `INSERT INTO "PaymentAllocation" ("paymentId", "billId", "amount", "createdAt", "updatedAt")
       SELECT "id", "billId", "amount", "createdAt", "updatedAt" FROM "Payment" WHERE "billId" IS NOT NULL
       ORDER BY "id"`,
      { transaction },
    );
  });
}

export async function down({ queryInterface: qi, sequelize }: MigrationContext) {
  await sequelize.transaction(async (transaction) => {
    // A receipt of several bills names its oldest one (the allocations, and so the rest, are gone).
    await sequelize.query(
      `UPDATE "Payment" SET "billId" = (
         SELECT a."billId" FROM "PaymentAllocation" a WHERE a."paymentId" = "Payment"."id" ORDER BY a."id" LIMIT 1)
       WHERE "billId" IS NULL AND EXISTS (SELECT 1 FROM "PaymentAllocation" a WHERE a."paymentId" = "Payment"."id")`,
      { transaction },
    );
    await qi.dropTable('PaymentAllocation', { transaction });
  });
}
