// 生成月度账单: one management-fee bill per owned unit and one rent bill per approved parking rental running in the
// month. The billing key makes the run idempotent: a second run for the same month creates nothing.
import { Op, UniqueConstraintError, type CreationAttributes, type Transaction } from 'sequelize';
import { AuditLog, Bill, ParkingRental, Unit, PERIOD_PATTERN, billingKeyFor, managementFeeFen } from '../models/index.js';
import { ForbiddenByRule, ValidationFailed } from '../errors.js';
import { decide } from '../rules/decide.js';
import type { Actor } from '../rules/actor.js';
import { lastDayOfMonth, monthLabel, shanghaiMonth } from './shanghai.js';
import { inTransaction } from './transaction.js';

const CHUNK = 500;
const PERIOD_MESSAGE = '账期格式应为 YYYY-MM，例如 2026-11';

/** "2026年11月物业管理费（翠湖花园 3栋 1203）". */
export function managementBillDescription(period: string, unitLabel: string): string {
  return `${monthLabel(period)}物业管理费（${unitLabel}）`;
}

/** "2026年11月车位租金（B1-023 粤B12345，翠湖花园 3栋 1203）". */
export function parkingBillDescription(period: string, rental: { spaceNumber: string; plateNumber: string }, unitLabel: string): string {
  return `${monthLabel(period)}车位租金（${rental.spaceNumber} ${rental.plateNumber}，${unitLabel}）`;
}

/** "有偿服务费（派工单 PG20261127-0001）". */
export function serviceBillDescription(workOrderNumber: string): string {
  return `有偿服务费（派工单 ${workOrderNumber}）`;
}

/** A paid service's bill falls due this many days after the work was done. */
export const SERVICE_BILL_DUE_DAYS = 15;

/** Bills of a billing run fall due on the 20th of their month. */
export const billingDueDate = (period: string): string => `${period}-20`;

/** The period asked for ('YYYY-MM'), this Shanghai month when left blank. */
function periodOf(input: Record<string, unknown>, now: Date): string {
  const text = String(input.period ?? '').trim();
  if (text === '') return shanghaiMonth(now);
  if (!PERIOD_PATTERN.test(text)) throw new ValidationFailed(PERIOD_MESSAGE, { period: PERIOD_MESSAGE });
  return text;
}

/** The billing keys the period already has. */
async function existingKeys(period: string, transaction: Transaction): Promise<Set<string>> {
  const rows = (await Bill.findAll({ attributes: ['billingKey'], where: { period, billingKey: { [Op.ne]: null } }, raw: true, transaction })) as unknown as { billingKey: string }[];
  return new Set(rows.map((r) => r.billingKey));
}

async function managementBills(period: string, transaction: Transaction): Promise<CreationAttributes<Bill>[]> {
  const units = await Unit.findAll({ attributes: ['id', 'label', 'area', 'ownerId'], where: { ownerId: { [Op.ne]: null } }, order: [['id', 'ASC']], raw: true, transaction });
  return units.filter((unit) => managementFeeFen(Number(unit.area)) > 0).map((unit) => ({
    unitId: unit.id,
    ownerId: unit.ownerId,
    period,
    feeKind: 'management' as const,
    description: managementBillDescription(period, unit.label),
    amount: managementFeeFen(Number(unit.area)),
    dueDate: billingDueDate(period),
    billingKey: billingKeyFor('management', unit.id, period),
  }));
}

/** Approved rentals of a unit whose term covers part of the month; an outsider's rent is paid without a bill. */
async function parkingBills(period: string, transaction: Transaction): Promise<CreationAttributes<Bill>[]> {
  const rentals = await ParkingRental.findAll({
    where: { status: 'approved', unitId: { [Op.ne]: null }, startDate: { [Op.lte]: lastDayOfMonth(period) }, endDate: { [Op.gte]: `${period}-01` } },
    order: [['id', 'ASC']],
    transaction,
  });
  const units = await Unit.findAll({ attributes: ['id', 'label'], where: { id: [...new Set(rentals.map((r) => r.unitId as number))] }, raw: true, transaction });
  const labels = new Map(units.map((u) => [u.id, u.label]));
  return rentals.map((rental) => ({
    unitId: rental.unitId as number,
    ownerId: rental.ownerId,
    period,
    feeKind: 'parking' as const,
    description: parkingBillDescription(period, rental, labels.get(rental.unitId as number) ?? ''),
    amount: rental.monthlyRent,
    dueDate: billingDueDate(period),
    billingKey: billingKeyFor('parking', rental.id, period),
  }));
}

/** Runs the month's billing (input `period`, default this month) and says what it made, in Chinese. */
export async function generateMonthlyBills(actor: Actor | null, input: Record<string, unknown>, now = new Date()): Promise<string> {
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
    const decision = decide(actor, 'Bill.generate');
    if (!decision.allowed || !actor) throw new ForbiddenByRule(decision);
    const period = periodOf(input, now);
    const taken = await existingKeys(period, transaction);
    const isNew = (bill: CreationAttributes<Bill>) => !taken.has(bill.billingKey as string);
    const candidates = [...(await managementBills(period, transaction)), ...(await parkingBills(period, transaction))];
    const rows = candidates.filter(isNew);
    // Rows are built from validated units and rentals; row-by-row validation would double the time the run
    // holds SQLite's write lock at 30,000 units. The columns' constraints and the unique billing key still guard.
    for (let i = 0; i < rows.length; i += CHUNK) {
      await Bill.bulkCreate(rows.slice(i, i + CHUNK), { transaction, validate: false });
    }
    const made = (kind: string) => rows.filter((b) => b.feeKind === kind).length;
    const summary =
      `${monthLabel(period)}账单已生成：物业管理费 ${made('management')} 张、车位租金 ${made('parking')} 张；` +
      `已存在 ${candidates.length - rows.length} 张未重复生成`;
    await AuditLog.create({ staffId: actor.id, action: 'Bill.generate', resource: 'Bill', recordId: period, note: summary }, { transaction });
    return summary;
  });
}
