// Staff members as the authority core sees them (Actor): read from the database every time, so a disabled or
// locked account or a changed position takes effect at once.
import { Op } from 'sequelize';
import { Department, Position, Staff } from '../models/index.js';
import { SYSTEM_ADMIN_CODE, type Actor } from '../rules/actor.js';

type StaffRow = Staff & { position?: Position | null; department?: Department | null };

const INCLUDE = [
  { model: Position, as: 'position' },
  { model: Department, as: 'department' },
];

function actorOf(staff: StaffRow, supervised: number[]): Actor {
  const position = staff.position ?? null;
  return {
    id: staff.id,
    name: staff.name,
    email: staff.email,
    positionId: staff.positionId ?? null,
    positionCode: position?.code ?? null,
    positionName: position?.name ?? null,
    departmentId: staff.departmentId ?? null,
    departmentName: staff.department?.name ?? null,
    supervisesDepartmentIds: supervised,
    isSystemAdmin: position?.code === SYSTEM_ADMIN_CODE,
    // An explicit lock (Staff.lock) ends the account's sessions like disabling it.
    enabled: staff.enabled && !staff.lockedAt,
  };
}

export async function loadActor(staffId: number): Promise<Actor | null> {
  if (!Number.isInteger(staffId)) return null;
  const staff = (await Staff.findByPk(staffId, { include: INCLUDE })) as StaffRow | null;
  if (!staff) return null;
  const supervised = await Department.findAll({ where: { supervisorId: staff.id }, attributes: ['id'] });
  return actorOf(
    staff,
    supervised.map((d) => d.id),
  );
}

/** Every staff member who can sign in now (enabled, not locked), as actors. */
export async function activeActors(): Promise<Actor[]> {
  const staff = (await Staff.findAll({
    where: { enabled: true, lockedAt: null },
    include: INCLUDE,
    order: [['id', 'ASC']],
  })) as StaffRow[];
  const departments = await Department.findAll({
    where: { supervisorId: { [Op.ne]: null } },
    attributes: ['id', 'supervisorId'],
  });
  return staff.map((row) =>
    actorOf(
      row,
      departments.filter((d) => d.supervisorId === row.id).map((d) => d.id),
    ),
  );
}
