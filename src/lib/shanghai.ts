// The Asia/Shanghai calendar: days ('YYYY-MM-DD'), months ('YYYY-MM') and years of moments, and moments of days.
// Shanghai has been UTC+8 all year since 1991 (no daylight saving), so shifting by eight hours and reading the UTC
// fields is exact for every date this office deals with, and far cheaper than Intl.DateTimeFormat (demo data at
// large scale formats hundreds of thousands of moments).

const OFFSET_MS = 8 * 3_600_000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The moment moved eight hours on, so its UTC fields read as Shanghai wall-clock fields. */
function wallClock(at: Date): Date {
  const time = at.getTime();
  // Intl.DateTimeFormat throws on an invalid date; so do these helpers, rather than return 'NaN' text.
  if (Number.isNaN(time)) throw new RangeError('Invalid time value');
  return new Date(time + OFFSET_MS);
}

/** 'YYYY-MM-DD' of a moment in Asia/Shanghai (2025-12-31T16:30Z is 2026-01-01). */
export function shanghaiDay(at: Date): string {
  return wallClock(at).toISOString().slice(0, 10);
}

/** The hour (0–23) of a moment in Asia/Shanghai. */
export function shanghaiHour(at: Date): number {
  return wallClock(at).getUTCHours();
}

/** The weekday of a moment in Asia/Shanghai: 1 (Monday) – 7 (Sunday). */
export function shanghaiWeekday(at: Date): number {
  return wallClock(at).getUTCDay() || 7;
}

/** 'YYYYMMDD' of a moment in Asia/Shanghai, for daily numbers such as BS20261127-0001. */
export function shanghaiDayKey(at: Date): string {
  return shanghaiDay(at).replaceAll('-', '');
}

/** 'YYYY-MM' of a moment in Asia/Shanghai. */
export function shanghaiMonth(at: Date): string {
  return shanghaiDay(at).slice(0, 7);
}

/** The year of a moment in Asia/Shanghai (2025-12-31T16:30Z is already 2026). */
export function shanghaiYear(at: Date): number {
  return wallClock(at).getUTCFullYear();
}

/** The moment `hour:minute` of a Shanghai day 'YYYY-MM-DD'. */
export function shanghaiMoment(day: string, hour: number, minute = 0): Date {
  return new Date(`${day}T${pad2(hour)}:${pad2(minute)}:00+08:00`);
}

/** The day 'YYYY-MM-DD' `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The month 'YYYY-MM' `months` after `month` (negative: before). */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

/** The last day 'YYYY-MM-DD' of a month 'YYYY-MM'. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** '2026年11月' for '2026-11'. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/**
 * A moment typed by a person: 'YYYY-MM-DD HH:mm' (or with a T) in Shanghai time, 'YYYY-MM-DD' as the end of that
 * day, or a full ISO time with its offset (what the API is sent). Null when it is none of these.
 */
export function parseShanghaiMoment(text: string): Date | null {
  const value = text.trim();
  const wall = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(value);
  const at = wall
    ? shanghaiMoment(
        wall[1],
        wall[2] === undefined ? 23 : Number(wall[2]),
        wall[3] === undefined ? 59 : Number(wall[3]),
      )
    : /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)
      ? new Date(value)
      : null;
  if (!at || Number.isNaN(at.getTime())) return null;
  // Reject what Date silently rolls over (2026-02-30, 25:00).
  if (wall && (shanghaiDay(at) !== wall[1] || Number(wall[2] ?? 0) > 23)) return null;
  return at;
}
