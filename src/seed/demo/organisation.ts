// Demo step 1: the nine demo accounts the README lists, department supervisors and a few staff per department.
// Idempotent by email: an account that exists is reused (its password is never reset here).
import bcrypt from 'bcryptjs';
import type { Transaction } from 'sequelize';
import { config } from '../../config.js';
import { Department, Position, Staff, sequelize } from '../../models/index.js';
import {
  DOCUMENT_POSITION_CODES,
  SHIPPED_JOB_DESCRIPTIONS,
  ensureBuiltInOrganisation,
  importJobDescriptionFile,
} from '../jd/import.js';
import { DEMO_ACCOUNT_KEYS, type DemoAccountKey, type DemoContext } from './context.js';
import { mobile, personName } from './fake.js';

/** A DemoContext being built: the organisation step fills staff, otherStaff, departments and positions. */
export type DemoContextDraft = Pick<DemoContext, 'scale' | 'rng' | 'now' | 'progress'> &
  Partial<Omit<DemoContext, 'scale' | 'rng' | 'now' | 'progress'>>;

export type OrganisationDemo = Pick<DemoContext, 'staff' | 'otherStaff' | 'departments' | 'positions'>;

export const DEMO_EMAIL_DOMAIN = 'demo.local';
export const DEMO_SOURCE = '演示数据';

interface AccountDef {
  email: string;
  name: string;
  position: string;
  department: string;
}

/** The demo accounts the README lists (reception@demo.local …), with fixed names so guides can mention them. */
export const DEMO_ACCOUNTS: Record<DemoAccountKey, AccountDef> = {
  reception: { email: 'reception@demo.local', name: '林晓燕', position: '客户接待员', department: '客户中心' },
  coordinator: { email: 'coordinator@demo.local', name: '周海涛', position: '客户服务协调员', department: '客户中心' },
  cashier: { email: 'cashier@demo.local', name: '王丽华', position: '客户服务收费员', department: '客户中心' },
  cashier2: { email: 'cashier2@demo.local', name: '赵秀英', position: '客户服务收费员', department: '客户中心' },
  assistant: { email: 'assistant@demo.local', name: '刘建明', position: '客户服务助理', department: '客户中心' },
  director: { email: 'director@demo.local', name: '黄国庆', position: '管理处主任', department: '管理处' },
  engineer: { email: 'engineer@demo.local', name: '孙德明', position: '工程部主管', department: '工程部' },
  garage: { email: 'garage@demo.local', name: '马永红', position: '车库管理员', department: '保安部' },
  it: { email: 'it@demo.local', name: '吴俊杰', position: '系统管理员', department: '管理处' },
};

export const DEMO_EMAILS: string[] = DEMO_ACCOUNT_KEYS.map((key) => DEMO_ACCOUNTS[key].email);

/** Supervisor posts of the departments the document does not cover (demo only). */
const DEMO_POSITIONS = [
  { name: '保安部主管', code: 'security_supervisor', department: '保安部' },
  { name: '保洁部主管', code: 'cleaning_supervisor', department: '保洁部' },
  { name: '财务部主管', code: 'finance_supervisor', department: '财务部' },
];

/** Department → the demo account that supervises it (the others get a supervisor from DEPARTMENT_LEADS). */
const SUPERVISING_ACCOUNTS: Record<string, DemoAccountKey> = {
  工程部: 'engineer',
  客户中心: 'assistant',
  管理处: 'director',
};

const DEPARTMENT_LEADS: AccountDef[] = [
  { email: 'security.lead@demo.local', name: '郑海军', position: '保安部主管', department: '保安部' },
  { email: 'cleaning.lead@demo.local', name: '何秋菊', position: '保洁部主管', department: '保洁部' },
  { email: 'finance.lead@demo.local', name: '罗德明', position: '财务部主管', department: '财务部' },
];

/** Ordinary staff of the other departments, per scale unit: email prefix, position, department, how many. */
const CREWS = [
  { prefix: 'tech', position: '维修工', department: '工程部', count: 3 },
  { prefix: 'guard', position: '保安员', department: '保安部', count: 3 },
  { prefix: 'cleaner', position: '保洁员', department: '保洁部', count: 2 },
];
/** Accounts IT has just opened: their positions wait for the director's approval (核定岗位). */
const NEWCOMERS: AccountDef[] = [
  { email: 'newcomer1@demo.local', name: '邓小雨', position: '客户接待员', department: '客户中心' },
  { email: 'newcomer2@demo.local', name: '韩冬梅', position: '客户服务收费员', department: '客户中心' },
];

/** Crew accounts IT has locked (锁定账号), with the reason it gave. */
const LOCKED: { email: string; reason: string }[] = [
  { email: 'guard3@demo.local', reason: '离职交接中，账号暂停使用' },
  { email: 'cleaner2@demo.local', reason: '疑似密码外泄，待本人重设密码后解锁' },
];

/** Staff numbers grow with --scale, but only up to this multiple (tickets, not people, make the volume). */
const MAX_CREW_MULTIPLE = 10;

const FIXED_CREW_NAMES = ['张志强', '李国庆', '陈建华', '杨春梅', '徐立新', '朱永红', '郭晓东', '胡宏伟'];

export async function seedOrganisationDemo(ctx: DemoContextDraft): Promise<OrganisationDemo> {
  ctx.progress('组织架构：岗位、部门与演示账号');
  const knownPositions = await Position.count({ where: { name: Object.keys(DOCUMENT_POSITION_CODES) } });
  if (knownPositions < Object.keys(DOCUMENT_POSITION_CODES).length)
    await importJobDescriptionFile(SHIPPED_JOB_DESCRIPTIONS);
  await ensureBuiltInOrganisation();

  // One hash for every demo account keeps seeding fast (bcrypt is deliberately slow).
  let hash: string | null = null;
  const passwordHash = async () => (hash ??= await bcrypt.hash(config.demoPassword, 10));

  const result = await sequelize.transaction(async (transaction) => {
    const departments = await byName<Department>(Department, transaction);
    const positions = await ensureDemoPositions(departments, transaction);

    const upsert = async (def: AccountDef): Promise<Staff> => {
      const position = positions[def.position];
      const department = departments[def.department];
      const existing = await Staff.findOne({ where: { email: def.email }, transaction });
      if (existing) {
        const fill: Partial<Record<'positionId' | 'departmentId', number>> = {};
        if (existing.positionId == null) fill.positionId = position.id;
        if (existing.departmentId == null) fill.departmentId = department.id;
        if (Object.keys(fill).length > 0) await existing.update(fill, { transaction });
        return existing;
      }
      return Staff.create(
        {
          name: def.name,
          email: def.email,
          passwordHash: await passwordHash(),
          phone: mobile(ctx.rng),
          positionId: position.id,
          departmentId: department.id,
        },
        { transaction },
      );
    };

    const staff = {} as Record<DemoAccountKey, Staff>;
    for (const key of DEMO_ACCOUNT_KEYS) staff[key] = await upsert(DEMO_ACCOUNTS[key]);

    const otherStaff: Staff[] = [];
    const supervisors: Record<string, Staff> = {};
    for (const [department, key] of Object.entries(SUPERVISING_ACCOUNTS)) supervisors[department] = staff[key];
    for (const lead of DEPARTMENT_LEADS) {
      const member = await upsert(lead);
      supervisors[lead.department] = member;
      otherStaff.push(member);
    }

    const multiple = Math.min(Math.max(1, Math.floor(ctx.scale)), MAX_CREW_MULTIPLE);
    let crewIndex = 0;
    for (const crew of CREWS) {
      for (let n = 1; n <= crew.count * multiple; n++) {
        const name = FIXED_CREW_NAMES[crewIndex++] ?? personName(ctx.rng);
        otherStaff.push(
          await upsert({
            email: `${crew.prefix}${n}@${DEMO_EMAIL_DOMAIN}`,
            name,
            position: crew.position,
            department: crew.department,
          }),
        );
      }
    }

    for (const def of NEWCOMERS) {
      if (await Staff.findOne({ where: { email: def.email }, transaction })) continue;
      await Staff.create(
        {
          name: def.name,
          email: def.email,
          passwordHash: await passwordHash(),
          phone: mobile(ctx.rng),
          proposedPositionId: positions[def.position].id,
          departmentId: departments[def.department].id,
        },
        { transaction },
      );
    }
    for (const { email, reason } of LOCKED) {
      await Staff.update({ lockedAt: ctx.now, lockReason: reason }, { where: { email, lockedAt: null }, transaction });
    }

    for (const [name, supervisor] of Object.entries(supervisors)) {
      const department = departments[name];
      if (department.supervisorId !== supervisor.id)
        await department.update({ supervisorId: supervisor.id }, { transaction });
    }
    return { staff, otherStaff, departments, positions };
  });

  Object.assign(ctx, result);
  ctx.progress(`组织架构：${DEMO_ACCOUNT_KEYS.length} 个演示账号，另有 ${result.otherStaff.length} 名其他部门员工`);
  return result;
}

async function byName<M extends Department | Position>(
  model: { findAll(o: object): Promise<M[]> },
  transaction: Transaction,
): Promise<Record<string, M>> {
  const rows = await model.findAll({ transaction });
  return Object.fromEntries(rows.map((row) => [row.name, row]));
}

async function ensureDemoPositions(
  departments: Record<string, Department>,
  transaction: Transaction,
): Promise<Record<string, Position>> {
  const positions = await byName<Position>(Position, transaction);
  for (const def of DEMO_POSITIONS) {
    if (positions[def.name]) continue;
    positions[def.name] = await Position.create(
      {
        name: def.name,
        code: def.code,
        departmentId: departments[def.department].id,
        departmentText: def.department,
        supervisorText: '管理处主任',
        supervisorPositionId: positions['管理处主任']?.id ?? null,
        source: DEMO_SOURCE,
      },
      { transaction },
    );
  }
  return positions;
}
