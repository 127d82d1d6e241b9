import { Bill } from '../bill.js';
import { BillingRun } from '../billing-run.js';
import { CashReport } from '../cash-report.js';
import { CashReportReview } from '../cash-report-review.js';
import { ClubhouseCharge } from '../clubhouse-charge.js';
import { Owner } from '../owner.js';
import { ParkingRental } from '../parking-rental.js';
import { Payment } from '../payment.js';
import { PaymentAllocation } from '../payment-allocation.js';
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
  // A receipt settles its bills through allocations (收据分摊); billId names the bill of a one-bill receipt only.
  Payment.hasMany(PaymentAllocation, { as: 'allocations', foreignKey: 'paymentId' });
  Bill.hasMany(PaymentAllocation, { as: 'allocations', foreignKey: 'billId' });
  PaymentAllocation.belongsTo(Payment, { as: 'payment', foreignKey: 'paymentId' });
  PaymentAllocation.belongsTo(Bill, { as: 'bill', foreignKey: 'billId' });

  CashReport.hasMany(Payment, { as: 'payments', foreignKey: 'cashReportId' });
  CashReport.belongsTo(Staff, { as: 'cashier', foreignKey: 'cashierId' });
  CashReport.belongsTo(Staff, { as: 'reconciledBy', foreignKey: 'reconciledById' });
  CashReport.hasMany(CashReportReview, { as: 'reviews', foreignKey: 'cashReportId' });
  CashReportReview.belongsTo(CashReport, { as: 'cashReport', foreignKey: 'cashReportId' });
  CashReportReview.belongsTo(Staff, { as: 'reviewer', foreignKey: 'reviewerId' });

  ParkingRental.belongsTo(Staff, { as: 'registeredBy', foreignKey: 'registeredById' });
  ParkingRental.belongsTo(Staff, { as: 'reviewedBy', foreignKey: 'reviewedById' });
  ParkingRental.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  ParkingRental.belongsTo(Unit, { as: 'unit', foreignKey: 'unitId' });

  ClubhouseCharge.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  ClubhouseCharge.belongsTo(Staff, { as: 'recordedBy', foreignKey: 'recordedById' });
  ClubhouseCharge.belongsTo(Staff, { as: 'verifiedBy', foreignKey: 'verifiedById' });
}
