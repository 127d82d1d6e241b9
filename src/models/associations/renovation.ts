import { Owner } from '../owner.js';
import { Payment } from '../payment.js';
import { RenovationApplication } from '../renovation-application.js';
import { RenovationDeposit } from '../renovation-deposit.js';
import { Staff } from '../staff.js';
import { Unit } from '../unit.js';

export function associateRenovation() {
  RenovationApplication.belongsTo(Unit, { as: 'unit', foreignKey: 'unitId' });
  RenovationApplication.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  RenovationApplication.belongsTo(Staff, { as: 'registeredBy', foreignKey: 'registeredById' });
  RenovationApplication.belongsTo(Staff, { as: 'reviewedBy', foreignKey: 'reviewedById' });
  RenovationApplication.belongsTo(Staff, { as: 'decidedBy', foreignKey: 'decidedById' });
  RenovationApplication.belongsTo(Staff, { as: 'inspectedBy', foreignKey: 'inspectedById' });
  RenovationApplication.hasOne(RenovationDeposit, { as: 'deposit', foreignKey: 'applicationId' });
  Unit.hasMany(RenovationApplication, { as: 'renovationApplications', foreignKey: 'unitId' });
  Owner.hasMany(RenovationApplication, { as: 'renovationApplications', foreignKey: 'ownerId' });

  RenovationDeposit.belongsTo(RenovationApplication, { as: 'application', foreignKey: 'applicationId' });
  RenovationDeposit.belongsTo(Unit, { as: 'unit', foreignKey: 'unitId' });
  RenovationDeposit.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  RenovationDeposit.belongsTo(Payment, { as: 'receiptPayment', foreignKey: 'receiptPaymentId' });
  RenovationDeposit.belongsTo(Payment, { as: 'refundPayment', foreignKey: 'refundPaymentId' });
  RenovationDeposit.belongsTo(Staff, { as: 'refundedBy', foreignKey: 'refundedById' });
  RenovationDeposit.belongsTo(Staff, { as: 'forfeitedBy', foreignKey: 'forfeitedById' });
  // Every receipt of the deposit (collection and refund) points back at it through Payment.depositId.
  RenovationDeposit.hasMany(Payment, { as: 'payments', foreignKey: 'depositId' });
  Payment.belongsTo(RenovationDeposit, { as: 'deposit', foreignKey: 'depositId' });
}
