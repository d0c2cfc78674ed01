import { afterEach, describe, expect, it } from 'vitest';
import { reportRows } from '../../db/report-rows.js';
import { hallHour } from '../../electron/domain/reports/hall-hour.js';
import { computeReport, type FigureRow, type ReportGrouping, type ReportFilter } from '../../electron/domain/reports/report-figures.js';
import { D1, D2, knownDays, TARGET_MIN } from '../support/report-known-days.js';
import { ZONE } from '../support/report-fixture.js';

/**
 * Every figure of the reports against the hand-built days of tests/support/report-known-days.ts,
 * whose comment tells the story; the sums below are worked out from it by hand. Durations in
 * minutes; percentiles are nearest-rank (p50 of 6 values is the 3rd, p90 the 6th).
 */
const MIN = 60_000;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function setUp() {
  const k = knownDays();
  cleanups.push(k.close);
  const rows = reportRows(k.db, ZONE);
  const report = (from: string, to: string, groupBy: ReportGrouping = 'total', filter: ReportFilter = {}) =>
    computeReport(rows.read(from, to), { groupBy, filter, targetWaitMs: TARGET_MIN * MIN, hourOf: hallHour(ZONE) });
  return { ...k, report };
}

const minutes = (r: FigureRow, which: 'wait' | 'service') => {
  const s = r[which];
  return { count: s.count, mean: s.mean === null ? null : s.mean / MIN, p50: (s.p50 ?? 0) / MIN, p90: (s.p90 ?? 0) / MIN, max: (s.max ?? 0) / MIN };
};
const row = (rows: FigureRow[], key: string | number | null) => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${String(key)}`);
  return r;
};

describe('report figures against a hand-built hall day', () => {
  it('day 1 as a whole: tickets, waits, service, target, no-shows, transfers, recalls, pauses', () => {
    const { report } = setUp();
    const t = report(D1, D1).total;
    // T1–T6, all called; T7 belongs to day 2.
    expect([t.issued, t.called]).toEqual([6, 6]);
    // Waits 10, 20 (T2 keeps its place: issue → first call), 44 (T3's first call), 11, 21, 15 (T6 across
    // midnight). Sorted 10 11 15 20 21 44: mean 121/6, p50 the 3rd = 15, p90 the 6th = 44.
    expect(minutes(t, 'wait')).toEqual({ count: 6, mean: 121 / 6, p50: 15, p90: 44, max: 44 });
    // Within 15 minutes: 10, 11 and 15 → 3 of 6.
    expect([t.withinTarget, t.withinTargetRate]).toEqual([3, 0.5]);
    // Served: T1, T2 (at window 3), T3 (after reinstatement), T5, T6; T4 stayed a no-show.
    expect(t.served).toBe(5);
    // Service stretches: T1 10, T2 2 at window 1 and 8 at window 3, T3 10, T5 15, T6 14.
    // Sorted 2 8 10 10 14 15: mean 59/6, p50 the 3rd = 10, p90 the 6th = 15.
    expect(minutes(t, 'service')).toEqual({ count: 6, mean: 59 / 6, p50: 10, p90: 15, max: 15 });
    // T3's no-show was reinstated and served: only T4 counts, of the 6 called.
    expect([t.noShows, t.noShowRate]).toEqual([1, 1 / 6]);
    expect([t.transfers, t.recalls, t.pausedMs / MIN]).toEqual([1, 1, 30]);
  });

  it('day 1 cases: accepted, 容缺, refused, completed, 办结率 and time-limit compliance', () => {
    const { report } = setUp();
    const t = report(D1, D1).total;
    // Accepted on day 1: C1 and C2 (容缺); C4 was accepted on 11-20, outside the range.
    expect([t.accepted, t.deferred, t.refused]).toEqual([2, 1, 1]);
    // Completed on day 1: C1 (on time) and C4 (promised 11-23, done 11-24: late).
    expect([t.completed, t.completedWithPromise, t.completedTimely, t.timelyRate]).toEqual([2, 2, 1, 0.5]);
    // 办结率 of day 1's acceptances: C1 completed, C2 still waiting for its material → 1 of 2.
    expect(t.completionRate).toBe(0.5);
  });

  it('day 1 satisfaction: 满意 and above among ratings given, 差评 and their handling, skips', () => {
    const { report } = setUp();
    const t = report(D1, D1).total;
    // Given: 5 (T1), 2 (T2), 1 (T3), 4 (T6, rated after midnight but of service day 1); T5 skipped.
    expect([t.ratings, t.satisfied, t.satisfactionRate]).toEqual([4, 2, 0.5]);
    expect([t.bad, t.badHandled, t.skipped]).toEqual([2, 1, 1]);
  });

  it('per window and per clerk: ticket figures where first called, steps where they happened', () => {
    const { report, a, b } = setUp();
    const byWindow = report(D1, D1, 'window').rows;
    const w1 = row(byWindow, 1);
    // First called at window 1: T1, T2, T4, T5, T6 (waits 10 20 11 21 15 → sorted 10 11 15 20 21).
    expect([w1.issued, w1.served, w1.noShows]).toEqual([5, 3, 1]);
    expect(minutes(w1, 'wait')).toEqual({ count: 5, mean: 77 / 5, p50: 15, p90: 21, max: 21 });
    // Stretches at window 1: T1 10, T2 2, T5 15, T6 14 → sorted 2 10 14 15, p50 the 2nd.
    expect(minutes(w1, 'service')).toEqual({ count: 4, mean: 41 / 4, p50: 10, p90: 15, max: 15 });
    expect([w1.transfers, w1.recalls, w1.pausedMs / MIN]).toEqual([1, 1, 30]);
    const w3 = row(byWindow, 3);
    // T3 first called at window 3 (wait 44); T2 and T3 served there (8 and 10).
    expect([w3.issued, w3.served, w3.noShows, w3.transfers, w3.pausedMs]).toEqual([1, 2, 0, 0, 0]);
    expect(minutes(w3, 'service')).toEqual({ count: 2, mean: 9, p50: 8, p90: 10, max: 10 });
    // C4 was accepted at window 2 on 11-20: day 1 has nothing there.
    expect(byWindow.map((r) => r.key)).toEqual([1, 3]);

    const byStaff = report(D1, D1, 'staff').rows;
    const ra = row(byStaff, a);
    expect([ra.issued, ra.served, ra.accepted, ra.refused, ra.completed]).toEqual([5, 3, 1, 1, 2]);
    // A's ratings: 5 and 4 given, one skip → every given rating 满意 or above.
    expect([ra.ratings, ra.satisfactionRate, ra.skipped, ra.bad]).toEqual([2, 1, 1, 0]);
    const rb = row(byStaff, b);
    expect([rb.issued, rb.served, rb.accepted, rb.deferred, rb.ratings, rb.bad, rb.badHandled]).toEqual([1, 2, 1, 1, 2, 2, 1]);
  });

  it('per line and per hour: a transfer counts where it left, T2 is served in traffic; T6 is hour 23', () => {
    const { report } = setUp();
    const byLine = report(D1, D1, 'line').rows;
    const household = row(byLine, 'household');
    const traffic = row(byLine, 'traffic');
    expect([household.issued, household.served, household.transfers, household.recalls]).toEqual([5, 3, 1, 1]);
    expect([traffic.issued, traffic.served, traffic.transfers]).toEqual([1, 2, 0]);
    const byHour = report(D1, D1, 'hour').rows;
    // Issued at 9 (T1–T4: waits 10 20 44 11), at 10 (T5: 21), at 23 (T6: 15).
    expect(byHour.filter((r) => r.issued > 0).map((r) => [r.key, r.issued, (r.wait.mean ?? 0) / MIN])).toEqual([
      [9, 4, 85 / 4],
      [10, 1, 21],
      [23, 1, 15],
    ]);
    // T6's service started at 00:06 on the clock: the hour of the step is 0, its day still day 1.
    expect(row(byHour, 0).served).toBe(1);
  });

  it('per service, and filtered: only tickets with an application have a service', () => {
    const { report } = setUp();
    const byService = report(D1, D1, 'service').rows;
    // T1 and T5 (hukou_transfer), T3 (vehicle_transfer); C4 completed as hukou_birth.
    expect(row(byService, 'hukou_transfer').issued).toBe(2);
    expect(row(byService, 'vehicle_transfer').issued).toBe(1);
    expect(row(byService, 'hukou_birth').completed).toBe(1);
    expect(row(byService, null).issued).toBe(3);
    const onlyW3 = report(D1, D1, 'total', { window: 3 }).total;
    expect([onlyW3.issued, onlyW3.served, onlyW3.deferred, onlyW3.bad]).toEqual([1, 2, 1, 2]);
  });

  it('across the midnight and over two days: T6 stays in day 1, T7 makes day 2', () => {
    const { report } = setUp();
    const byDay = report(D1, D2, 'day').rows;
    expect(byDay.map((r) => [r.key, r.issued, r.served])).toEqual([
      [D1, 6, 5],
      [D2, 1, 1],
    ]);
    const t = report(D1, D2).total;
    // Waits 3 10 11 15 20 21 44: mean 124/7, p50 the 4th = 15, p90 the 7th = 44; within 15: 4 of 7.
    expect(minutes(t, 'wait')).toEqual({ count: 7, mean: 124 / 7, p50: 15, p90: 44, max: 44 });
    expect(t.withinTarget).toBe(4);
    // Ratings given 5 (5 2 1 4 5), 满意 and above 3.
    expect([t.ratings, t.satisfied, t.satisfactionRate]).toEqual([5, 3, 0.6]);
    // Day 2 alone has no case steps and no pauses.
    const d2 = report(D2, D2).total;
    expect([d2.issued, d2.accepted, d2.completed, d2.pausedMs, (d2.wait.mean ?? 0) / MIN]).toEqual([1, 0, 0, 0, 3]);
  });
});
