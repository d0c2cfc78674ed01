import type { BusinessLine } from '../../electron/domain/business-lines.js';
import { plusDays } from '../../electron/domain/calendar/working-days.js';
import { reportFixture, type ReportFixture } from './report-fixture.js';
import { seededRandom } from '../../scripts/lib/seeded-random.js';

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * A month of a small hall through the real stores: each day tickets in two lines from 09:00, two
 * windows calling, serving, now and then a recall, a no-show, a transfer or a pause, and ratings.
 */
export function monthOfEvents(firstDay: string, days: number, perDay: number): ReportFixture & { lastDay: string } {
  const f = reportFixture();
  const rnd = seededRandom(20261124);
  const a = f.clerk('C201', '赵敏');
  const b = f.clerk('C202', '钱伟');
  for (let d = 0; d < days; d++) {
    const day = plusDays(firstDay, d);
    f.window(1, 'window_opened', a, day, '08:55');
    f.window(3, 'window_opened', b, day, '08:55');
    const issued: { id: number; line: BusinessLine }[] = [];
    for (let i = 0; i < perDay; i++) {
      const line: BusinessLine = rnd() < 0.6 ? 'household' : 'traffic';
      issued.push({ id: f.issue(line, day, hhmm(540 + i * 2)), line });
    }
    // Each window serves its line in order, one ticket every 6 minutes from 09:05.
    for (const [w, line, staff] of [[1, 'household', a] as const, [3, 'traffic', b] as const]) {
      let minute = 545;
      const mine = issued.filter((t) => t.line === line);
      for (const t of mine) {
        f.call(w, day, hhmm(minute));
        const r = rnd();
        if (r < 0.1) f.recall(w, day, hhmm(minute + 1));
        if (r > 0.92) {
          f.noShow(w, day, hhmm(minute + 2));
        } else {
          f.start(w, day, hhmm(minute + 2));
          f.finish(w, day, hhmm(minute + 3 + Math.floor(rnd() * 3)));
          if (rnd() < 0.7)
            f.rate(
              { ticketId: t.id, level: 1 + Math.floor(rnd() * 5), staffId: staff, window: w, line, service: null, serviceDay: day },
              day,
              hhmm(minute + 6),
            );
        }
        minute += 6;
        if (minute === 605) {
          f.window(w, 'window_paused', staff, day, hhmm(minute));
          f.window(w, 'window_resumed', staff, day, hhmm(minute + 10));
          minute += 10;
        }
      }
    }
  }
  return { ...f, lastDay: plusDays(firstDay, days - 1) };
}
