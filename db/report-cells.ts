import type { Dims } from '../electron/domain/reports/report-facts.js';
import { decodeCell, encodeCell } from '../electron/domain/reports/report-cell-codec.js';
import { cellsOf, matchesFilter, type ReportCell } from '../electron/domain/reports/report-cells.js';
import { hallDay, hallHour } from '../electron/domain/reports/hall-hour.js';
import { reportFacts, type ReportFilter } from '../electron/domain/reports/report-figures.js';
import type { Db } from './open.js';
import { reportRows } from './report-rows.js';

/** A cell's row as an array (raw mode: a year is ~100,000 rows, and arrays are cheaper to hand over than objects). */
type CellSql = [
  day: string,
  hour: number,
  line: string | null,
  service_code: string | null,
  window_number: number | null,
  staff_id: number | null,
  data: Uint8Array,
];

/** The rollup's queries (migration 017), exported so a unit test can read their plans. */
export const REPORT_CELL_SQL = {
  cells: `SELECT day, hour, line, service_code, window_number, staff_id, data FROM report_cells WHERE day BETWEEN ? AND ?`,
  dirtyDays: `SELECT day FROM report_dirty_days WHERE day BETWEEN ? AND ? ORDER BY day`,
  dirtyInstants: `SELECT at FROM report_dirty_instants`,
  markDay: `INSERT OR IGNORE INTO report_dirty_days (day) VALUES (?)`,
  clearInstants: `DELETE FROM report_dirty_instants`,
  allDirtyDays: `SELECT day FROM report_dirty_days ORDER BY day DESC`,
  clearDay: `DELETE FROM report_dirty_days WHERE day = ?`,
  dropCells: `DELETE FROM report_cells WHERE day = ?`,
  /** Every day with events dirty again, as migration 017 left an existing hall. */
  rebuildAll: `DELETE FROM report_cells;
    INSERT OR IGNORE INTO report_dirty_days (day) SELECT DISTINCT service_day FROM ticket_events;
    INSERT OR IGNORE INTO report_dirty_days (day) SELECT DISTINCT service_day FROM service_ratings;
    INSERT OR IGNORE INTO report_dirty_instants (at)
      SELECT DISTINCT at FROM application_events WHERE action IN ('accept', 'accept_deferred', 'refuse', 'complete');`,
  addCell: `INSERT INTO report_cells (day, seq, hour, line, service_code, window_number, staff_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

/**
 * The reports' per-day rollup: the cells of a range of days, each dirty day of it rebuilt first
 * from its events with the same domain code a report from events uses (report-rows.ts → facts →
 * cellsOf), so the rollup cannot count differently. A day is rebuilt in its own transaction: its
 * cells replaced and its mark cleared together, so a write racing in after the read leaves the
 * day dirty again (better-sqlite3 is synchronous, so nothing interleaves inside one).
 * One figure is per day by construction here and was not quite so from events: a window's pause
 * still open at the end of its service day counts for nothing (as in a one-day report), where a
 * report of several days read from events counted it if it ended on a later day of the range.
 */
export function reportCellStore(db: Db, timeZone: string) {
  const rows = reportRows(db, timeZone);
  const q = {
    cells: db.prepare<[string, string], CellSql>(REPORT_CELL_SQL.cells).raw(true),
    dirtyDays: db.prepare<[string, string], { day: string }>(REPORT_CELL_SQL.dirtyDays),
    dirtyInstants: db.prepare<[], { at: number }>(REPORT_CELL_SQL.dirtyInstants),
    markDay: db.prepare<[string]>(REPORT_CELL_SQL.markDay),
    clearInstants: db.prepare(REPORT_CELL_SQL.clearInstants),
    allDirtyDays: db.prepare<[], { day: string }>(REPORT_CELL_SQL.allDirtyDays),
    clearDay: db.prepare<[string]>(REPORT_CELL_SQL.clearDay),
    dropCells: db.prepare<[string]>(REPORT_CELL_SQL.dropCells),
    addCell: db.prepare<[string, number, number, string | null, string | null, number | null, number | null, Uint8Array]>(REPORT_CELL_SQL.addCell),
  };

  /** Case steps' instants become hall days (here, where the time zone is known). All of them, in
   * one transaction: nothing can add one between the read and the delete. */
  const resolveInstants = db.transaction(() => {
    const dayOf = hallDay(timeZone);
    const days = new Set(q.dirtyInstants.all().map((r) => dayOf(r.at)));
    for (const day of days) q.markDay.run(day);
    q.clearInstants.run();
  });

  // Built in another zone (or never recorded): every cell may be in the wrong hour or day.
  db.transaction(() => {
    const built = db.prepare<[], { time_zone: string }>(`SELECT time_zone FROM report_cells_zone WHERE id = 1`).get()?.time_zone;
    if (built === timeZone) return;
    if (built !== undefined) db.exec(REPORT_CELL_SQL.rebuildAll);
    db.prepare(`INSERT INTO report_cells_zone (id, time_zone) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone`).run(timeZone);
  })();

  const rebuildDay = db.transaction((day: string) => {
    const cells = cellsOf(reportFacts(rows.read(day, day), hallHour(timeZone)));
    q.dropCells.run(day);
    cells.forEach((c, seq) => {
      const d = c.dims;
      if (d.day !== day) throw new Error(`report cell of ${d.day} among the facts of ${day}`);
      q.addCell.run(day, seq, d.hour, d.line, d.service, d.window, d.staff, encodeCell(c));
    });
    q.clearDay.run(day);
  });

  /** Rebuilds the dirty days of [from, to]; returns how many. */
  function rebuild(from: string, to: string): number {
    resolveInstants();
    const days = q.dirtyDays.all(from, to).map((r) => r.day);
    for (const day of days) rebuildDay(day);
    return days.length;
  }

  return {
    rebuild,
    /** Every dirty day now, the latest first (the days most often asked for). */
    dirtyDays(): string[] {
      resolveInstants();
      return q.allDirtyDays.all().map((r) => r.day);
    },
    /** The cells of the days from `from` to `to` (both included) matching `filter`, rebuilt where dirty. */
    cells(from: string, to: string, filter: ReportFilter = {}): ReportCell[] {
      rebuild(from, to);
      const out: ReportCell[] = [];
      for (const [day, hour, line, service, window, staff, data] of q.cells.all(from, to)) {
        const dims: Dims = { day, hour, line, service, window, staff };
        // Filter before decoding: a clerk's report decodes only that clerk's cells.
        if (matchesFilter(dims, filter)) out.push(decodeCell(dims, data));
      }
      return out;
    },
  };
}

export type ReportCellStore = ReturnType<typeof reportCellStore>;
