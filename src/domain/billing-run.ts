// 生成月度账单: one management-fee bill per owned unit and one rent bill per approved parking rental running in the
// month. The billing key makes the run idempotent: a second run for the same month creates nothing. Each run is
// recorded (BillingRun) with what it made, and its bills point at it, so a mistaken run can be undone while none
// of its bills has been paid.
import { Op, UniqueConstraintError, type CreationAttributes, type Transaction } from 'sequelize';
import {
  Bill,
  BillingRun,
  DunningTarget,
  ParkingRental,
  ParkingSpace,
  Payment,
  Unit,
  PERIOD_PATTERN,
  billingKeyFor,
  managementFeeFen,
  sequelize,
} from '../models/index.js';
import type { Actor } from '../rules/actor.js';
import { refuse } from './input.js';
import { addDays, addMonths, lastDayOfMonth, monthLabel, shanghaiMoment, shanghaiMonth } from '../lib/shanghai.js';
import { inTransaction } from './transaction.js';
import { authorize } from './authorize.js';
import { audit } from './audit.js';
import { transitionTo } from './transition.js';

const CHUNK = 500;
const PERIOD_MESSAGE = '账期格式应为 YYYY-MM，例如 2026-11';

/**
 * How far a run's period may lie from this Shanghai month: back 36 months (catching up on a missed month, or
 * re-billing after an undo), ahead 12 (billing in advance). Anything else is a typing mistake (0000-01, 2206-11).
 */
export const PERIOD_MONTHS_BACK = 36;
export const PERIOD_MONTHS_AHEAD = 12;

/** "2026年11月物业管理费（翠湖花园 3栋 1203）". */
export function managementBillDescription(period: string, unitLabel: string): string {
  return `${monthLabel(period)}物业管理费（${unitLabel}）`;
}

/** "2026年11月车位租金（B1-023 粤B12345，翠湖花园 3栋 1203）". */
export function parkingBillDescription(
  period: string,
  rental: { spaceCode: string; plateNumber: string },
  unitLabel: string,
): string {
  return `${monthLabel(period)}车位租金（${rental.spaceCode} ${rental.plateNumber}，${unitLabel}）`;
}

/** "有偿服务费（派工单 PG20261127-0001）". */
export function serviceBillDescription(workOrderNumber: string): string {
  return `有偿服务费（派工单 ${workOrderNumber}）`;
}

/** A paid service's bill falls due this many days after the work was done. */
export const SERVICE_BILL_DUE_DAYS = 15;

/** Bills of a billing run fall due on the 20th of their month. */
export const billingDueDate = (period: string): string => `${period}-20`;

/** The management-fee bill a run makes for a unit (area in m²). The demo data builds its bills with it too. */
export function managementBillRow(
  unit: { id: number; label: string; area: number | string; ownerId?: number | null },
  period: string,
): CreationAttributes<Bill> {
  return {
    unitId: unit.id,
    ownerId: unit.ownerId ?? null,
    period,
    feeKind: 'management',
    description: managementBillDescription(period, unit.label),
    amount: managementFeeFen(Number(unit.area)),
    dueDate: billingDueDate(period),
    billingKey: billingKeyFor('management', unit.id, period),
  };
}

/** The rent bill a run makes for a parking rental of a unit (its space named by the space's code). */
export function parkingBillRow(
  rental: {
    id: number;
    unitId: number | null;
    ownerId?: number | null;
    monthlyRent: number;
    spaceCode: string;
    plateNumber: string;
  },
  unitLabel: string,
  period: string,
): CreationAttributes<Bill> {
  return {
    unitId: rental.unitId as number,
    ownerId: rental.ownerId ?? null,
    period,
    feeKind: 'parking',
    description: parkingBillDescription(period, rental, unitLabel),
    amount: rental.monthlyRent,
    dueDate: billingDueDate(period),
    billingKey: billingKeyFor('parking', rental.id, period),
  };
}

/** The period asked for ('YYYY-MM'), this Shanghai month when left blank; refused on the field when not a month in range. */
function periodOf(input: Record<string, unknown>, now: Date): string {
  const text = String(input.period ?? '').trim();
  const current = shanghaiMonth(now);
  if (text === '') return current;
  if (!PERIOD_PATTERN.test(text)) refuse('period', PERIOD_MESSAGE);
  const earliest = addMonths(current, -PERIOD_MONTHS_BACK);
  const latest = addMonths(current, PERIOD_MONTHS_AHEAD);
  // 'YYYY-MM' strings of four-digit years compare like the months they name.
  if (text < earliest || text > latest)
    refuse('period', `账期须在 ${monthLabel(earliest)} 至 ${monthLabel(latest)} 之间`);
  return text;
}

/** The billing keys the period already has. */
async function existingKeys(period: string, transaction: Transaction): Promise<Set<string>> {
  const rows = (await Bill.findAll({
    attributes: ['billingKey'],
    where: { period, billingKey: { [Op.ne]: null } },
    raw: true,
    transaction,
  })) as unknown as { billingKey: string }[];
  return new Set(rows.map((r) => r.billingKey));
}

async function managementBills(period: string, transaction: Transaction): Promise<CreationAttributes<Bill>[]> {
  const units = await Unit.findAll({
    attributes: ['id', 'label', 'area', 'ownerId'],
    where: { ownerId: { [Op.ne]: null } },
    order: [['id', 'ASC']],
    raw: true,
    transaction,
  });
  return units.filter((unit) => managementFeeFen(Number(unit.area)) > 0).map((unit) => managementBillRow(unit, period));
}

/** Approved rentals of a unit whose term covers part of the month; an outsider's rent is paid without a bill. */
async function parkingBills(period: string, transaction: Transaction): Promise<CreationAttributes<Bill>[]> {
  const rentals = await ParkingRental.findAll({
    where: {
      status: 'approved',
      unitId: { [Op.ne]: null },
      startDate: { [Op.lte]: lastDayOfMonth(period) },
      endDate: { [Op.gte]: `${period}-01` },
    },
    order: [['id', 'ASC']],
    transaction,
  });
  const units = await Unit.findAll({
    attributes: ['id', 'label'],
    where: { id: [...new Set(rentals.map((r) => r.unitId as number))] },
    raw: true,
    transaction,
  });
  const labels = new Map(units.map((u) => [u.id, u.label]));
  const spaces = await ParkingSpace.findAll({
    attributes: ['id', 'code'],
    where: { id: [...new Set(rentals.map((r) => r.spaceId))] },
    raw: true,
    transaction,
  });
  const codes = new Map(spaces.map((s) => [s.id, s.code]));
  return rentals.map((rental) =>
    parkingBillRow(
      { ...rental.get({ plain: true }), spaceCode: codes.get(rental.spaceId) ?? '' },
      labels.get(rental.unitId as number) ?? '',
      period,
    ),
  );
}

/** Runs the month's billing (input `period`, default this month) and says what it made, in Chinese. */
export async function generateMonthlyBills(
  actor: Actor | null,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<string> {
  try {
    return await billingRun(actor, input, now);
  } catch (error) {
    // Two runs of one month at once (PostgreSQL): the later meets the other's bills at the unique billing key once
    // they are committed. Run again: they are then skipped.
    if (!(error instanceof UniqueConstraintError)) throw error;
    return billingRun(actor, input, now);
  }
}

function billingRun(actor: Actor | null, input: Record<string, unknown>, now: Date): Promise<string> {
  return inTransaction(async (transaction) => {
    const cashier = authorize(actor, 'Bill.generate');
    const period = periodOf(input, now);
    const taken = await existingKeys(period, transaction);
    const isNew = (bill: CreationAttributes<Bill>) => !taken.has(bill.billingKey as string);
    const candidates = [...(await managementBills(period, transaction)), ...(await parkingBills(period, transaction))];
    const rows = candidates.filter(isNew);
    const made = (kind: string) => rows.filter((b) => b.feeKind === kind).length;
    const run = await BillingRun.create(
      {
        period,
        staffId: cashier.id,
        ranAt: now,
        managementCount: made('management'),
        parkingCount: made('parking'),
        skippedCount: candidates.length - rows.length,
      },
      { transaction },
    );
    // Rows are built from validated units and rentals; row-by-row validation would double the time the run
    // holds SQLite's write lock at 30,000 units. The columns' constraints and the unique billing key still guard.
    for (let i = 0; i < rows.length; i += CHUNK) {
      await Bill.bulkCreate(
        rows.slice(i, i + CHUNK).map((row) => ({ ...row, billingRunId: run.id })),
        { transaction, validate: false },
      );
    }
    const summary =
      `${monthLabel(period)}账单已生成：物业管理费 ${run.managementCount} 张、车位租金 ${run.parkingCount} 张；` +
      `已存在 ${run.skippedCount} 张未重复生成（账单生成记录 #${run.id}）`;
    await audit(
      {
        who: cashier,
        action: 'Bill.generate',
        resource: 'BillingRun',
        recordId: run.id,
        changes: { status: [null, 'done'] },
        note: summary,
      },
      transaction,
    );
    return summary;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 撤销本次账单生成

/** The subquery of a run's bill ids (a run may hold tens of thousands: no list of bound parameters). */
const billsOfRun = (runId: number, column = 'id') =>
  sequelize.literal(
    `(SELECT "${column}" FROM "Bill" WHERE "billingRunId" = ${Number(runId)} AND "${column}" IS NOT NULL)`,
  );

/** Why the run's bills cannot be deleted (in Chinese), or null when nothing points at them. Locks the bills. */
async function billsInUse(run: BillingRun, transaction: Transaction): Promise<string | null> {
  // Locked first (PostgreSQL): a payment being taken on one of them now waits, and then finds its bill gone.
  await Bill.findAll({
    attributes: ['id'],
    where: { billingRunId: run.id },
    transaction,
    lock: transaction.LOCK.UPDATE,
    raw: true,
  });
  // Receipts settle bills through allocations (收据分摊); a voided receipt keeps its allocations, so it counts too.
  const receipts = await Payment.count({
    where: {
      id: {
        [Op.in]: sequelize.literal(
          `(SELECT "paymentId" FROM "PaymentAllocation" WHERE "billId" IN (SELECT "id" FROM "Bill" WHERE "billingRunId" = ${Number(run.id)}))`,
        ),
      },
    },
    transaction,
  });
  if (receipts > 0) return `本次生成的账单已开出收据 ${receipts} 张（含已作废的收据），不能撤销`;
  // A dunning target keeps the arrears it was drawn up with (no link to the bills): one drawn up for an owner of the
  // run once its bills were overdue may count them, and would be left claiming bills that no longer exist.
  const earliestDue = (await Bill.min('dueDate', { where: { billingRunId: run.id }, transaction })) as string | null;
  if (!earliestDue) return null;
  const overdueFrom = shanghaiMoment(addDays(String(earliestDue).slice(0, 10), 1), 0);
  const targets = await DunningTarget.count({
    where: { ownerId: { [Op.in]: billsOfRun(run.id, 'ownerId') }, createdAt: { [Op.gte]: overdueFrom } },
    transaction,
  });
  if (targets > 0) return `本次生成的账单逾期后已计入 ${targets} 个催缴对象的欠费，不能撤销`;
  return null;
}

/**
 * 撤销本次账单生成: deletes every bill a run made and marks the run undone, once, in one transaction — refused while
 * any of its bills has a receipt (valid or voided) or has been counted into a dunning target's arrears.
 */
export const undoBillingRun = transitionTo({
  action: 'BillingRun.undo',
  model: BillingRun,
  from: ['done'],
  check: (run, transaction) => billsInUse(run, transaction),
  changes: (_run, actor, _input, now) => ({ status: 'undone', undoneById: actor.id, undoneAt: now }),
  after: async (run, transaction) => {
    const byKind = (await Bill.count({
      where: { billingRunId: run.id },
      group: ['feeKind'],
      transaction,
    })) as unknown as { feeKind: string; count: number }[];
    const of = (kind: string) => Number(byKind.find((row) => row.feeKind === kind)?.count ?? 0);
    const deleted = await Bill.destroy({ where: { billingRunId: run.id }, transaction });
    return `已删除${monthLabel(run.period)}账单 ${deleted} 张（物业管理费 ${of('management')} 张、车位租金 ${of('parking')} 张）`;
  },
});
