// Factories that return ready records; each call makes unique rows so tests never depend on each other.
import { Department, Position, Staff } from '../../src/models/index.js';
import { hashPassword } from '../../src/auth/password.js';
import { POSITION_NAMES } from '../../src/vocabulary/positions.js';

export const TEST_PASSWORD = 'test-pass-2026';
let passwordHash: Promise<string> | null = null;
let counter = 0;

/** The department a test's staff member of each position belongs to (the names come from the vocabulary). */
const POSITION_DEPARTMENTS: Record<string, string> = {
  director: '管理处',
  engineering_supervisor: '工程部',
  garage_keeper: '保安部',
  system_admin: '管理处',
  technician: '工程部',
};

/**
 * The department of that name, made when missing. Not findOrCreate: on SQLite that opens a deferred transaction of
 * its own, whose insert fails at once (no busy wait) when the server wrote in between its read and its write.
 */
export async function department(name: string): Promise<Department> {
  const existing = await Department.findOne({ where: { name } });
  if (existing) return existing;
  try {
    return await Department.create({ name });
  } catch (error) {
    const made = await Department.findOne({ where: { name } });
    if (made) return made;
    throw error;
  }
}

export async function position(code: string): Promise<Position> {
  const [name, departmentName] = [POSITION_NAMES[code] ?? code, POSITION_DEPARTMENTS[code] ?? '客户中心'];
  const existing = await Position.findOne({ where: { code } });
  if (existing) return existing;
  const dept = await department(departmentName);
  return Position.create({ name, code, departmentId: dept.id, source: 'test' });
}

/** A signed-in-able staff member holding the position with this code; `supervises` makes them a department's supervisor. */
export async function staff(
  code: string,
  options: { enabled?: boolean; departmentName?: string; supervises?: Department } = {},
): Promise<Staff> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const pos = await position(code);
  const dept = options.departmentName
    ? await department(options.departmentName)
    : pos.departmentId
      ? await Department.findByPk(pos.departmentId)
      : null;
  counter += 1;
  const member = await Staff.create({
    name: `测试${code}${counter}`,
    email: `t${Date.now().toString(36)}${counter}.${code}@test.local`,
    passwordHash: await passwordHash,
    positionId: pos.id,
    departmentId: dept?.id ?? null,
    enabled: options.enabled ?? true,
  });
  if (options.supervises) await options.supervises.update({ supervisorId: member.id });
  return member;
}
