// What an owner, a room or a staff member is called wherever it is referenced — in lists, on record pages and in
// pickers — so that the right one can be chosen among namesakes: 业主 姓名 · 房号 · 手机尾号, 房屋 小区 楼栋 房号 · 业主,
// 员工 姓名 · 部门. Each maker names a whole page of records in a fixed number of queries.
//
// The phone appears as its last four digits only: a reference reduced to its title (admin/access.ts) reaches people
// who may not read the owner's file, and four digits tell namesakes apart without giving anyone a number to call.
import { Department, Owner, Staff, Unit } from '../models/index.js';

/** Ids of one resource → their titles (records missing from the map keep their plain title). */
export type TitleMaker = (ids: number[]) => Promise<Map<number, string>>;

const SEPARATOR = ' · ';
/** At most this many rooms are named in an owner's title; more read 等 N 套. */
const ROOMS_NAMED = 2;

export function phoneTail(phone: string | null | undefined): string | null {
  const digits = String(phone ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? `尾号${digits.slice(-4)}` : null;
}

/** 翠湖花园 3栋 1203, or two rooms and 等3套. */
export function roomsText(rooms: string[]): string | null {
  if (rooms.length === 0) return null;
  const named = rooms.slice(0, ROOMS_NAMED).join('、');
  return rooms.length > ROOMS_NAMED ? `${named} 等${rooms.length}套` : named;
}

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(SEPARATOR);

async function ownerTitles(ids: number[]): Promise<Map<number, string>> {
  const [owners, units] = await Promise.all([
    Owner.findAll({ where: { id: ids }, attributes: ['id', 'name', 'phone'], raw: true }),
    // The room's whole address (小区 楼栋 房号): the office manages more than one community.
    Unit.findAll({ where: { ownerId: ids }, attributes: ['ownerId', 'label'], order: [['label', 'ASC']], raw: true }),
  ]);
  const rooms = new Map<number, string[]>();
  for (const unit of units) rooms.set(unit.ownerId!, [...(rooms.get(unit.ownerId!) ?? []), unit.label]);
  return new Map(owners.map((o) => [o.id, join(o.name, roomsText(rooms.get(o.id) ?? []), phoneTail(o.phone))]));
}

async function unitTitles(ids: number[]): Promise<Map<number, string>> {
  const units = await Unit.findAll({ where: { id: ids }, attributes: ['id', 'label', 'ownerId'], raw: true });
  const ownerIds = [...new Set(units.map((u) => u.ownerId).filter((id): id is number => id !== null))];
  const owners = ownerIds.length
    ? new Map(
        (await Owner.findAll({ where: { id: ownerIds }, attributes: ['id', 'name'], raw: true })).map((o) => [
          o.id,
          o.name,
        ]),
      )
    : new Map<number, string>();
  return new Map(units.map((u) => [u.id, join(u.label, u.ownerId !== null ? owners.get(u.ownerId) : null)]));
}

async function staffTitles(ids: number[]): Promise<Map<number, string>> {
  const members = await Staff.findAll({ where: { id: ids }, attributes: ['id', 'name', 'departmentId'], raw: true });
  const departmentIds = [...new Set(members.map((m) => m.departmentId).filter((id): id is number => id !== null))];
  const departments = departmentIds.length
    ? new Map(
        (await Department.findAll({ where: { id: departmentIds }, attributes: ['id', 'name'], raw: true })).map((d) => [
          d.id,
          d.name,
        ]),
      )
    : new Map<number, string>();
  return new Map(
    members.map((m) => [m.id, join(m.name, m.departmentId !== null ? departments.get(m.departmentId) : null)]),
  );
}

/** Resource id → how its records are titled; resources not named here keep their title property. */
export const TITLES: Record<string, TitleMaker> = {
  Owner: ownerTitles,
  Unit: unitTitles,
  Staff: staffTitles,
};
