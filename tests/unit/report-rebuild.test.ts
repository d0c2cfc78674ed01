import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_SQL, reportRows } from '../../db/report-rows.js';
import { plusDays } from '../../electron/domain/calendar/working-days.js';
import { hallHour } from '../../electron/domain/reports/hall-hour.js';
import { computeReport } from '../../electron/domain/reports/report-figures.js';
import { ZONE } from '../support/report-fixture.js';
import { monthOfEvents } from '../support/report-month.js';

/**
 * Figures come from the events alone and can be rebuilt from them: a month computed at once, day
 * by day, and again after the tickets' own columns (which a recall or a reinstatement overwrites)
 * are wiped, gives the same figures. The per-day rollup (migration 017) is a cache of exactly
 * this: a day's cells are rebuilt from its events with the same code (tests/unit/report-rollup.test.ts).
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const FIRST = '2026-11-01';
const opts = (groupBy: 'total' | 'day' | 'window' | 'staff') => ({ groupBy, filter: {}, targetWaitMs: 15 * 60_000, hourOf: hallHour(ZONE) });

describe('reports rebuilt from events', () => {
  it('a month gives the same figures at once, day by day, and after the ticket rows are wiped', () => {
    const m = monthOfEvents(FIRST, 30, 24);
    cleanups.push(m.close);
    const rows = reportRows(m.db, ZONE);
    const month = computeReport(rows.read(FIRST, m.lastDay), opts('day'));
    expect(month.rows).toHaveLength(30);
    expect(month.total.issued).toBe(30 * 24);
    expect(month.total.served + month.total.noShows).toBe(month.total.called);
    // Day by day, each day's report is the month's row for it.
    for (let d = 0; d < 30; d++) {
      const day = plusDays(FIRST, d);
      const one = computeReport(rows.read(day, day), opts('total')).total;
      expect({ ...one, key: day }).toEqual(month.rows[d]);
    }
    const byStaff = computeReport(rows.read(FIRST, m.lastDay), opts('staff'));
    // The ticket rows' own columns say nothing to a report: wipe them and compute again.
    m.db.prepare(`UPDATE tickets SET status = 'cancelled', called_at = NULL, started_at = NULL, finished_at = NULL, window_id = NULL, recall_count = 0`).run();
    expect(computeReport(rows.read(FIRST, m.lastDay), opts('day'))).toEqual(month);
    expect(computeReport(rows.read(FIRST, m.lastDay), opts('staff'))).toEqual(byStaff);
    // The clerks' rows add up to the hall's counts.
    const sum = (k: 'issued' | 'served' | 'recalls' | 'ratings') => byStaff.rows.reduce((s, r) => s + r[k], 0);
    expect([sum('issued'), sum('served'), sum('recalls'), sum('ratings')]).toEqual([
      month.total.issued,
      month.total.served,
      month.total.recalls,
      month.total.ratings,
    ]);
  });

  it('reads each range through its index (EXPLAIN QUERY PLAN)', () => {
    const m = monthOfEvents(FIRST, 1, 2);
    cleanups.push(m.close);
    const plan = (sql: string, ...args: unknown[]) =>
      m.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args)
        .map((r) => r.detail)
        .join(' | ');
    // Ticket events straight from the covering index: no lookup of the table's rows.
    expect(plan(REPORT_SQL.ticketEvents, FIRST, FIRST)).toBe('SEARCH e USING COVERING INDEX ticket_events_report (service_day>? AND service_day<?)');
    expect(plan(REPORT_SQL.transferredFrom, FIRST, FIRST)).toMatch(
      /SEARCH ticket_events USING INDEX ticket_events_(day_kind|report) \(service_day>\? AND service_day<\?\)|\(service_day=\? AND kind=\?\)/,
    );
    const services = plan(REPORT_SQL.ticketServices, FIRST, FIRST);
    expect(services).toMatch(/SEARCH t USING COVERING INDEX (tickets_waiting|sqlite_autoindex_tickets_1) \(service_day>\? AND service_day<\?\)/);
    expect(services).toMatch(/SEARCH a USING INDEX applications_ticket \(ticket_id=\?\)/);
    const cases = plan(REPORT_SQL.caseEvents, 0, 1);
    expect(cases).toMatch(/SEARCH ev USING INDEX application_events_action_at \(action=\? AND at>\? AND at<\?\)/);
    expect(cases).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
    expect(cases).toMatch(/SEARCH c USING INDEX application_events_application \(application_id=\?\)/);
    expect(cases).not.toMatch(/SCAN (ev|a|c)\b/);
    const ratings = plan(REPORT_SQL.ratings, FIRST, FIRST);
    expect(ratings).toMatch(/SEARCH r USING INDEX service_ratings_day \(service_day>\? AND service_day<\?\)/);
    expect(ratings).toMatch(/SEARCH x USING INDEX sqlite_autoindex_rating_rectifications_1 \(rating_id=\?\)/);
  });
});
