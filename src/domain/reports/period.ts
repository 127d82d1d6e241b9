// A report's period: a month of the Asia/Shanghai calendar ('YYYY-MM') and the UTC moments that bound it, so that
// grouped SQL compares stored timestamps against two parameters instead of converting every row's time zone.
import { addDays, addMonths, lastDayOfMonth, shanghaiMoment, shanghaiMonth } from '../../lib/shanghai.js';

export const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface PeriodBounds {
  period: string;
  /** The first moment of the month in Shanghai (inclusive). */
  start: Date;
  /** The first moment of the next month in Shanghai (exclusive). */
  end: Date;
  /** 'YYYY-MM-DD' of the first and the last day. */
  firstDay: string;
  lastDay: string;
}

export const isPeriod = (text: unknown): text is string =>
  typeof text === 'string' && PERIOD.test(text) && Number(text.slice(0, 4)) >= 2000;

export function periodBounds(period: string): PeriodBounds {
  if (!isPeriod(period)) throw new RangeError(`not a period: ${period}`);
  const lastDay = lastDayOfMonth(period);
  return {
    period,
    start: shanghaiMoment(`${period}-01`, 0),
    end: shanghaiMoment(addDays(lastDay, 1), 0),
    firstDay: `${period}-01`,
    lastDay,
  };
}

export const previousPeriod = (period: string) => addMonths(period, -1);

/** The month now, in Shanghai. */
export const currentPeriod = (now = new Date()) => shanghaiMonth(now);

/** The `count` periods ending with `period`, oldest first. */
export function periodsEndingWith(period: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(period, i - count + 1));
}

/** Every day of the period, 'YYYY-MM-DD'. */
export function daysOf(period: string): string[] {
  const { firstDay, lastDay } = periodBounds(period);
  const days: string[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) days.push(day);
  return days;
}
