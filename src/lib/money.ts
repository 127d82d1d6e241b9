// Money is integer fen (分) everywhere; these turn it into what a person reads and back.

/** ¥1,234.50 from 123450 fen; empty for no value. */
export function formatFen(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const fen = Number(value);
  if (!Number.isFinite(fen)) return String(value);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan as typed by a person ("12.5", "1,200") to fen; the raw text when it is not a number, so validation can say so. */
export function yuanToFen(text: string): number | string {
  const cleaned = text.replace(/[,，\s¥￥]/g, '');
  if (cleaned === '') return '';
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return text;
  const [whole, frac = ''] = cleaned.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return cleaned.startsWith('-') ? -fen : fen;
}
