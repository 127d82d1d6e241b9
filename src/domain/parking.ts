// 车位租赁: the garage keeper registers and corrects rentals of a space, the cashier reviews them; a space is never
// let twice over overlapping dates. Each write locks the space's row first and only then looks for a clashing
// rental, in the transaction that writes — so of two clerks letting one space at once, the second waits for the
// first and then sees its rental (PostgreSQL: SELECT … FOR UPDATE; SQLite: one writer at a time).
import { Op, type CreationAttributes, type Transaction } from 'sequelize';
import {
  Community,
  Owner,
  ParkingRental,
  ParkingSpace,
  SPACE_HOLDING_STATUSES,
  Unit,
  type ParkingRentalStatus,
} from '../models/index.js';
import { NotFound, ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { fieldNames } from '../vocabulary/fields.js';
import { shanghaiDay } from '../lib/shanghai.js';
import { inTransaction } from './transaction.js';
import { authorize } from './authorize.js';
import { audit } from './audit.js';
import { isBlank, isRecordId, parseFen, refuse } from './input.js';

/** What the garage keeper fills in on a rental; the rest (who, state, review) belongs to the workflow. */
export const RENTAL_FIELDS = [
  'spaceId',
  'ownerId',
  'unitId',
  'renterName',
  'renterPhone',
  'plateNumber',
  'startDate',
  'endDate',
  'monthlyRent',
] as const;
type RentalField = (typeof RENTAL_FIELDS)[number];

const label = fieldNames('ParkingRental');
const STATUS_WORDS: Record<ParkingRentalStatus, string> = { pending: '待审核', approved: '已批准', rejected: '未批准' };
const DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/;

/** A calendar day as YYYY-MM-DD (a date picker may send the day with a time after it), or the problem. */
function dayInput(value: unknown, field: 'startDate' | 'endDate'): string {
  if (isBlank(value)) refuse(field, `${label(field)}不能为空`);
  const match = DAY.exec(String(value).trim());
  const day = match?.[1];
  const parsed = day ? new Date(`${day}T00:00:00Z`) : null;
  if (!day || !parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day)
    refuse(field, `${label(field)}格式不正确，例如 2026-12-01`);
  return day;
}

function idInput(value: unknown, field: 'spaceId' | 'ownerId' | 'unitId', required: boolean): number | null {
  if (isBlank(value)) {
    if (required) refuse(field, `请选择${label(field)}`);
    return null;
  }
  if (!isRecordId(value)) refuse(field, `${label(field)}：关联的记录不存在`);
  return Number(value);
}

function textInput(value: unknown): string | null {
  return isBlank(value) ? null : String(value).trim();
}

/** The values a form gives for `fields` (all of them for a new rental), read and checked as far as they go alone. */
function rentalValues(input: Record<string, unknown>, fields: readonly RentalField[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = input[field];
    if (field === 'spaceId') values[field] = idInput(raw, field, true);
    else if (field === 'ownerId' || field === 'unitId') values[field] = idInput(raw, field, false);
    else if (field === 'startDate' || field === 'endDate') values[field] = dayInput(raw, field);
    else if (field === 'monthlyRent') {
      const rent = parseFen(raw, label('monthlyRent'), 1);
      if (rent.problem) refuse(field, rent.problem);
      values[field] = rent.fen;
    } else values[field] = textInput(raw);
  }
  return values;
}

/** The term runs forwards ('到期日期不能早于起租日期', on the end date). */
function termInOrder(start: string, end: string): void {
  if (end < start) refuse('endDate', `${label('endDate')}不能早于${label('startDate')}`);
}

/** The referenced owner and room exist (a form may name any number). */
async function checkReferences(values: Record<string, unknown>, transaction: Transaction): Promise<void> {
  if (values.ownerId != null && !(await Owner.findByPk(values.ownerId as number, { transaction })))
    refuse('ownerId', `${label('ownerId')}：关联的记录不存在`);
  if (values.unitId != null && !(await Unit.findByPk(values.unitId as number, { transaction })))
    refuse('unitId', `${label('unitId')}：关联的记录不存在`);
}

/** The rental that holds `space` on some day of [start, end], other than `except`; the earliest such. */
export function clashingRental(
  spaceId: number,
  start: string,
  end: string,
  except: number | null,
  transaction?: Transaction,
): Promise<ParkingRental | null> {
  return ParkingRental.findOne({
    where: {
      spaceId,
      status: { [Op.in]: [...SPACE_HOLDING_STATUSES] },
      startDate: { [Op.lte]: end },
      endDate: { [Op.gte]: start },
      ...(except === null ? {} : { id: { [Op.ne]: except } }),
    },
    order: [
      ['startDate', 'ASC'],
      ['id', 'ASC'],
    ],
    transaction,
  });
}

/**
 * Locks the space and refuses, in words naming the space and the other rental's dates, when another pending or
 * approved rental holds it on any day of [start, end]. Returns the locked space.
 */
export async function assertSpaceFree(
  spaceId: number,
  start: string,
  end: string,
  except: number | null,
  transaction: Transaction,
): Promise<ParkingSpace> {
  const space = await ParkingSpace.findByPk(spaceId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!space) refuse('spaceId', `${label('spaceId')}：关联的记录不存在`);
  const clash = await clashingRental(space.id, start, end, except, transaction);
  if (clash) {
    const message =
      `车位 ${space.code} 在 ${clash.startDate} 至 ${clash.endDate} 已租给 ${clash.plateNumber}` +
      `（${clash.renterName}，${STATUS_WORDS[clash.status as ParkingRentalStatus]}），与 ${start} 至 ${end} 重叠：同一车位不能重复出租`;
    throw new ValidationFailed(message, { spaceId: message });
  }
  return space;
}

const describe = (space: ParkingSpace, rental: { startDate: string; endDate: string; plateNumber: string }) =>
  `车位 ${space.code}，${rental.startDate} 至 ${rental.endDate}，${rental.plateNumber}`;

/** 登记车位租赁: the garage keeper lets a free space; the rental waits for the cashier's review. */
export async function registerParkingRental(
  actor: Actor | null,
  input: Record<string, unknown>,
): Promise<ParkingRental> {
  const keeper = authorize(actor, 'ParkingRental.new');
  const values = rentalValues(input, RENTAL_FIELDS);
  termInOrder(values.startDate as string, values.endDate as string);
  return inTransaction(async (transaction) => {
    await checkReferences(values, transaction);
    const space = await assertSpaceFree(
      values.spaceId as number,
      values.startDate as string,
      values.endDate as string,
      null,
      transaction,
    );
    const rental = await ParkingRental.create(
      { ...values, registeredById: keeper.id, status: 'pending' } as CreationAttributes<ParkingRental>,
      { transaction },
    );
    await audit(
      {
        who: keeper,
        action: 'ParkingRental.new',
        recordId: rental.id,
        changes: Object.fromEntries(RENTAL_FIELDS.map((field) => [field, [null, rental.get(field)] as const])),
        note: `登记车位租赁：${describe(space, rental)}`,
      },
      transaction,
    );
    return rental;
  });
}

/** 修改车位租赁 before the review: the fields the form sends; a changed space or dates must still be free. */
export async function editParkingRental(
  actor: Actor | null,
  id: number,
  input: Record<string, unknown>,
): Promise<ParkingRental> {
  const sent = RENTAL_FIELDS.filter((field) => Object.hasOwn(input, field));
  const values = rentalValues(input, sent);
  return inTransaction(async (transaction) => {
    const rental = await ParkingRental.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!rental) throw new NotFound('车位租赁不存在');
    const keeper = authorize(actor, 'ParkingRental.edit', rental);
    await checkReferences(values, transaction);
    const changes = Object.fromEntries(
      Object.entries(values).filter(([field, value]) => String(rental.get(field) ?? '') !== String(value ?? '')),
    );
    if (Object.keys(changes).length === 0) return rental;
    const before = Object.fromEntries(Object.keys(changes).map((field) => [field, rental.get(field) ?? null]));
    const next = { ...rental.get({ plain: true }), ...changes } as ParkingRental;
    termInOrder(next.startDate, next.endDate);
    const space = await assertSpaceFree(next.spaceId, next.startDate, next.endDate, rental.id, transaction);
    await rental.update(changes, { transaction });
    await audit(
      {
        who: keeper,
        action: 'ParkingRental.edit',
        recordId: rental.id,
        changes: Object.fromEntries(Object.entries(changes).map(([field, value]) => [field, [before[field], value]])),
        note: `修改车位租赁：${describe(space, rental)}`,
      },
      transaction,
    );
    return rental;
  });
}

/** How a space stands from `today` on: 空闲, or let until a day (pending and approved rentals alike). */
export interface Occupancy {
  /** No rental holds the space today. */
  free: boolean;
  /** 空闲 · 已租至 2027-03-31 · 空闲（2027-01-01 起已预订） */
  text: string;
}

/** The occupancy of each space, from the rentals holding it today or later. */
export async function occupancyOf(spaceIds: number[], now = new Date()): Promise<Map<number, Occupancy>> {
  const today = shanghaiDay(now);
  const ids = [...new Set(spaceIds.filter((id) => Number.isInteger(id)))];
  const rentals = ids.length
    ? await ParkingRental.findAll({
        attributes: ['spaceId', 'startDate', 'endDate'],
        where: {
          spaceId: { [Op.in]: ids },
          status: { [Op.in]: [...SPACE_HOLDING_STATUSES] },
          endDate: { [Op.gte]: today },
        },
        order: [['startDate', 'ASC']],
      })
    : [];
  const result = new Map<number, Occupancy>();
  for (const id of ids) {
    const held = rentals.filter((rental) => rental.spaceId === id);
    const current = held.filter((rental) => rental.startDate <= today);
    if (current.length > 0) {
      // Back-to-back rentals read as one: let until the last day of the run that covers today.
      let until = current
        .map((rental) => rental.endDate)
        .sort()
        .at(-1)!;
      for (const next of held) if (next.startDate <= nextDay(until) && next.endDate > until) until = next.endDate;
      result.set(id, { free: false, text: `已租至 ${until}` });
    } else if (held.length > 0) result.set(id, { free: true, text: `空闲（${held[0].startDate} 起已预订）` });
    else result.set(id, { free: true, text: '空闲' });
  }
  return result;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The spaces as a picker offers them: community, code and how each stands today (翠湖花园 B2-088 · 空闲). */
export async function spaceChoiceLabels(spaces: ParkingSpace[], now = new Date()): Promise<Map<number, string>> {
  const occupancy = await occupancyOf(
    spaces.map((space) => space.id),
    now,
  );
  const communityIds = [...new Set(spaces.map((space) => space.communityId))];
  const communities = communityIds.length
    ? await Community.findAll({ attributes: ['id', 'name'], where: { id: { [Op.in]: communityIds } } })
    : [];
  const names = new Map(communities.map((community) => [community.id, community.name]));
  return new Map(
    spaces.map((space) => [
      space.id,
      `${names.get(space.communityId) ?? ''} ${space.code} · ${occupancy.get(space.id)?.text ?? '空闲'}`.trim(),
    ]),
  );
}
