// Every model of the domain, initialised on import (before AdminJS is built), with all associations wired here.
import { associateOrganisation } from './associations/organisation.js';
import { associateProperty } from './associations/property.js';

export { sequelize } from '../db.js';
// 组织 organisation
export { Department } from './department.js';
export { Position } from './position.js';
export { PositionClause, CLAUSE_KINDS, type ClauseKind } from './position-clause.js';
export { Staff, STAFF_STATUSES, LIST_PAGE_SIZES, type StaffStatus } from './staff.js';
export { SignInThrottle } from './sign-in-throttle.js';
// 房产 property
export { Community } from './community.js';
export { Building } from './building.js';
export { Unit } from './unit.js';
export { Owner } from './owner.js';

associateOrganisation();
associateProperty();

// 前台服务 front desk
export {
  Ticket,
  TICKET_STATUSES,
  OPEN_TICKET_STATUSES,
  TICKET_CHANNELS,
  TICKET_CATEGORIES,
  TICKET_DUE_HOURS,
  TICKET_NUMBER_PREFIX,
  isTicketOverdue,
  overdueTicketWhere,
  defaultTicketDueAt,
  nextTicketNumber,
  type TicketStatus,
  type TicketChannel,
  type TicketCategory,
} from './ticket.js';
export {
  WorkOrder,
  WORK_ORDER_STATUSES,
  WORK_ORDER_NUMBER_PREFIX,
  nextWorkOrderNumber,
  type WorkOrderStatus,
} from './work-order.js';
export { ReturnVisit, RETURN_VISIT_METHODS, returnVisitLabel, type ReturnVisitMethod } from './return-visit.js';
export {
  Correspondence,
  CORRESPONDENCE_KINDS,
  CORRESPONDENCE_DIRECTIONS,
  type CorrespondenceKind,
  type CorrespondenceDirection,
} from './correspondence.js';
export { Notice, NOTICE_STATUSES, type NoticeStatus } from './notice.js';
export { nextDailyNumber, formatDailyNumber } from './model-helpers.js';
import { associateFrontDesk } from './associations/front-desk.js';
associateFrontDesk();
// 改进意见 from the return visits' feedback
export {
  ImprovementProposal,
  IMPROVEMENT_PROPOSAL_STATUSES,
  type ImprovementProposalStatus,
} from './improvement-proposal.js';
import { associateImprovementProposals } from './associations/improvement-proposals.js';
associateImprovementProposals();

// 收费管理 fees
export {
  Bill,
  BILL_STATUSES,
  BILL_FEE_KINDS,
  PERIOD_PATTERN,
  DEFAULT_MANAGEMENT_RATE_FEN,
  billStatusFor,
  managementFeeFen,
  billingKeyFor,
  type BillStatus,
  type BillFeeKind,
} from './bill.js';
export { BillingRun, BILLING_RUN_STATUSES, billingRunTitle, type BillingRunStatus } from './billing-run.js';
export {
  Payment,
  PAYMENT_KINDS,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  nextReceipt,
  nextReceiptSequence,
  numberReceipts,
  type PaymentKind,
  type PaymentMethod,
  type PaymentStatus,
} from './payment.js';
export {
  RECEIPT_PREFIX,
  formatReceiptNumber,
  parseReceiptNumber,
  receiptNumbering,
  type ReceiptNumbering,
} from './receipt-numbers.js';
export { PaymentAllocation } from './payment-allocation.js';
export { CashReport, CASH_REPORT_STATUSES, type CashReportStatus } from './cash-report.js';
export { CashReportReview, CASH_REPORT_REVIEW_OUTCOMES, type CashReportReviewOutcome } from './cash-report-review.js';
export {
  ParkingRental,
  PARKING_RENTAL_STATUSES,
  SPACE_HOLDING_STATUSES,
  PLATE_PATTERN,
  type ParkingRentalStatus,
} from './parking-rental.js';
export {
  ClubhouseCharge,
  CLUBHOUSE_CHARGE_STATUSES,
  CLUBHOUSE_ITEMS,
  type ClubhouseChargeStatus,
} from './clubhouse-charge.js';
import { associateFees } from './associations/fees.js';
associateFees();

// 车位 parking spaces, let through the rentals above
export {
  ParkingSpace,
  PARKING_SPACE_KINDS,
  SPACE_CODE_PATTERN,
  normaliseSpaceCode,
  type ParkingSpaceKind,
} from './parking-space.js';
import { associateParking } from './associations/parking.js';
associateParking();

// 装修管理 renovation
export {
  RenovationApplication,
  RENOVATION_STATUSES,
  INSPECTION_RESULTS,
  formatRenovationNumber,
  nextRenovationSequence,
  type RenovationStatus,
  type InspectionResult,
} from './renovation-application.js';
export { RenovationDeposit, DEPOSIT_STATUSES, depositNumberFor, type DepositStatus } from './renovation-deposit.js';
import { associateRenovation } from './associations/renovation.js';
associateRenovation();

// 催缴管理 dunning
export { DunningPlan, DUNNING_PLAN_STATUSES, type DunningPlanStatus } from './dunning-plan.js';
export { DunningTarget, unitLabelled } from './dunning-target.js';
export {
  DunningRecord,
  DUNNING_METHODS,
  DUNNING_RESULTS,
  type DunningMethod,
  type DunningResult,
} from './dunning-record.js';
import { associateDunning } from './associations/dunning.js';
associateDunning();

// 满意度调查、工作计划、资料归档 office
export { Survey, SURVEY_STATUSES, type SurveyStatus } from './survey.js';
export { SurveyQuestion, SURVEY_QUESTION_KINDS, type SurveyQuestionKind } from './survey-question.js';
export { SurveyResponse, checkAnswersShape, type SurveyAnswers } from './survey-response.js';
export { WorkPlan, MONTH_PATTERN } from './work-plan.js';
export { WorkPlanItem, WORK_PLAN_ITEM_STATUSES, type WorkPlanItemStatus } from './work-plan-item.js';
export { ArchiveDocument, ARCHIVE_DOC_TYPES, type ArchiveDocType } from './archive-document.js';
export { type JsonValue } from './json-field.js';
import { associateOffice } from './associations/office.js';
associateOffice();

// 权限与日志 governance
export {
  AuthorityRule,
  RULE_EFFECTS,
  MAX_PRIORITY,
  type RuleEffect,
  type RuleConditions,
  type RuleWriteOptions,
} from './authority-rule.js';
export { RuleVersion } from './rule-version.js';
export {
  RuleDraft,
  RULE_DRAFT_KINDS,
  RULE_DRAFT_STATUSES,
  type RuleDraftKind,
  type RuleDraftStatus,
} from './rule-draft.js';
export { RuleChangeSet, RULE_CHANGE_SET_KINDS, type RuleChangeSetKind } from './rule-change-set.js';
export { AuthorityTest, TEST_EXPECTATIONS, type TestExpectation } from './authority-test.js';
export { DecisionLog, DECISION_EFFECTS, type DecisionEffect, type DecidingRule } from './decision-log.js';
export { AuditLog, type AuditChanges } from './audit-log.js';
import { associateGovernance } from './associations/governance.js';
associateGovernance();

// Last, once every model and association is defined: lengths, types and ranges checked on every write.
import { sequelize as definedModels } from '../db.js';
import { applyFieldLimits } from './field-limits.js';
applyFieldLimits(Object.values(definedModels.models));
