import { expect } from 'chai';
import {
  addDays,
  addMonths,
  lastDayOfMonth,
  monthLabel,
  shanghaiDay,
  shanghaiDayKey,
  shanghaiMoment,
  shanghaiMonth,
  shanghaiYear,
} from '../../src/lib/shanghai.js';
import { Rng } from '../../src/seed/demo/fake.js';

describe('Asia/Shanghai calendar', () => {
  it('puts 2025-12-31T16:30Z on 2026-01-01: next day, month and year in Shanghai', () => {
    const at = new Date('2025-12-31T16:30:00Z');
    expect(shanghaiDay(at)).to.equal('2026-01-01');
    expect(shanghaiDayKey(at)).to.equal('20260101');
    expect(shanghaiMonth(at)).to.equal('2026-01');
    expect(shanghaiYear(at)).to.equal(2026);
  });

  it('keeps the last second before Shanghai midnight on the old day', () => {
    const at = new Date('2025-12-31T15:59:59.999Z');
    expect(shanghaiDay(at)).to.equal('2025-12-31');
    expect(shanghaiDayKey(at)).to.equal('20251231');
    expect(shanghaiMonth(at)).to.equal('2025-12');
    expect(shanghaiYear(at)).to.equal(2025);
  });

  it('agrees with Intl (Asia/Shanghai) on day and year for moments over many years', () => {
    const days = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const years = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' });
    const rng = new Rng(8);
    const from = Date.UTC(1995, 0, 1);
    const to = Date.UTC(2060, 0, 1);
    for (let i = 0; i < 2000; i++) {
      const at = new Date(from + Math.floor(rng.next() * (to - from)));
      expect(shanghaiDay(at), at.toISOString()).to.equal(days.format(at));
      expect(shanghaiYear(at), at.toISOString()).to.equal(Number(years.format(at)));
    }
  });

  it('refuses an invalid date as Intl does, instead of returning NaN text', () => {
    expect(() => shanghaiDay(new Date('not a date'))).to.throw(RangeError);
    expect(() => shanghaiYear(new Date('not a date'))).to.throw(RangeError);
  });

  it('gives the moment of a Shanghai wall-clock time, which reads back as that day', () => {
    expect(shanghaiMoment('2026-01-01', 0).toISOString()).to.equal('2025-12-31T16:00:00.000Z');
    expect(shanghaiMoment('2026-11-27', 9, 5).toISOString()).to.equal('2026-11-27T01:05:00.000Z');
    expect(shanghaiDay(shanghaiMoment('2026-01-01', 0))).to.equal('2026-01-01');
    expect(shanghaiDay(shanghaiMoment('2026-01-01', 23, 59))).to.equal('2026-01-01');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).to.equal('2026-01-01');
    expect(addDays('2026-01-01', -1)).to.equal('2025-12-31');
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2026-02-28', 1)).to.equal('2026-03-01');
    expect(addDays('2026-03-15', -45)).to.equal('2026-01-29');
    expect(addDays('2026-03-15', 0)).to.equal('2026-03-15');
  });

  it('adds months across years, and names the last day and the label of a month', () => {
    expect(addMonths('2026-01', -1)).to.equal('2025-12');
    expect(addMonths('2025-11', 2)).to.equal('2026-01');
    expect(addMonths('2026-05', -17)).to.equal('2024-12');
    expect(lastDayOfMonth('2028-02')).to.equal('2028-02-29');
    expect(lastDayOfMonth('2026-02')).to.equal('2026-02-28');
    expect(lastDayOfMonth('2026-12')).to.equal('2026-12-31');
    expect(monthLabel('2026-01')).to.equal('2026年1月');
    expect(monthLabel('2026-11')).to.equal('2026年11月');
  });
});
