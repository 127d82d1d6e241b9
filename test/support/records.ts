// Factories for the office's work: 报事单, 账单, 装修申请 and 装修押金, ready in the state a test asks for. Each call
// makes rows of its own (a fresh clerk, a fresh flat where one is needed), so tests never depend on each other.
// Rows are built the way the product builds them where it has a way: a bill as the billing run words it, a deposit
// collected and inspected through the use cases; otherwise through the model, whose hooks fill in numbers and dues.
import type { CreationAttributes } from 'sequelize';
import {
  Bill,
  RenovationApplication,
  RenovationDeposit,
  Ticket,
  Unit,
  WorkOrder,
  billStatusFor,
  type InspectionResult,
  type RenovationStatus,
  type TicketStatus,
} from '../../src/models/index.js';
import { managementBillRow } from '../../src/domain/billing-run.js';
import { collectDeposit } from '../../src/domain/deposits.js';
import { inspectRenovation } from '../../src/domain/renovation-transitions.js';
import { loadActor } from '../../src/auth/actor.js';
import { addMonths, shanghaiMonth } from '../../src/lib/shanghai.js';
import { department, staff } from './factories.js';
import { smallEstate } from './estate.js';

const HOUR = 3_600_000;
/** A ticket's way from registration to archive; a cancelled one leaves it after `reported`. */
const TICKET_STEPS: readonly TicketStatus[] = [
  'reported',
  'dispatched',
  'completed',
  'visited',
  'approved',
  'archived',
];

export type TicketFields = Partial<CreationAttributes<Ticket>> & {
  /** The flat the report is about: sets unitId and its owner. */
  unit?: Unit;
  /** Makes the ticket's dispatch a paid service (有偿服务) with this fee, in fen. */
  paidFee?: number;
};

/**
 * A 报事单 in `status`: a repair reported by phone two days ago, registered by a fresh 客户接待员 for 工程部, due
 * tomorrow, and stamped as far as its state goes — dispatched 40 h ago (with its 派工单, open until the work is done),
 * completed 30 h ago with a result, visited 20 h ago (satisfaction 4), approved 10 h ago, archived 5 h ago; a
 * cancelled one was cancelled 45 h ago. Given `reportedAt`, the stamps keep the same order between it and now.
 * `fields` win over all of it.
 */
export async function ticket(status: TicketStatus = 'reported', fields: TicketFields = {}): Promise<Ticket> {
  const { unit, paidFee, ...given } = fields;
  const now = Date.now();
  const reportedAt = new Date(given.reportedAt ?? now - 48 * HOUR);
  // The hours before now of each step, for a ticket reported 48 h ago; spread over the span from reportedAt.
  const at = (hoursBefore: number) =>
    new Date(reportedAt.getTime() + ((now - reportedAt.getTime()) * (48 - hoursBefore)) / 48);
  const reached = (step: TicketStatus) =>
    status !== 'cancelled' && TICKET_STEPS.indexOf(status) >= TICKET_STEPS.indexOf(step);
  const registrar = await staff('receptionist');
  const row = await Ticket.create({
    channel: 'phone',
    category: 'repair',
    title: '卫生间漏水',
    reporterName: '王建国',
    reporterPhone: '13800138000',
    ...(unit ? { unitId: unit.id, ownerId: unit.ownerId } : {}),
    departmentId: (await department('工程部')).id,
    registeredById: registrar.id,
    status,
    reportedAt,
    dueAt: new Date(now + 24 * HOUR),
    ...(reached('dispatched') ? { dispatchedAt: at(40) } : {}),
    ...(reached('completed') ? { completedAt: at(30), result: '已更换角阀' } : {}),
    ...(reached('visited') ? { visitedAt: at(20), satisfaction: 4 } : {}),
    ...(reached('approved') ? { approvedAt: at(10) } : {}),
    ...(reached('archived') ? { archivedAt: at(5) } : {}),
    ...(status === 'cancelled' ? { cancelledAt: at(45), cancelReason: '业主已自行处理' } : {}),
    ...given,
  } as CreationAttributes<Ticket>);
  if (row.dispatchedAt) {
    await WorkOrder.create({
      ticketId: row.id,
      departmentId: row.departmentId,
      dispatchedById: registrar.id,
      dispatchedAt: row.dispatchedAt,
      dueAt: row.dueAt,
      status: status === 'dispatched' ? 'open' : 'done',
      isPaidService: paidFee !== undefined,
      feeAmount: paidFee ?? 0,
    });
  }
  return row;
}

/**
 * A one-off 账单 of `unit`, billed to its owner and worded as the monthly billing run words it: last month's
 * 物业管理费 for the unit's area, due on the 20th (so unpaid it is in arrears). A `paidAmount` sets the status it
 * must have; `fields` win over the rest.
 */
export function bill(unit: Unit, fields: Partial<CreationAttributes<Bill>> = {}): Promise<Bill> {
  const period = fields.period ?? addMonths(shanghaiMonth(new Date()), -1);
  const row = { ...managementBillRow(unit, period), billingKey: null, ...fields };
  return Bill.create({ status: billStatusFor(row.amount, row.paidAmount ?? 0), ...row });
}

/**
 * A 装修申请 in `status` for a fresh owner's flat (unless `fields` name one), registered by a fresh 客户接待员: the
 * living room floor relaid by 南山美家装饰, from 1 December to 10 January. It carries what its state implies —
 * the engineering opinion once reviewed, the decision once decided, the inspection (passed, unless
 * `inspectionResult` says otherwise) once inspected.
 */
export async function renovationApplication(
  status: RenovationStatus = 'submitted',
  fields: Partial<CreationAttributes<RenovationApplication>> = {},
): Promise<RenovationApplication> {
  const flat = fields.unitId ? null : (await smallEstate(1)).units[0];
  const now = new Date();
  const decided = status === 'approved' || status === 'rejected' || status === 'inspected';
  return RenovationApplication.create({
    unitId: flat?.id as number,
    ownerId: flat?.ownerId as number,
    contractor: '南山美家装饰工程有限公司',
    contractorPhone: '13600136000',
    scope: '客厅地面翻新',
    startDate: '2026-12-01',
    endDate: '2027-01-10',
    status,
    registeredById: (await staff('receptionist')).id,
    ...(status !== 'submitted' ? { reviewOpinion: '同意施工，不得改动承重墙和燃气管道', reviewedAt: now } : {}),
    ...(decided ? { decidedAt: now } : {}),
    ...(status === 'rejected' ? { decisionNote: '施工方案不完整' } : {}),
    ...(status === 'inspected' ? { inspectionResult: 'passed' as const, inspectedAt: now } : {}),
    ...fields,
  });
}

export interface DepositOptions {
  /** In fen; 3,000 元 unless given. */
  amount?: number;
  /** The approved application it is collected for; a fresh one unless given. */
  application?: RenovationApplication;
  /** When given, 工程部主管 then inspects the renovation (验收) with this result, which the deposit carries. */
  inspection?: InspectionResult;
}

/**
 * A held 装修押金, collected by a fresh 收费员 through 收押金 (so it has its receipt) on an approved application, and —
 * when `inspection` is given — its renovation inspected through 验收, as the refund and forfeit rules expect.
 */
export async function heldDeposit(options: DepositOptions = {}): Promise<RenovationDeposit> {
  const application = options.application ?? (await renovationApplication('approved'));
  const cashier = await loadActor((await staff('cashier')).id);
  const deposit = await collectDeposit(cashier, { applicationId: application.id, amount: options.amount ?? 300_000 });
  if (options.inspection) {
    const engineer = await loadActor((await staff('engineering_supervisor')).id);
    await inspectRenovation(engineer, application.id, { inspectionResult: options.inspection });
    await Promise.all([deposit.reload(), application.reload()]);
  }
  return deposit;
}
