import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_CELL_SQL, reportCellStore } from '../../db/report-cells.js';
import { reportRows } from '../../db/report-rows.js';
import type { Db } from '../../db/open.js';
import { hallHour } from '../../electron/domain/reports/hall-hour.js';
import { reportWarmup } from '../../electron/host/reports/report-warmup.js';
import { chartDataFromCells, groupCells } from '../../electron/domain/reports/report-cells.js';
import { chartData } from '../../electron/domain/reports/report-charts.js';
import { groupFacts, reportFacts, REPORT_GROUPINGS, type ReportFilter } from '../../electron/domain/reports/report-figures.js';
import { hallAt, ZONE } from '../support/report-fixture.js';
import { D1, D2, knownDays } from '../support/report-known-days.js';
import { monthOfEvents } from '../support/report-month.js';

/**
 * The per-day rollup (migration 017, db/report-cells.ts) against reports computed from the events
 * themselves, on the same database: equal for every grouping and filter, after writes that change
 * figures of earlier days (a case completed days after its acceptance, a rectification closed
 * later, a no-show reinstated the next morning, a case's service corrected, a window renumbered),
 * and read through indexes.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const MIN = 60_000;
const FILTERS: ReportFilter[] = [{}, { line: 'household' }, { window: 1 }, { service: 'hukou_transfer' }];

function expectRollupAsEvents(db: Db, from: string, to: string, filters: readonly ReportFilter[] = FILTERS, zone = ZONE): void {
  const rollup = reportCellStore(db, zone);
  const facts = reportFacts(reportRows(db, zone).read(from, to), hallHour(zone));
  for (const filter of filters) {
    const cells = rollup.cells(from, to, filter);
    for (const targetWaitMs of [10 * MIN, 15 * MIN]) {
      for (const groupBy of REPORT_GROUPINGS) {
        const o = { groupBy, filter, targetWaitMs };
        expect(groupCells(cells, o), `${groupBy} ${JSON.stringify(filter)}`).toEqual(groupFacts(facts, o));
      }
      expect(chartDataFromCells(cells, filter, targetWaitMs)).toEqual(chartData(facts, filter, targetWaitMs));
    }
  }
}

const dirty = (db: Db) =>
  db
    .prepare<[], { day: string }>(`SELECT day FROM report_dirty_days ORDER BY day`)
    .all()
    .map((r) => r.day);

describe('reports from the per-day rollup', () => {
  it('equal the reports of the events for a month, built at once or day by day', () => {
    const m = monthOfEvents('2026-11-01', 30, 24);
    cleanups.push(m.close);
    expect(dirty(m.db)).toHaveLength(30);
    // Half the month first: only its days are built; the rest stay dirty until asked for.
    expectRollupAsEvents(m.db, '2026-11-01', '2026-11-15');
    expect(dirty(m.db)).toHaveLength(15);
    expectRollupAsEvents(m.db, '2026-11-01', m.lastDay);
    expect(dirty(m.db)).toEqual([]);
    expect(reportCellStore(m.db, ZONE).rebuild('2026-11-01', m.lastDay)).toBe(0);
  });

  it('see later writes that change earlier days (dirty marking)', () => {
    const k = knownDays();
    cleanups.push(k.close);
    const rollup = reportCellStore(k.db, ZONE);
    const total = (from: string, to = from) => groupCells(rollup.cells(from, to), { groupBy: 'total', filter: {}, targetWaitMs: 15 * MIN }).total;
    const before = total(D1);
    expect([before.completionRate, before.badHandled, before.noShows]).toEqual([0.5, 1, 1]);
    // Only the day asked for was built (C4's acceptance day and D2 wait).
    expect(dirty(k.db)).toEqual(['2026-11-20', D2]);

    // C2 (容缺, accepted on D1) completed three days later: D1's 办结率 becomes 2 of 2.
    const c2 = k.db.prepare<[], { id: number }>(`SELECT application_id AS id FROM application_events WHERE action = 'accept_deferred'`).get()?.id ?? 0;
    k.db
      .prepare(
        `INSERT INTO application_events (application_id, at, actor, from_status, to_status, action, staff_id, window_id) VALUES (?, ?, 'staff', NULL, 'completed', 'complete', ?, 3)`,
      )
      .run(c2, hallAt('2026-11-28', '10:00'), k.b);
    expect(total(D1).completionRate).toBe(1);
    expect(total('2026-11-28').completed).toBe(1);

    // T3's open 差评 is closed a week later: D1's handled count goes up.
    k.db.prepare(`UPDATE rating_rectifications SET status = 'closed' WHERE status = 'open'`).run();
    expect(total(D1).badHandled).toBe(2);

    // T4, a no-show on D1, reinstated the next morning (an event of its service day D1).
    k.reinstate(k.tickets.t4, D2, '08:30');
    expect(total(D1).noShows).toBe(0);

    // C1's service corrected: its acceptance, completion and T1's ticket figures move service.
    k.db.prepare(`UPDATE applications SET service_code = 'hukou_birth' WHERE service_code = 'hukou_transfer' AND promised_by = '2026-11-27'`).run();
    const byService = groupCells(rollup.cells(D1, D1), { groupBy: 'service', filter: {}, targetWaitMs: 15 * MIN }).rows;
    expect(byService.find((r) => r.key === 'hukou_birth')).toMatchObject({ issued: 1, accepted: 1, completed: 2 });

    // Window 3 renumbered 13: case steps name windows by id, so D1's C2 acceptance moves.
    k.db.prepare(`UPDATE windows SET number = 13 WHERE id = 3`).run();
    const byWindow = groupCells(rollup.cells(D1, '2026-11-28'), { groupBy: 'window', filter: {}, targetWaitMs: 15 * MIN }).rows;
    expect(byWindow.find((r) => r.key === 13)).toMatchObject({ deferred: 1, completed: 1 });

    // T5's skip replaced by a rating from the receipt: an UPSERT, whose conflict clause overrides
    // the triggers' own (migration 017 guards its marks with NOT EXISTS for this).
    k.db
      .prepare(
        `INSERT INTO service_ratings (ticket_id, level, skipped, channel, at, service_day) VALUES (?, 5, 0, 'kiosk', ?, ?)
         ON CONFLICT (ticket_id) DO UPDATE SET level = excluded.level, skipped = excluded.skipped WHERE service_ratings.skipped = 1`,
      )
      .run(k.tickets.t5, hallAt(D2, '12:00'), D1);
    expect([total(D1).skipped, total(D1).ratings]).toEqual([0, 5]);

    // A rating given late for T7 (D2) and a new day's ticket: both seen.
    k.db.prepare(`DELETE FROM service_ratings WHERE ticket_id = ?`).run(k.tickets.t7);
    expect(total(D2).ratings).toBe(0);
    k.issue('traffic', '2026-11-29', '09:00');
    expect(total('2026-11-29').issued).toBe(1);

    // And all of it equals the events' reports, over the whole span and each day alone.
    expectRollupAsEvents(k.db, '2026-11-20', '2026-11-29');
    for (const day of ['2026-11-20', D1, D2, '2026-11-28']) expectRollupAsEvents(k.db, day, day, [{}]);
    expect(dirty(k.db)).toEqual([]);
  });

  it('are built again when the hub runs in another time zone (hours and case days move)', () => {
    const k = knownDays();
    cleanups.push(k.close);
    expectRollupAsEvents(k.db, '2026-11-20', D2, [{}]);
    expect(dirty(k.db)).toEqual([]);
    // Tokyo is an hour ahead: every hour moves.
    expectRollupAsEvents(k.db, '2026-11-20', D2, [{}], 'Asia/Tokyo');
    const hours = groupCells(reportCellStore(k.db, 'Asia/Tokyo').cells(D1, D1), { groupBy: 'hour', filter: {}, targetWaitMs: 15 * MIN }).rows;
    // Day 1's 09:00–10:48 are 10:00–11:48 there, T6's 23:50 and 00:06 are 00:50 and 01:06.
    expect(hours.map((r) => r.key)).toEqual([0, 1, 10, 11]);
    expectRollupAsEvents(k.db, '2026-11-20', D2, [{}]);
  });

  it('rebuilds only the dirty days of the range asked for', () => {
    const m = monthOfEvents('2026-11-01', 3, 6);
    cleanups.push(m.close);
    const rollup = reportCellStore(m.db, ZONE);
    expect(rollup.rebuild('2026-11-01', '2026-11-03')).toBe(3);
    m.issue('household', '2026-11-02', '15:00');
    expect(dirty(m.db)).toEqual(['2026-11-02']);
    expect(rollup.rebuild('2026-11-03', '2026-11-03')).toBe(0);
    expect(rollup.rebuild('2026-11-01', '2026-11-03')).toBe(1);
  });

  it('are built in the background after start, the days dirty then only, and the warm-up stops on demand', async () => {
    const m = monthOfEvents('2026-11-01', 4, 6);
    cleanups.push(m.close);
    const lines: string[] = [];
    const warm = reportWarmup(reportCellStore(m.db, ZONE), (l) => lines.push(l), 1);
    // A day written to after the start stays for the report that asks for it.
    m.issue('household', '2026-11-05', '09:00');
    expect(await warm.done).toBe(4);
    expect(dirty(m.db)).toEqual(['2026-11-05']);
    expect(lines).toEqual(['reports: built the daily figures of 4 day(s)']);
    expectRollupAsEvents(m.db, '2026-11-01', '2026-11-05', [{}]);

    m.db.exec(`INSERT INTO report_dirty_days (day) VALUES ('2026-11-01'), ('2026-11-02')`);
    const stopped = reportWarmup(reportCellStore(m.db, ZONE), () => {}, 1000);
    await stopped.stop();
    expect(await stopped.done).toBe(0);
    expect(dirty(m.db)).toEqual(['2026-11-01', '2026-11-02']);
  });

  it('reads and rebuilds through indexes (EXPLAIN QUERY PLAN)', () => {
    const m = monthOfEvents('2026-11-01', 1, 2);
    cleanups.push(m.close);
    const plan = (sql: string, ...args: unknown[]) =>
      m.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args)
        .map((r) => r.detail)
        .join(' | ');
    expect(plan(REPORT_CELL_SQL.cells, D1, D2)).toBe('SEARCH report_cells USING PRIMARY KEY (day>? AND day<?)');
    expect(plan(REPORT_CELL_SQL.dropCells, D1)).toBe('SEARCH report_cells USING PRIMARY KEY (day=?)');
    expect(plan(REPORT_CELL_SQL.dirtyDays, D1, D2)).toBe('SEARCH report_dirty_days USING PRIMARY KEY (day>? AND day<?)');
    expect(plan(REPORT_CELL_SQL.clearDay, D1)).toBe('SEARCH report_dirty_days USING PRIMARY KEY (day=?)');
    // Dirty marks are read whole on purpose: they are few (what changed since the last report).
    expect(plan(REPORT_CELL_SQL.dirtyInstants)).toBe('SCAN report_dirty_instants');
    expect(plan(REPORT_CELL_SQL.allDirtyDays)).toBe('SCAN report_dirty_days');
    // The triggers' look-ups (migration 017): their guards, a case's steps, a ticket's and a rating's day.
    expect(plan(`SELECT 1 FROM report_dirty_days WHERE day = ?`, D1)).toBe('SEARCH report_dirty_days USING PRIMARY KEY (day=?)');
    expect(plan(`SELECT 1 FROM report_dirty_instants WHERE at = ?`, 1)).toBe('SEARCH report_dirty_instants USING PRIMARY KEY (at=?)');
    const caseSteps = plan(`SELECT at FROM application_events WHERE application_id = ? AND action IN ('accept', 'accept_deferred')`, 1);
    expect(caseSteps).toBe('SEARCH application_events USING INDEX application_events_application (application_id=?)');
    expect(plan(`SELECT service_day FROM tickets WHERE id IN (?, ?)`, 1, 2)).toBe('SEARCH tickets USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan(`SELECT service_day FROM service_ratings WHERE id IN (?, ?)`, 1, 2)).toBe('SEARCH service_ratings USING INTEGER PRIMARY KEY (rowid=?)');
  });
});
