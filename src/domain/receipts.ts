// Receipt (收据) numbering: 'SK<year>-<6-digit sequence>', sequential per Asia/Shanghai year and never reused
// (a voided receipt keeps its number). The unique (receiptYear, receiptSequence) index is the final guard:
// two cashiers issuing in the same instant may collide, and the loser retries with the next number.
import type { Transaction } from 'sequelize';
import { sequelize } from '../db.js';
import type { Payment } from '../models/payment.js';
import { shanghaiYear } from '../lib/shanghai.js';

export const RECEIPT_PREFIX = 'SK';

/** 'SK2026-000123' from (2026, 123). */
export function formatReceiptNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`收据年度不正确: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`收据序号不正确: ${sequence}`);
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

// Looked up by name so the Payment model (whose hook numbers new receipts) and this module do not import each other.
const payments = () => sequelize.model('Payment') as typeof Payment;

/** The next receipt sequence of a year: the highest one issued (voided ones included) + 1. */
export async function nextReceiptSequence(year: number, transaction?: Transaction | null): Promise<number> {
  const max = await payments().max<number | null, Payment>('receiptSequence', { where: { receiptYear: year }, transaction: transaction ?? undefined });
  return (Number(max) || 0) + 1;
}

/** Year, sequence and number for a receipt issued at `at` (its year is the Shanghai year: 2025-12-31T16:30Z is already 2026). */
export async function nextReceipt(at: Date, transaction?: Transaction | null): Promise<ReceiptNumbering> {
  const year = shanghaiYear(at);
  return receiptNumbering(year, await nextReceiptSequence(year, transaction));
}

/**
 * Numbers many receipts at once (the demo data), in the order given — the order they were issued in: each gets the
 * numbering nextReceipt would have given it, one after another, continuing after its year's highest sequence.
 * The rows are numbered in place and returned.
 */
export async function numberReceipts<T extends { paidAt: Date }>(rows: T[], transaction?: Transaction | null): Promise<Array<T & ReceiptNumbering>> {
  const next = new Map<number, number>();
  for (const row of rows) {
    const year = shanghaiYear(row.paidAt);
    const sequence = next.get(year) ?? (await nextReceiptSequence(year, transaction));
    next.set(year, sequence + 1);
    Object.assign(row, receiptNumbering(year, sequence));
  }
  return rows as Array<T & ReceiptNumbering>;
}
