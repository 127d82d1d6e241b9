// Receipt (收据) numbers: 'SK<year>-<6-digit sequence>', sequential per Asia/Shanghai year and never reused (a voided
// receipt keeps its number). The Payment model draws them (payment.ts); this is how one is written and read.
import { fieldName } from '../vocabulary/fields.js';

const YEAR = fieldName('Payment', 'receiptYear');
const SEQUENCE = fieldName('Payment', 'receiptSequence');

export const RECEIPT_PREFIX = 'SK';

/** 'SK2026-000123' from (2026, 123). */
export function formatReceiptNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`${YEAR}不正确: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`${SEQUENCE}不正确: ${sequence}`);
  return `${RECEIPT_PREFIX}${year}-${String(sequence).padStart(6, '0')}`;
}

export interface ReceiptNumbering {
  receiptYear: number;
  receiptSequence: number;
  receiptNumber: string;
}

/** The stored fields of the `sequence`-th receipt of `year`. */
export function receiptNumbering(year: number, sequence: number): ReceiptNumbering {
  return { receiptYear: year, receiptSequence: sequence, receiptNumber: formatReceiptNumber(year, sequence) };
}

/** The (year, sequence) of a receipt number, or null when it is not one. */
export function parseReceiptNumber(receiptNumber: string): { year: number; sequence: number } | null {
  const match = /^SK(\d{4})-(\d{6,})$/.exec(receiptNumber);
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}
