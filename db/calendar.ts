import type { CalendarOverride } from '../electron/domain/calendar/working-days.js';
import type { Db } from './open.js';

/** The supervisor's corrections of the shipped holiday calendar, one row per day. */
export function calendarStore(db: Db) {
  const all = db.prepare<[], { day: string; kind: CalendarOverride['kind']; name: string }>(`SELECT day, kind, name FROM calendar_days ORDER BY day`);
  const put = db.prepare<[string, string, string, number, number | null]>(
    `INSERT INTO calendar_days (day, kind, name, updated_at, staff_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = excluded.updated_at, staff_id = excluded.staff_id`,
  );
  return {
    overrides: (): CalendarOverride[] => all.all(),
    put: (o: CalendarOverride, now: number, staffId: number | null): void => void put.run(o.day, o.kind, o.name, now, staffId),
  };
}
export type CalendarStore = ReturnType<typeof calendarStore>;
