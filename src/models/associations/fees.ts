import { Bill } from '../bill.js';
import { BillingRun } from '../billing-run.js';
import { CashReport } from '../cash-report.js';
import { ClubhouseCharge } from '../clubhouse-charge.js';
import { Owner } from '../owner.js';
import { ParkingRental } from '../parking-rental.js';
import { Payment } from '../payment.js';
import { Staff } from '../staff.js';
import { Unit } from '../unit.js';
import { WorkOrder } from '../work-order.js';

export function associateFees() {
  Bill.belongsTo(Unit, { as: 'unit', foreignKey: 'unitId' });
  Unit.hasMany(Bill, { as: 'bills', foreignKey: 'unitId' });
  Bill.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  Owner.hasMany(Bill, { as: 'bills', foreignKey: 'ownerId' });
  Bill.hasMany(Payment, { as: 'payments', foreignKey: 'billId' });
  Bill.belongsTo(WorkOrder, { as: 'workOrder', foreignKey: 'workOrderId' });
  Bill.belongsTo(BillingRun, { as: 'billingRun', foreignKey: 'billingRunId' });
  BillingRun.hasMany(Bill, { as: 'bills', foreignKey: 'billingRunId' });
  BillingRun.belongsTo(Staff, { as: 'staff', foreignKey: 'staffId' });
  BillingRun.belongsTo(Staff, { as: 'undoneBy', foreignKey: 'undoneById' });

  Payment.belongsTo(Bill, { as: 'bill', foreignKey: 'billId' });
  Payment.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  Payment.belongsTo(Unit, { as: 'unit', foreignKey: 'unitId' });
  Payment.belongsTo(Staff, { as: 'cashier', foreignKey: 'cashierId' });
  Payment.belongsTo(Staff, { as: 'voidedBy', foreignKey: 'voidedById' });
  Payment.belongsTo(CashReport, { as: 'cashReport', foreignKey: 'cashReportId' });
  Owner.hasMany(Payment, { as: 'payments', foreignKey: 'ownerId' });

  CashReport.hasMany(Payment, { as: 'payments', foreignKey: 'cashReportId' });
  CashReport.belongsTo(Staff, { as: 'cashier', foreignKey: 'cashierId' });
  CashReport.belongsTo(Staff, { as: 'reconciledBy', foreignKey: 'reconciledById' });

  ParkingRental.belongsTo(Staff, { as: 'registeredBy', foreignKey: 'registeredById' });
  ParkingRental.belongsTo(Staff, { as: 'reviewedBy', foreignKey: 'reviewedById' });
  ParkingRental.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  ParkingRental.belongsTo(Unit, { as: 'unit', foreignKey: 'unitId' });

  ClubhouseCharge.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  ClubhouseCharge.belongsTo(Staff, { as: 'recordedBy', foreignKey: 'recordedById' });
  ClubhouseCharge.belongsTo(Staff, { as: 'verifiedBy', foreignKey: 'verifiedById' });
}
