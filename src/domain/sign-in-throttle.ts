// The buckets sign-in failures are counted in (src/auth/authenticate.ts), named so that an account's buckets can be
// found again: an unlock (Staff.unlock) or a password reset empties them all.
import { createHash } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import { SignInThrottle } from '../models/index.js';

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
const account = (email: string) => digest(email.trim().toLowerCase());

/** "<account>:a:<address>" or "<account>:d:<device>", each part hashed: nothing in clear, the account part findable. */
export function throttleKey(email: string, by: 'address' | 'device', value: string): string {
  return `${account(email)}:${by === 'device' ? 'd' : 'a'}:${digest(value)}`;
}

/** Empties every bucket of an account: the person may try again at once, from anywhere. */
export async function forgetFailures(email: string, options: { transaction?: Transaction } = {}): Promise<void> {
  await SignInThrottle.destroy({
    where: { key: { [Op.like]: `${account(email)}:%` } },
    transaction: options.transaction,
  });
}
