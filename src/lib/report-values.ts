// How a report's values read — on its page, in its .xlsx and on paper: money in yuan with two decimals (fen stored),
// rates as percentages, counts with thousands separators. Shared by the bundle and the server: no Node imports.

export type ValueKind = 'text' | 'count' | 'money' | 'rate' | 'days' | 'hours' | 'score' | 'day';

const grouped = (n: number, decimals = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

export function formatValue(value: unknown, kind: ValueKind = 'text'): string {
  if (value === null || value === undefined || value === '') return kind === 'text' || kind === 'day' ? '' : '—';
  if (kind === 'text' || kind === 'day' || typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return '—';
  switch (kind) {
    case 'money':
      return `${value < 0 ? '-' : ''}¥${grouped(Math.abs(value) / 100, 2)}`;
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'count':
      return grouped(Math.round(value));
    case 'days':
      return `${value.toFixed(1)} 天`;
    case 'hours':
      return `${value.toFixed(1)} 小时`;
    case 'score':
      return value.toFixed(2);
  }
  return String(value);
}

/** An axis tick: money in yuan (万 when large), rates in whole percents. */
export function formatTick(value: number, kind: ValueKind = 'count'): string {
  if (kind === 'rate') return `${Math.round(value * 100)}%`;
  const n = kind === 'money' ? value / 100 : value;
  if (Math.abs(n) >= 100_000) return `${grouped(n / 10_000, 0)}万`;
  if (Math.abs(n) >= 10_000) return `${grouped(n / 10_000, 1)}万`;
  return grouped(n, Number.isInteger(n) ? 0 : 1);
}

/** The value a spreadsheet cell holds: yuan as a number for money, the rate itself (formatted 0.0%) … */
export function cellValue(value: unknown, kind: ValueKind = 'text'): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'number') return String(value);
  if (kind === 'money') return Math.round(value) / 100;
  return value;
}

export const numericKinds: ReadonlySet<ValueKind> = new Set(['count', 'money', 'rate', 'days', 'hours', 'score']);

/** Each report's page is an AdminJS resource of its own (one menu entry per report): `ReportMonthlyTickets`. */
export const reportResourceId = (name: string) => `Report${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** The report a report page's resource id stands for, or null: `ReportMonthlyTickets` → `monthlyTickets`. */
export function reportNameOf(resourceId: string): string | null {
  const match = /^Report([A-Z]\w*)$/.exec(resourceId);
  return match ? `${match[1].charAt(0).toLowerCase()}${match[1].slice(1)}` : null;
}

/** Up to 24 months back from `period`, newest first, as the filter offers them: { value: '2026-11', label: '2026年11月' }. */
export function periodChoices(period: string, count = 24): { value: string; label: string }[] {
  const [year, month] = period.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - i;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    return { value: `${y}-${String(m).padStart(2, '0')}`, label: `${y}年${m}月` };
  });
}
