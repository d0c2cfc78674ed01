import { describe, expect, it } from 'vitest';
import { hallDay, hallHour } from '../../electron/domain/reports/hall-hour.js';
import { hallInstant, serviceDay } from '../../electron/domain/service-day.js';

/** The remembered hour and day of an instant agree with formatting each instant, on both sides of
 * midnight, in a whole-hour zone and in a half-hour one (where a UTC hour spans two local hours). */
describe('hall hour and day of an instant', () => {
  it('agree with Intl at every quarter hour of two days, in Shanghai and Kolkata', () => {
    for (const zone of ['Asia/Shanghai', 'Asia/Kolkata']) {
      const hour = hallHour(zone);
      const day = hallDay(zone);
      const from = hallInstant('2026-11-24', '00:00', zone) ?? 0;
      for (let at = from; at < from + 2 * 86_400_000; at += 15 * 60_000) {
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(at));
        expect([hour(at), day(at)]).toEqual([Number(local), serviceDay(at, zone)]);
      }
    }
  });

  it('puts 23:59 in hour 23 of its day and 00:00 in hour 0 of the next', () => {
    const hour = hallHour('Asia/Shanghai');
    const day = hallDay('Asia/Shanghai');
    const late = hallInstant('2026-11-24', '23:59', 'Asia/Shanghai') ?? 0;
    expect([hour(late), day(late), hour(late + 60_000), day(late + 60_000)]).toEqual([23, '2026-11-24', 0, '2026-11-25']);
  });
});
