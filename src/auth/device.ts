// Device tokens: a browser that has signed in to an account before carries a signed token for it (cookie, sign-in
// page only), and its sign-in attempts for that account are counted apart from everyone else's. Someone guessing the
// director's password from another browser — even behind the same office NAT — slows only themselves down.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '../config.js';

export const DEVICE_COOKIE = 'customer_centre_device';
export const DEVICE_COOKIE_DAYS = 180;
/** Accounts one browser remembers (a shared front-desk computer). */
const MAX_TOKENS = 5;

const key = createHmac('sha256', config.sessionSecret).update('device-token').digest();

function sign(staffId: number, nonce: string): string {
  return createHmac('sha256', key).update(`${staffId}.${nonce}`).digest('base64url');
}

interface DeviceToken {
  staffId: number;
  nonce: string;
}

function parse(token: string): DeviceToken | null {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]{16,32})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const staffId = Number(match[1]);
  const expected = Buffer.from(sign(staffId, match[2]));
  const given = Buffer.from(match[3]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { staffId, nonce: match[2] } : null;
}

const tokensOf = (cookie: string | undefined): string[] => (cookie ? cookie.split('~').slice(0, MAX_TOKENS * 2) : []);

/** The device of this browser for `staffId` (its nonce), when the cookie holds a valid token for that account. */
export function knownDevice(cookie: string | undefined, staffId: number): string | null {
  for (const token of tokensOf(cookie)) {
    const parsed = parse(token);
    if (parsed?.staffId === staffId) return parsed.nonce;
  }
  return null;
}

/** The cookie value after a successful sign-in of `staffId`: its token (kept, or a new one) first, at most five. */
export function rememberDevice(cookie: string | undefined, staffId: number): string {
  const existing = knownDevice(cookie, staffId);
  const nonce = existing ?? randomBytes(16).toString('base64url');
  const mine = `${staffId}.${nonce}.${sign(staffId, nonce)}`;
  const others = tokensOf(cookie).filter((token) => {
    const parsed = parse(token);
    return parsed !== null && parsed.staffId !== staffId;
  });
  return [mine, ...others].slice(0, MAX_TOKENS).join('~');
}
