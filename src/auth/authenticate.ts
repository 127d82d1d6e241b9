// Email + password sign-in that guessing cannot turn against the people it guesses at.
//
// Failures are counted per bucket: the account tried from one address — or, for a browser that has signed in to that
// account before, from that device (device.ts). After FREE_FAILURES a bucket waits before its next try, 1 minute,
// then twice as long after each further failure (at most MAX_WAIT_MINUTES); a success empties it. Nothing is
// stored on the account: wrong passwords never lock anyone out elsewhere and never end a session. The answers do not
// tell whether an email exists: an unknown email is counted and throttled exactly like a known one.
import { Op } from 'sequelize';
import { sequelize } from '../db.js';
import { SignInThrottle, Staff } from '../models/index.js';
import { verifyPassword } from './password.js';
import { knownDevice } from './device.js';
import { throttleKey } from '../domain/sign-in-throttle.js';

export const FREE_FAILURES = 5;
export const MAX_WAIT_MINUTES = 60;
/** A bucket idle this long starts afresh. */
const MEMORY_MS = 24 * 60 * 60_000;
// A real hash of a random string, compared against when the account does not exist, so timing tells nothing.
const DUMMY_HASH = '$2b$10$WDwQUUldNeFCuYxcuKRrmOcU3RBOp0EBwgil.tnMllsGuM6oGAyCK';

export interface SessionStaff {
  id: number;
  email: string;
  title: string;
}

export interface SignInRequest {
  email: unknown;
  password: unknown;
  /** The client's address (req.ip). */
  address: string;
  /** The device cookie, if the browser sent one. */
  deviceCookie?: string;
}

export type SignInResult =
  | { ok: true; staff: SessionStaff }
  | { ok: false; reason: 'invalid' | 'locked' | 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** The wait after the n-th failure of a bucket (n > FREE_FAILURES). */
export function waitMinutes(failures: number): number {
  return Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_WAIT_MINUTES);
}

function bucketOf(email: string, address: string, staffId: number | null, deviceCookie: string | undefined): string {
  const device = staffId === null ? null : knownDevice(deviceCookie, staffId);
  return device ? throttleKey(email, 'device', device) : throttleKey(email, 'address', address);
}

/** Counts an attempt in the bucket before the password is checked (so parallel guesses are counted too); returns the count. */
async function countAttempt(key: string, now: Date): Promise<number> {
  await sequelize.query(
    `INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt", "createdAt", "updatedAt") VALUES (:key, 1, :now, :now, :now)
     ON CONFLICT ("key") DO UPDATE SET
       "failures" = CASE WHEN "SignInThrottle"."lastFailureAt" < :forgotten THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
       "blockedUntil" = CASE WHEN "SignInThrottle"."lastFailureAt" < :forgotten THEN NULL ELSE "SignInThrottle"."blockedUntil" END,
       "lastFailureAt" = :now, "updatedAt" = :now`,
    { replacements: { key, now, forgotten: new Date(now.getTime() - MEMORY_MS) } },
  );
  const row = await SignInThrottle.findByPk(key, { attributes: ['key', 'failures'] });
  return row?.failures ?? 1;
}

/** Claims the one try a waiting bucket gets when its wait is over, and starts the next wait; false while waiting. */
async function claimTry(key: string, failures: number, now: Date): Promise<boolean> {
  const until = new Date(now.getTime() + waitMinutes(failures) * 60_000);
  const [claimed] = await SignInThrottle.update(
    { blockedUntil: until },
    { where: { key, [Op.or]: [{ blockedUntil: null }, { blockedUntil: { [Op.lte]: now } }] } },
  );
  return claimed === 1;
}

async function retryAfter(key: string, now: Date): Promise<number> {
  const row = await SignInThrottle.findByPk(key, { attributes: ['key', 'blockedUntil'] });
  const until = row?.blockedUntil ? row.blockedUntil.getTime() : now.getTime();
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

export async function signIn(request: SignInRequest, now = new Date()): Promise<SignInResult> {
  const email = String(request.email ?? '')
    .trim()
    .toLowerCase()
    .slice(0, 200);
  const password = String(request.password ?? '').slice(0, 200);
  const staff = email === '' ? null : await Staff.findOne({ where: { email } });
  const key = bucketOf(email, request.address, staff?.id ?? null, request.deviceCookie);

  const failures = await countAttempt(key, now);
  if (failures > FREE_FAILURES && !(await claimTry(key, failures, now))) {
    return { ok: false, reason: 'throttled', retryAfterSeconds: await retryAfter(key, now) };
  }
  const matches = await verifyPassword(password, staff?.passwordHash ?? DUMMY_HASH);
  if (!staff || !matches) return { ok: false, reason: 'invalid' };
  await SignInThrottle.destroy({
    where: { [Op.or]: [{ key }, { updatedAt: { [Op.lt]: new Date(now.getTime() - MEMORY_MS) } }] },
  });
  if (!staff.enabled) return { ok: false, reason: 'disabled' };
  if (staff.lockedAt) return { ok: false, reason: 'locked' };
  await staff.update({ lastLoginAt: now });
  return { ok: true, staff: { id: staff.id, email: staff.email, title: staff.name } };
}
