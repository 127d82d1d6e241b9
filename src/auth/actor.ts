// Loads the signed-in staff member from the database on every request, so a disabled or locked account or a changed
// position takes effect at once (a session may outlive them).
import { Department, Position, Staff } from '../models/index.js';
import { SYSTEM_ADMIN_CODE, type Actor } from '../rules/actor.js';

export async function loadActor(staffId: number): Promise<Actor | null> {
  if (!Number.isInteger(staffId)) return null;
  const staff = await Staff.findByPk(staffId, {
    include: [
      { model: Position, as: 'position' },
      { model: Department, as: 'department' },
    ],
  });
  if (!staff) return null;
  const supervised = await Department.findAll({ where: { supervisorId: staff.id }, attributes: ['id'] });
  const position = (staff as Staff & { position?: Position | null }).position ?? null;
  const department = (staff as Staff & { department?: Department | null }).department ?? null;
  return {
    id: staff.id,
    name: staff.name,
    email: staff.email,
    positionId: staff.positionId ?? null,
    positionCode: position?.code ?? null,
    positionName: position?.name ?? null,
    departmentId: staff.departmentId ?? null,
    departmentName: department?.name ?? null,
    supervisesDepartmentIds: supervised.map((d) => d.id),
    isSystemAdmin: position?.code === SYSTEM_ADMIN_CODE,
    // An explicit lock (Staff.lock) ends the account's sessions like disabling it.
    enabled: staff.enabled && !staff.lockedAt,
  };
}
