import { plusDays } from '../electron/domain/calendar/working-days.js';
import { reportDayPayload } from '../electron/domain/city/report-day.js';
import { decodeCell } from '../electron/domain/reports/report-cell-codec.js';
import type { Db } from './open.js';
import { reportCellStore } from './report-cells.js';

/** Today's cells change all day: rebuilt for the city at most this often (closed days at every pass). */
export const TODAY_EVERY_MS = 5 * 60_000;
/** Closed days rebuilt per pass: a hall upgraded with a year of dirty days (017) catches up over a
 * few minutes of passes instead of holding the host's event loop for seconds in one. */
export const DAYS_PER_PASS = 10;

export const CITY_REPORT_SQL = {
  pending: `SELECT day FROM city_report_pending ORDER BY day LIMIT ?`,
  dirtyBefore: `SELECT day FROM report_dirty_days WHERE day < ? ORDER BY day LIMIT ?`,
  cellsOfDay: `SELECT hour, line, service_code, window_number, staff_id, data FROM report_cells WHERE day = ? ORDER BY seq`,
  addRecord: `INSERT INTO city_feed (kind, at, day, payload) VALUES ('report_day', ?, ?, ?)`,
  done: `DELETE FROM city_report_pending WHERE day = ?`,
  // NOT IN rather than OR IGNORE: an outer UPSERT would override a trigger's conflict clause, and
  // this runs beside the settings' upsert.
  resendAll: `INSERT INTO city_report_pending (day)
              SELECT DISTINCT day FROM report_cells WHERE day NOT IN (SELECT day FROM city_report_pending)`,
} as const;

/**
 * Every built day goes to the city again, with the target wait now in force: a day's "within
 * target" at the city is computed with the target sent with it, while the hall's own report applies
 * its current setting to every day. Call in the transaction that changes the setting.
 */
export function resendReportDays(db: Db): number {
  return db.prepare(CITY_REPORT_SQL.resendAll).run().changes;
}

interface CellRow {
  hour: number;
  line: string | null;
  service_code: string | null;
  window_number: number | null;
  staff_id: number | null;
  data: Uint8Array;
}

/**
 * The hub's report days for the city (migration 019): before each sync the forwarder has the dirty
 * days rebuilt (closed days always, today every TODAY_EVERY_MS), then every rebuilt day still
 * pending becomes one report_day record of its cells, in the same transaction that clears it, so
 * a day is neither lost nor sent twice for one rebuild.
 */
export function cityReportDays(db: Db, timeZone: string) {
  const cells = reportCellStore(db, timeZone);
  const pending = db.prepare<[number], { day: string }>(CITY_REPORT_SQL.pending);
  const dirtyBefore = db.prepare<[string, number], { day: string }>(CITY_REPORT_SQL.dirtyBefore);
  const cellsOfDay = db.prepare<[string], CellRow>(CITY_REPORT_SQL.cellsOfDay);
  const addRecord = db.prepare<[number, string, string]>(CITY_REPORT_SQL.addRecord);
  const done = db.prepare<[string]>(CITY_REPORT_SQL.done);
  let todayBuiltAt = Number.NEGATIVE_INFINITY;

  const queueDay = db.transaction((day: string, now: number, targetWaitMin: number) => {
    const dayCells = cellsOfDay
      .all(day)
      .map((r) => decodeCell({ day, hour: r.hour, line: r.line, service: r.service_code, window: r.window_number, staff: r.staff_id }, r.data));
    addRecord.run(now, day, reportDayPayload(dayCells, targetWaitMin));
    done.run(day);
  });

  return {
    /** Rebuilds what is due and queues the rebuilt days; returns how many report_day records were added. */
    queue(today: string, now: number, targetWaitMin: number): number {
      // Case steps' instants become days first (an empty range: nothing else is rebuilt).
      cells.rebuild(today, plusDays(today, -1));
      for (const { day } of dirtyBefore.all(today, DAYS_PER_PASS)) cells.rebuild(day, day);
      if (now - todayBuiltAt >= TODAY_EVERY_MS) {
        cells.rebuild(today, today);
        todayBuiltAt = now;
      }
      let n = 0;
      for (let batch = pending.all(500); batch.length > 0; batch = pending.all(500)) {
        for (const { day } of batch) queueDay(day, now, targetWaitMin);
        n += batch.length;
      }
      return n;
    },
  };
}

export type CityReportDays = ReturnType<typeof cityReportDays>;
