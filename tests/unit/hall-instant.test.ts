import { describe, expect, it } from 'vitest';
import { hallInstant, serviceDay } from '../../electron/domain/service-day.js';

describe('a wall-clock time in the hall, as an instant', () => {
  it('reads 10:00 in Shanghai as 02:00 UTC, whatever zone the machine is in', () => {
    expect(new Date(hallInstant('2026-11-25', '10:00', 'Asia/Shanghai') ?? 0).toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(new Date(hallInstant('2026-11-25', '00:30', 'Asia/Shanghai') ?? 0).toISOString()).toBe('2026-11-24T16:30:00.000Z');
  });
  it('follows another zone the host runs in, daylight saving included', () => {
    expect(new Date(hallInstant('2026-07-01', '09:00', 'Europe/Berlin') ?? 0).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(new Date(hallInstant('2026-12-01', '09:00', 'Europe/Berlin') ?? 0).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    // 02:30 on the spring-forward day does not exist in Berlin.
    expect(hallInstant('2026-03-29', '02:30', 'Europe/Berlin')).toBeNull();
  });
  it('refuses dates and times that do not exist, and agrees with serviceDay', () => {
    for (const [d, t] of [
      ['2026-02-30', '09:00'],
      ['2026-13-01', '09:00'],
      ['2026-11-25', '24:00'],
      ['2026-11-25', '9:00'],
      ['26-11-25', '09:00'],
    ])
      expect(hallInstant(d!, t!)).toBeNull();
    const at = hallInstant('2026-11-25', '23:59', 'Asia/Shanghai') ?? 0;
    expect(serviceDay(at, 'Asia/Shanghai')).toBe('2026-11-25');
  });
});
