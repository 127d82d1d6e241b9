// Staff accounts beyond their form: the explicit, audited lock and unlock, and positions — IT proposes one, and a
// position that carries business authority (or an account that holds one) changes only when someone the rules
// allow approves it (Staff.assignPosition, the director by default). While no enabled 管理处主任 exists, IT may
// appoint the first one, audited and shown on that director's desk.
import { Op, type Transaction } from 'sequelize';
import { AuditLog, Position, Staff } from '../models/index.js';
import { isAdministrationAction } from '../rules/decide.js';
import { ruleSet } from '../rules/store.js';
import type { Actor } from '../rules/actor.js';
import { forgetFailures } from './sign-in-throttle.js';
import { requiredText, transitionTo } from './transition.js';
import { inTransaction } from './transaction.js';
import { refuse } from './input.js';
import { audit } from './audit.js';

const DIRECTOR_CODE = 'director';
/** The audit action of the first director's appointment by IT (read by the director's desk). */
const FIRST_DIRECTOR_ACTION = 'Staff.appointFirstDirector';

export const lockAccount = transitionTo({
  action: 'Staff.lock',
  model: Staff,
  from: ['active'],
  changes: (row, actor, input, now) => {
    if (row.id === actor.id) refuse('lockReason', '不能锁定本人的账号');
    return { lockedAt: now, lockReason: requiredText(input, 'lockReason', '请填写锁定原因').slice(0, 200) };
  },
  note: (input) => String(input.lockReason ?? '').trim() || null,
});

export const unlockAccount = transitionTo({
  action: 'Staff.unlock',
  model: Staff,
  from: ['locked'],
  changes: () => ({ lockedAt: null, lockReason: null }),
  // The person may sign in at once, from anywhere: waits left by wrong passwords go too.
  after: async (row, transaction) => forgetFailures(row.email, { transaction }),
});

export const assignPosition = transitionTo({
  action: 'Staff.assignPosition',
  model: Staff,
  changes: (row, _actor, input) => {
    if (!row.proposedPositionId) refuse('decision', '该员工没有待核定的岗位');
    const decision = String(input.decision ?? 'approve');
    if (decision === 'reject') return { proposedPositionId: null };
    if (decision !== 'approve') refuse('decision', '请选择核定结果');
    return { positionId: row.proposedPositionId, proposedPositionId: null };
  },
  note: (input) => (String(input.decision ?? 'approve') === 'reject' ? '驳回拟任岗位' : '批准拟任岗位'),
});

/** Whether holding the position gives any business authority under the rules in force now. */
function carriesAuthority(position: Position | null): boolean {
  if (!position) return false;
  return ruleSet()
    .actionsOfPosition({ code: position.code, name: position.name })
    .some((action) => !isAdministrationAction(action));
}

async function noEnabledDirector(except: number, transaction: Transaction): Promise<boolean> {
  const director = await Position.findOne({ where: { code: DIRECTOR_CODE }, transaction });
  if (!director) return false;
  return (
    (await Staff.count({
      where: { positionId: director.id, enabled: true, lockedAt: null, id: { [Op.ne]: except } },
      transaction,
    })) === 0
  );
}

export type ProposalOutcome = 'none' | 'applied' | 'firstDirector' | 'pending';

/**
 * After an account form was saved: the position it proposes takes effect at once when neither it nor the account's
 * present position carries business authority, or when it makes the office's first director; otherwise it waits
 * for approval. Audited either way.
 */
export function settleProposedPosition(actor: Actor | null, staffId: number): Promise<ProposalOutcome> {
  return inTransaction(async (transaction) => {
    const row = await Staff.findByPk(staffId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row || !row.proposedPositionId) return 'none';
    if (row.proposedPositionId === row.positionId) {
      await row.update({ proposedPositionId: null }, { transaction });
      return 'none';
    }
    const proposed = await Position.findByPk(row.proposedPositionId, { transaction });
    const current = row.positionId ? await Position.findByPk(row.positionId, { transaction }) : null;
    const settled = (action: string, note: string) =>
      audit(
        {
          who: actor,
          action,
          recordId: row.id,
          changes: { positionId: [row.positionId ?? null, proposed?.id ?? null] },
          note,
        },
        transaction,
      );
    if (!carriesAuthority(proposed) && !carriesAuthority(current)) {
      await settled('Staff.assignPosition', `岗位不涉及业务权限，直接生效：${proposed?.name ?? ''}`);
      await row.update({ positionId: proposed?.id ?? null, proposedPositionId: null }, { transaction });
      return 'applied';
    }
    if (proposed?.code === DIRECTOR_CODE && actor?.isSystemAdmin && (await noEnabledDirector(row.id, transaction))) {
      await settled(
        FIRST_DIRECTOR_ACTION,
        `系统中没有在岗的管理处主任：由系统管理员${actor.name}任命${row.name}为首任管理处主任`,
      );
      await row.update({ positionId: proposed.id, proposedPositionId: null }, { transaction });
      return 'firstDirector';
    }
    await audit(
      {
        who: actor,
        action: 'Staff.proposePosition',
        recordId: row.id,
        changes: { proposedPositionId: [null, proposed?.id ?? null] },
        note: `提出岗位「${proposed?.name ?? ''}」，待管理处主任核定`,
      },
      transaction,
    );
    return 'pending';
  });
}

/** The first director's appointment by IT, for that director's desk; null when they were not appointed that way. */
export async function firstDirectorAppointment(staffId: number): Promise<{ at: Date; note: string } | null> {
  const row = await AuditLog.findOne({
    where: { action: FIRST_DIRECTOR_ACTION, recordId: String(staffId) },
    order: [['createdAt', 'DESC']],
  });
  return row ? { at: row.createdAt, note: row.note ?? '' } : null;
}

/**
 * The latest change of this person's password by someone else (IT resetting it) within `days`: the person is told
 * on their desk, so a reset they did not ask for — someone signing in as them — does not go unnoticed.
 */
export async function passwordSetByOthers(
  staffId: number,
  now = new Date(),
  days = 30,
): Promise<{ at: Date; by: string } | null> {
  const lines = await AuditLog.findAll({
    where: {
      action: 'Staff.edit',
      resource: 'Staff',
      recordId: String(staffId),
      staffId: { [Op.ne]: staffId },
      createdAt: { [Op.gte]: new Date(now.getTime() - days * 86_400_000) },
    },
    order: [['createdAt', 'DESC']],
    limit: 20,
  });
  const line = lines.find((l) => Object.prototype.hasOwnProperty.call(l.changes ?? {}, 'passwordHash'));
  if (!line) return null;
  const by = line.staffId ? await Staff.findByPk(line.staffId, { attributes: ['id', 'name'] }) : null;
  return { at: line.createdAt, by: by?.name ?? '他人' };
}
