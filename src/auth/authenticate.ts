// Email + password sign-in. Repeated failures lock the account for a while (stored on the Staff row, so
// every instance agrees) and slow down an address that keeps guessing.
import { Staff } from '../models/index.js';
import { verifyPassword } from './password.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const ADDRESS_WINDOW_MS = 15 * 60_000;
const MAX_ADDRESS_FAILURES = 30;
// A real hash of a random string, compared against when the account does not exist, so timing tells nothing.
const DUMMY_HASH = '$2b$10$WDwQUUldNeFCuYxcuKRrmOcU3RBOp0EBwgil.tnMllsGuM6oGAyCK';

const failuresByAddress = new Map<string, number[]>();

export interface SessionStaff {
  id: number;
  email: string;
  title: string;
}

export type SignInResult = { ok: true; staff: SessionStaff } | { ok: false; reason: 'invalid' | 'locked' | 'disabled' | 'throttled' };

function recentFailures(address: string, now: number): number[] {
  const list = (failuresByAddress.get(address) ?? []).filter((t) => now - t < ADDRESS_WINDOW_MS);
  failuresByAddress.set(address, list);
  return list;
}

export async function signIn(email: string, password: string, address = 'unknown', now = new Date()): Promise<SignInResult> {
  const nowMs = now.getTime();
  if (recentFailures(address, nowMs).length >= MAX_ADDRESS_FAILURES) return { ok: false, reason: 'throttled' };
  const fail = (reason: 'invalid' | 'locked' | 'disabled'): SignInResult => {
    recentFailures(address, nowMs).push(nowMs);
    return { ok: false, reason };
  };

  const staff = await Staff.findOne({ where: { email: String(email ?? '').trim().toLowerCase() } });
  if (!staff) {
    await verifyPassword(String(password ?? ''), DUMMY_HASH);
    return fail('invalid');
  }
  if (staff.lockedUntil && staff.lockedUntil.getTime() > nowMs) return fail('locked');
  const matches = await verifyPassword(String(password ?? ''), staff.passwordHash);
  if (!matches) {
    const failedLogins = staff.failedLogins + 1;
    const locked = failedLogins >= MAX_FAILED_LOGINS;
    await staff.update({ failedLogins: locked ? 0 : failedLogins, lockedUntil: locked ? new Date(nowMs + LOCK_MINUTES * 60_000) : staff.lockedUntil });
    return fail(locked ? 'locked' : 'invalid');
  }
  if (!staff.enabled) return fail('disabled');
  await staff.update({ failedLogins: 0, lockedUntil: null, lastLoginAt: now });
  return { ok: true, staff: { id: staff.id, email: staff.email, title: staff.name } };
}

/** For tests: forget the per-address failures. */
export function resetAddressThrottle() {
  failuresByAddress.clear();
}
