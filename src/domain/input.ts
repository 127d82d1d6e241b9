// Reading form input in use cases: blanks, record ids and money in fen, with the Chinese message for each problem.
import { ValidationFailed } from '../errors.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../models/payment.js';

/** Refuses the input with `message` shown on `field`. */
export function refuse(field: string, message: string): never {
  throw new ValidationFailed(message, { [field]: message });
}

export const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

/** The largest id an INTEGER column holds (PostgreSQL refuses a larger one with an error, not an empty result). */
const MAX_RECORD_ID = 2_147_483_647;

export const isRecordId = (value: unknown): boolean =>
  /^\d{1,10}$/.test(String(value)) && Number(value) <= MAX_RECORD_ID;

/**
 * An amount of money in integer fen, or the problem with it ("收款金额必须大于零").
 * `min` is 1 for amounts that must be positive, 0 for ones that may be zero (a deduction).
 */
export function parseFen(
  value: unknown,
  label: string,
  min: 0 | 1,
): { fen: number; problem?: undefined } | { fen?: undefined; problem: string } {
  const text = String(value ?? '').trim();
  if (text === '') return { problem: `${label}不能为空` };
  if (!/^-?\d+$/.test(text)) return { problem: `${label}必须是以分为单位的整数` };
  const fen = Number(text);
  if (fen < min) return { problem: min === 1 ? `${label}必须大于零` : `${label}不能为负数` };
  return { fen };
}

/** 收款方式 (or 退款方式, by `label`): one of the payment methods; `fallback` when left blank, else a problem. */
export function parseMethod(
  value: unknown,
  label: string,
  fallback?: PaymentMethod,
): { method: PaymentMethod; problem?: undefined } | { method?: undefined; problem: string } {
  if (isBlank(value)) return fallback ? { method: fallback } : { problem: `请选择${label}` };
  const method = String(value);
  return (PAYMENT_METHODS as readonly string[]).includes(method)
    ? { method: method as PaymentMethod }
    : { problem: `${label}不正确：${method}` };
}
