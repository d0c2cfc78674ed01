import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appRoot } from '../../db/app-root.js';
import { CITY_REPORT_SQL, cityReportDays, resendReportDays } from '../../db/city-report-days.js';
import { loadMigrations, migrate } from '../../db/migrate.js';
import { parseReportDay } from '../../electron/domain/city/report-day.js';
import { reportFixture, ZONE, type ReportFixture } from '../support/report-fixture.js';

/** The hub's side of the city's reports: report_day records from rebuilt days (migration 019). */
describe('report days for the city', () => {
  let f: ReportFixture | null = null;
  afterEach(() => {
    f?.close();
    f = null;
  });

  it('reads each query through its key (EXPLAIN QUERY PLAN)', () => {
    f = reportFixture();
    const db = f.db;
    const plan = (sql: string) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...[...sql.matchAll(/\?/g)].map(() => '2026-11-02'))
        .map((r) => r.detail)
        .join(' | ');
    expect(plan(CITY_REPORT_SQL.cellsOfDay)).toMatch(/SEARCH report_cells USING PRIMARY KEY \(day=\?\)/);
    expect(plan(CITY_REPORT_SQL.cellsOfDay)).not.toMatch(/TEMP B-TREE/);
    expect(plan(CITY_REPORT_SQL.pending)).not.toMatch(/TEMP B-TREE/);
    expect(plan(CITY_REPORT_SQL.dirtyBefore)).toMatch(/SEARCH report_dirty_days USING PRIMARY KEY \(day<\?\)/);
    expect(plan(CITY_REPORT_SQL.done)).toMatch(/SEARCH city_report_pending USING PRIMARY KEY \(day=\?\)/);
  });

  it('queues each rebuilt day once, with its cells, and again only when rebuilt again', () => {
    f = reportFixture();
    const a = f.clerk('C1', 'A');
    f.window(1, 'window_opened', a, '2026-11-02', '08:55');
    f.issue('household', '2026-11-02', '09:00');
    f.call(1, '2026-11-02', '09:04');
    f.issue('household', '2026-11-03', '09:00');
    const days = cityReportDays(f.db, ZONE);
    const records = () =>
      f!.db.prepare<[], { seq: number; day: string; payload: string }>(`SELECT seq, day, payload FROM city_feed WHERE kind = 'report_day' ORDER BY seq`).all();
    // Today (11-03) is built on the first pass too; closed days on every pass.
    expect(days.queue('2026-11-03', 1_000, 15)).toBe(2);
    expect(records().map((r) => r.day)).toEqual(['2026-11-02', '2026-11-03']);
    const first = parseReportDay('2026-11-02', records()[0]!.payload);
    expect(first.targetWaitMin).toBe(15);
    expect(first.cells.reduce((n, c) => n + (c.counts.issued ?? 0), 0)).toBe(1);
    expect(first.cells.flatMap((c) => c.waits)).toEqual([4 * 60_000]);
    expect(days.queue('2026-11-03', 2_000, 15)).toBe(0);
    // A late step marks 11-02 dirty: rebuilt and sent again; today waits for its five minutes.
    f.issue('traffic', '2026-11-02', '16:00');
    f.issue('traffic', '2026-11-03', '10:00');
    expect(days.queue('2026-11-03', 3_000, 15)).toBe(1);
    expect(days.queue('2026-11-03', 1_000 + 5 * 60_000, 15)).toBe(1);
    expect(records().map((r) => r.day)).toEqual(['2026-11-02', '2026-11-03', '2026-11-02', '2026-11-03']);
  });

  it('sends every built day again when asked (a new target wait), each day once', () => {
    f = reportFixture();
    f.issue('household', '2026-11-02', '09:00');
    f.issue('household', '2026-11-03', '09:00');
    const days = cityReportDays(f.db, ZONE);
    expect(days.queue('2026-11-03', 1_000, 15)).toBe(2);
    expect(resendReportDays(f.db)).toBe(2);
    expect(resendReportDays(f.db)).toBe(0);
    expect(days.queue('2026-11-03', 2_000, 20)).toBe(2);
    const sent = f.db.prepare<[], { day: string; payload: string }>(`SELECT day, payload FROM city_feed WHERE kind = 'report_day' ORDER BY seq`).all();
    expect(sent.map((r) => [r.day, parseReportDay(r.day, r.payload).targetWaitMin])).toEqual([
      ['2026-11-02', 15],
      ['2026-11-03', 15],
      ['2026-11-02', 20],
      ['2026-11-03', 20],
    ]);
    expect(
      f.db
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${CITY_REPORT_SQL.resendAll}`)
        .all()
        .map((r) => r.detail)
        .join(' | '),
    ).not.toMatch(/SCAN city_report_pending/);
  });

  it('widens city_feed without renumbering: seq values and the AUTOINCREMENT mark are kept (019)', () => {
    const db = new Database(':memory:');
    try {
      const all = loadMigrations(join(appRoot(), 'db', 'migrations'));
      migrate(db, all.slice(0, 18));
      db.exec(`INSERT INTO city_feed (kind, at, day, payload) VALUES ('audit_head', 1, '2026-11-02', '{}'), ('audit_head', 2, '2026-11-02', '{}')`);
      db.exec('DELETE FROM city_feed WHERE seq = 2');
      migrate(db, all);
      db.exec(`INSERT INTO city_feed (kind, at, day, payload) VALUES ('report_day', 3, '2026-11-02', '{}')`);
      expect(db.prepare('SELECT seq, kind FROM city_feed ORDER BY seq').all()).toEqual([
        { seq: 1, kind: 'audit_head' },
        { seq: 3, kind: 'report_day' },
      ]);
      // The triggers that fill the feed still do.
      expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'city_feed_%'`).get()).toEqual({ n: 5 });
    } finally {
      db.close();
    }
  });
});
