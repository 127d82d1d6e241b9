// What a field check answers (the value, or the Chinese message saying what is wrong), and small helpers the rule
// checks share.
import { isPlainObject } from '../lib/objects.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
export const pass = <T>(value: T): Checked<T> => ({ ok: true, value });
export const fail = <T>(message: string): Checked<T> => ({ ok: false, message });
export const problemOf = (checked: Checked<unknown>): string | null => (checked.ok ? null : checked.message);

export const isObject = isPlainObject;
export const has = (value: object, key: string) => Object.hasOwn(value, key);

/** A value as the director typed it, short enough for a message. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
