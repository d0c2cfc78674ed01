import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../../db/open.js';
import { reportCellStore, type ReportCellStore } from '../../db/report-cells.js';
import { plusDays } from '../../electron/domain/calendar/working-days.js';
import { chartDataFromCells, groupCells } from '../../electron/domain/reports/report-cells.js';
import type { ReportGrouping } from '../../electron/domain/reports/report-figures.js';
import { hallInstant } from '../../electron/domain/service-day.js';
import { percentile } from './machine.js';
import { seededRandom } from '../lib/seeded-random.js';

const ZONE = 'Asia/Shanghai';
const FIRST = '2026-01-05';
const DAYS = 250;
const LINES = ['household', 'traffic', 'exit_entry'] as const;
const MIN = 60_000;

/**
 * A year of a busy hall written straight into a real database file: 250 working days × 1,000
 * tickets with their steps (issued, called, a recall now and then, started, finished or no-show),
 * 150,000 applications with their acceptance and completion, 100,000 ratings. One transaction.
 */
export function generateYear(db: Db): { tickets: number; events: number } {
  const rnd = seededRandom(14);
  const ticket = db.prepare(`INSERT INTO tickets (id, service_day, line, seq, number, status, issued_at) VALUES (?, ?, ?, ?, ?, 'done', ?)`);
  const event = db.prepare(
    `INSERT INTO ticket_events (ticket_id, kind, window_id, window_number, staff_id, at, service_day, line, class) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'normal')`,
  );
  const application = db.prepare(
    `INSERT INTO applications (id, case_number, service_day, case_seq, request_id, service_code, line, materials_provided_json, materials_missing_json,
       status, ticket_id, created_at, updated_at, promised_by) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', '[]', 'completed', ?, ?, ?, ?)`,
  );
  const step = db.prepare(
    `INSERT INTO application_events (application_id, at, actor, to_status, action, staff_id, window_id) VALUES (?, ?, 'staff', ?, ?, ?, ?)`,
  );
  const rating = db.prepare(
    `INSERT INTO service_ratings (ticket_id, window_id, window_number, staff_id, line, level, skipped, channel, at, service_day) VALUES (?, ?, ?, ?, ?, ?, 0, 'counter', ?, ?)`,
  );
  let id = 0;
  let events = 0;
  let caseId = 0;
  let ratings = 0;
  db.transaction(() => {
    for (let d = 0; d < DAYS; d++) {
      const day = plusDays(FIRST, Math.floor(d / 5) * 7 + (d % 5));
      const open = hallInstant(day, '09:00', ZONE) ?? 0;
      for (let i = 0; i < 1000; i++) {
        id++;
        const line = LINES[i % 3] ?? 'household';
        const issued = open + Math.floor((i / 1000) * 8 * 60 * MIN);
        ticket.run(id, day, line, Math.floor(i / 3) + 1, `${'ABC'[i % 3]}${id}`, issued);
        const win = 1 + (i % 6);
        const staff = null;
        const called = issued + Math.floor(rnd() * 40 * MIN);
        event.run(id, 'issued', null, null, staff, issued, day, line);
        event.run(id, 'called', win, win, staff, called, day, line);
        events += 2;
        if (rnd() < 0.05) {
          event.run(id, 'recalled', win, win, staff, called + MIN, day, line);
          events++;
        }
        if (rnd() < 0.04) {
          event.run(id, 'no_show', win, win, staff, called + 2 * MIN, day, line);
          events++;
          continue;
        }
        const started = called + MIN;
        event.run(id, 'started', win, win, staff, started, day, line);
        event.run(id, 'finished', win, win, staff, started + Math.floor(3 * MIN + rnd() * 12 * MIN), day, line);
        events += 2;
        if (caseId < 150_000 && i % 5 < 3) {
          caseId++;
          application.run(
            caseId,
            `YZ${day.replaceAll('-', '')}-${id}`,
            day,
            id,
            `bench-${caseId}-0000`,
            `service_${i % 20}`,
            line,
            id,
            issued,
            issued,
            plusDays(day, 5),
          );
          step.run(caseId, started + MIN, 'accepted', 'accept', null, win);
          step.run(caseId, started + 5 * MIN, 'completed', 'complete', null, win);
        }
        if (ratings < 100_000 && i % 5 < 2) {
          ratings++;
          rating.run(id, win, win, null, line, 1 + Math.floor(rnd() * 5), started + 20 * MIN, day);
        }
      }
    }
  })();
  return { tickets: id, events };
}

/** The baseline: the report's main figure (the mean wait, issue → first call) as one SQL aggregate. */
const MEAN_WAIT_SQL = `SELECT count(*) AS n, avg(c.at - i.at) AS mean FROM ticket_events i
  JOIN (SELECT ticket_id, min(at) AS at FROM ticket_events WHERE service_day BETWEEN ? AND ? AND kind = 'called' GROUP BY ticket_id) c
    ON c.ticket_id = i.ticket_id
  WHERE i.service_day BETWEEN ? AND ? AND i.kind = 'issued'`;

function p95(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return percentile(
    times.sort((a, b) => a - b),
    95,
  );
}

/** What the report service computes for a request (electron/host/reports/report-service.ts): the rows and the charts. */
function report(store: ReportCellStore, from: string, to: string, groupBy: ReportGrouping): void {
  const cells = store.cells(from, to);
  groupCells(cells, { groupBy, filter: {}, targetWaitMs: 30 * MIN });
  chartDataFromCells(cells, {}, 30 * MIN);
}

const RUNS = 20;

/** Reports over a year of a busy hall through the per-day rollup: each grouping for one month and for the whole year. */
export async function reportsSection(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-bench-reports-'));
  const { db } = openDatabase(dir);
  try {
    const t0 = performance.now();
    const made = generateYear(db);
    const genS = (performance.now() - t0) / 1000;
    db.pragma('optimize');
    const store = reportCellStore(db, ZONE);
    const last = plusDays(FIRST, Math.floor((DAYS - 1) / 5) * 7 + ((DAYS - 1) % 5));
    // Every day of the year was written after migration 017, so all are dirty: the first report of
    // the year builds them all, once (as on an upgraded hall's first report).
    const r0 = performance.now();
    const built = store.rebuild(FIRST, last);
    const rebuildS = (performance.now() - r0) / 1000;
    const cellCount = db.prepare<[], { n: number; bytes: number }>(`SELECT count(*) AS n, sum(length(data)) AS bytes FROM report_cells`).get();
    const ranges = [
      { name: 'month', from: '2026-03-01', to: '2026-03-31', goal: 100 },
      { name: 'year', from: FIRST, to: last, goal: 1000 },
    ];
    const baseline = db.prepare(MEAN_WAIT_SQL);
    const markDirty = db.prepare<[string]>(`INSERT OR IGNORE INTO report_dirty_days (day) VALUES (?)`);
    const lines: string[] = [];
    const row = (range: string, what: string, ms: number, base: number, goal: number) =>
      lines.push(
        `| ${range} | ${what} | ${RUNS} | ${ms.toFixed(0)} | ${base.toFixed(0)} | ${(ms / base).toFixed(2)} | ${ms <= goal ? 'met' : 'NOT met'} (≤ ${goal} ms) |`,
      );
    for (const r of ranges) {
      const base = p95(RUNS, () => baseline.get(r.from, r.to, r.from, r.to));
      for (const groupBy of ['total', 'day', 'window', 'hour'] as ReportGrouping[]) {
        row(
          r.name,
          groupBy,
          p95(RUNS, () => report(store, r.from, r.to, groupBy)),
          base,
          r.goal,
        );
      }
      // The open day is usually dirty (tickets keep coming): its rebuild is part of the request.
      row(
        r.name,
        'total, last day dirty',
        p95(RUNS, () => {
          markDirty.run(r.to);
          report(store, r.from, r.to, 'total');
        }),
        base,
        r.goal,
      );
    }
    return `
## Reports (issue 14)

Method: a year of a busy hall generated into a real database file (${DAYS} working days, ${made.tickets.toLocaleString('en')} tickets with
${made.events.toLocaleString('en')} ticket events, 150,000 applications with 300,000 case steps, 100,000 ratings; ${genS.toFixed(1)} s to write).
Reports read the per-day rollup (migration 017, db/report-cells.ts): each day's facts folded into cells per (day, hour, line,
service, window, clerk) with their counts and their exact waits and service times (so nearest-rank percentiles and the share
within a target wait set at any time stay exact). A day marked dirty by a write is rebuilt from its events before the report
reads it. All ${built} days start dirty; their one-time rebuild took ${rebuildS.toFixed(1)} s (${((rebuildS * 1000) / Math.max(1, built)).toFixed(0)} ms a day) and left
${(cellCount?.n ?? 0).toLocaleString('en')} cells, ${((cellCount?.bytes ?? 0) / 1024 / 1024).toFixed(1)} MiB of values. Then each request reads the cells of its range and computes the
rows and the charts (what the report service does). Time is the p95 of ${RUNS} runs; the baseline, in the same run, is the single
SQL aggregate of the report's main figure (the mean wait, issue → first call) over the raw events of the same range. The
"last day dirty" rows mark the range's last day dirty before each run, so each includes one busy day's rebuild (1,000 tickets).

| range | grouping | runs | p95 ms | baseline p95 ms | report / baseline | goal |
| --- | --- | --- | --- | --- | --- | --- |
${lines.join('\n')}
`;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
