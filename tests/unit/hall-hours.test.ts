import { describe, expect, it } from 'vitest';
import { hallStatus } from '../../electron/domain/hall-hours.js';

const WEEKDAYS = { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' };
const SH = 'Asia/Shanghai';
/** An instant given as Shanghai wall time (UTC+8, no DST). */
const sh = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);

// 2026-11-24 is a Tuesday; 2026-11-27 a Friday; 2026-11-30 a Monday.
describe('hall opening hours (in the hall time zone)', () => {
  it('is open during the hours of an opening day, up to but not at the closing minute', () => {
    expect(hallStatus(WEEKDAYS, sh(2026, 11, 24, 9, 0), SH)).toEqual({ openNow: true, nextOpening: null });
    expect(hallStatus(WEEKDAYS, sh(2026, 11, 24, 16, 59), SH)).toEqual({ openNow: true, nextOpening: null });
    expect(hallStatus(WEEKDAYS, sh(2026, 11, 24, 17, 0), SH)).toEqual({ openNow: false, nextOpening: sh(2026, 11, 25, 9) });
  });

  it('before opening on an opening day: opens later today', () => {
    expect(hallStatus(WEEKDAYS, sh(2026, 11, 24, 7, 30), SH)).toEqual({ openNow: false, nextOpening: sh(2026, 11, 24, 9) });
  });

  it('after closing on a Friday: opens on Monday', () => {
    expect(hallStatus(WEEKDAYS, sh(2026, 11, 27, 18, 0), SH)).toEqual({ openNow: false, nextOpening: sh(2026, 11, 30, 9) });
  });

  it('at the weekend: opens on Monday, from Saturday and from late Sunday alike', () => {
    expect(hallStatus(WEEKDAYS, sh(2026, 11, 28, 11, 0), SH)).toEqual({ openNow: false, nextOpening: sh(2026, 11, 30, 9) });
    expect(hallStatus(WEEKDAYS, sh(2026, 11, 29, 23, 59), SH)).toEqual({ openNow: false, nextOpening: sh(2026, 11, 30, 9) });
  });

  it('uses the hall zone, not UTC: 02:00 UTC Tuesday is 10:00 in Shanghai', () => {
    const at = Date.UTC(2026, 10, 24, 2, 0);
    expect(hallStatus(WEEKDAYS, at, SH).openNow).toBe(true);
    expect(hallStatus(WEEKDAYS, at, 'UTC')).toEqual({ openNow: false, nextOpening: Date.UTC(2026, 10, 24, 9, 0) });
  });

  it('a hall open one day a week, after that day closed: a week later', () => {
    const saturdays = { days: [6], open: '10:00', close: '12:00' };
    expect(hallStatus(saturdays, sh(2026, 11, 28, 12, 30), SH)).toEqual({ openNow: false, nextOpening: sh(2026, 12, 5, 10) });
    expect(hallStatus(saturdays, sh(2026, 11, 28, 11, 0), SH).openNow).toBe(true);
  });

  it('across a daylight-saving change: the next opening is at the local wall time', () => {
    // Berlin leaves summer time on Sunday 2026-10-25; Monday 09:00 is then UTC+1.
    const saturdayEvening = Date.UTC(2026, 9, 24, 16, 0); // 18:00 CEST
    expect(hallStatus(WEEKDAYS, saturdayEvening, 'Europe/Berlin')).toEqual({ openNow: false, nextOpening: Date.UTC(2026, 9, 26, 8, 0) });
    // And on the Friday before, still summer time (UTC+2).
    expect(hallStatus(WEEKDAYS, Date.UTC(2026, 9, 22, 20, 0), 'Europe/Berlin').nextOpening).toBe(Date.UTC(2026, 9, 23, 7, 0));
  });
});
