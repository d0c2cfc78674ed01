import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { cityFigures, wholeMonths } from '../../electron/city/city-figures.js';
import { CITY_PATHS } from '../../electron/domain/city/city-api.js';
import { CITY_REPORT_PATHS } from '../../electron/domain/city/city-report-api.js';
import { BUCKET_MS } from '../../electron/domain/city/report-summary.js';
import type { FigureRow } from '../../electron/domain/reports/report-figures.js';
import { pgAvailable } from '../../scripts/lib/pg-cluster.js';
import { cityOfThreeHalls, FIRST, LAST as last } from '../support/city-halls.js';

/**
 * Three halls' histories (real SQLite, the real stores) forwarded by the real forwarder to one city
 * on a real PostgreSQL: the city's report of each hall is that hall's own report, figure for figure.
 */
const available = pgAvailable();
if (!available) console.warn('city-reports: PostgreSQL 15 binaries absent (run scripts/test-prerequisites.sh); skipping');

const GROUPINGS = ['total', 'day', 'line', 'service', 'hour', 'window', 'staff'] as const;

// Skipped only without PostgreSQL 15's binaries (a workstation); .ci/run installs them (scripts/test-prerequisites.sh).
describe.skipIf(!available)('city reports from three halls', () => {
  const c = cityOfThreeHalls('reports');
  const { halls, cityReport, hallReport } = c;

  it("shows each hall's own figures, every grouping, percentiles included", async () => {
    for (const h of halls) {
      for (const groupBy of GROUPINGS) {
        const own = hallReport(h, groupBy);
        const got = await cityReport({ hall: h.id, groupBy });
        expect(got.approximate).toBe(false);
        expect({ groupBy, rows: got.rows, total: got.total }).toEqual({ groupBy, rows: own.rows, total: own.total });
      }
    }
    expect(hallReport(halls[0]!, 'total').total).toMatchObject({ accepted: 1, deferred: 1, completed: 1, completedTimely: 1 });
  });

  it('adds the halls up: by hall, each row is that hall; the total is the sum of their counts', async () => {
    const byHall = await cityReport({ groupBy: 'hall' });
    expect(byHall.rows.map((r) => r.key)).toEqual(['hall-a', 'hall-b', 'hall-c']);
    const counts: (keyof FigureRow)[] = [
      'issued',
      'called',
      'served',
      'noShows',
      'transfers',
      'recalls',
      'pausedMs',
      'ratings',
      'satisfied',
      'bad',
      'accepted',
    ];
    for (const [i, h] of halls.entries()) expect(byHall.rows[i]).toEqual({ ...hallReport(h, 'total').total, key: h.id });
    for (const k of counts) expect(byHall.total[k]).toBe(halls.reduce((s, h) => s + (hallReport(h, 'total').total[k] as number), 0));
    expect(byHall.hallDays).toBe(12);
  });

  it('reads the coarse level for long ranges: counts, sums and means exact, percentiles within one bucket', async () => {
    const pool = new pg.Pool({ connectionString: c.databaseUrl, max: 2 });
    try {
      const coarse = cityFigures(pool, { exactHallDays: 0 });
      // Within a month (day summaries only), and over whole months (November from the month table).
      for (const [from, to, groupBy] of [
        ...(['total', 'hall', 'day', 'line', 'service', 'hour'] as const).map((g) => [FIRST, last, g] as const),
        ...(['total', 'hall', 'line', 'hour'] as const).map((g) => ['2026-10-20', '2026-12-03', g] as const),
      ]) {
        const exact = await cityReport({ groupBy, from, to });
        const approx = await coarse.compute({ from, to, groupBy });
        expect(approx.approximate).toBe(true);
        expect(approx.rows.map((r) => r.key)).toEqual(exact.rows.map((r) => r.key));
        for (const [i, e] of [...exact.rows, exact.total].entries()) {
          const a = [...approx.rows, approx.total][i]!;
          expect({ ...a, wait: null, service: null }).toEqual({ ...e, wait: null, service: null });
          for (const d of ['wait', 'service'] as const) {
            expect(a[d].count).toBe(e[d].count);
            expect(a[d].max).toBe(e[d].max);
            expect(a[d].mean ?? 0).toBeCloseTo(e[d].mean ?? 0, 6);
            for (const p of ['p50', 'p90'] as const) {
              expect(a[d][p]! - e[d][p]!).toBeGreaterThanOrEqual(0);
              expect(a[d][p]! - e[d][p]!).toBeLessThan(BUCKET_MS);
            }
          }
        }
      }
    } finally {
      await pool.end();
    }
  });

  it('splits a range into whole months and edge days', () => {
    expect(wholeMonths('2026-11-01', '2026-11-30')).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    expect(wholeMonths('2026-10-20', '2027-01-03')).toEqual({ start: '2026-11-01', end: '2027-01-01' });
    expect(wholeMonths('2026-11-02', '2026-11-30')).toBeNull();
    expect(wholeMonths('2026-12-01', '2026-12-31')).toEqual({ start: '2026-12-01', end: '2027-01-01' });
  });

  it('changes nothing when a report_day is delivered again', async () => {
    const h = halls[1]!;
    const before = await cityReport({ groupBy: 'day' });
    const store = h.store;
    const again = store.pending(0, 10_000).filter((r) => r.kind === 'report_day');
    expect(again.length).toBe(4);
    const link = store.link()!;
    const res = await fetch(`${c.city.url}${CITY_PATHS.feed}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${link.credential}` },
      body: JSON.stringify({ hallId: h.id, records: again }),
    });
    expect(await res.json()).toMatchObject({ inserted: 0 });
    expect(await cityReport({ groupBy: 'day' })).toEqual(before);
  });

  it("replaces a day when the hall rebuilds it: a late ticket reaches the city's figures", async () => {
    const h = halls[0]!;
    const before = (await cityReport({ hall: h.id })).total.issued;
    h.f.issue('traffic', last, '16:59');
    c.advance(60_000);
    const s = await h.forwarder.syncNow();
    expect(s.backlog).toBe(0);
    const after = await cityReport({ hall: h.id, groupBy: 'day' });
    expect(after.total.issued).toBe(before + 1);
    expect(after.rows).toEqual(hallReport(h, 'day').rows);
    // The month's summary is folded again too.
    const pool = new pg.Pool({ connectionString: c.databaseUrl, max: 1 });
    try {
      const month = await cityFigures(pool, { exactHallDays: 0 }).compute({ from: '2026-11-01', to: '2026-11-30', hall: h.id, groupBy: 'total' });
      expect(month.total.issued).toBe(before + 1);
    } finally {
      await pool.end();
    }
  });

  it('refuses strangers and halls, and bad queries with 400', async () => {
    const q = `?from=${FIRST}&to=${last}`;
    expect((await fetch(`${c.city.url}${CITY_REPORT_PATHS.figures}${q}`)).status).toBe(401);
    const hallCredential = halls[0]!.store.link()!.credential;
    expect((await fetch(`${c.city.url}${CITY_REPORT_PATHS.figures}${q}`, { headers: { authorization: `Bearer ${hallCredential}` } })).status).toBe(403);
    const auth = { headers: { authorization: `Bearer ${c.token}` } };
    expect((await fetch(`${c.city.url}${CITY_REPORT_PATHS.figures}${q}&groupBy=window`, auth)).status).toBe(400);
    expect((await fetch(`${c.city.url}${CITY_REPORT_PATHS.figures}?from=${last}&to=${FIRST}`, auth)).status).toBe(400);
    expect((await fetch(`${c.city.url}${CITY_REPORT_PATHS.export}${q}&format=pdf`, auth)).status).toBe(400);
  });

  it('exports CSV and XLSX with the columns of the hall', async () => {
    const auth = { headers: { authorization: `Bearer ${c.token}` } };
    const csv = (await (await fetch(`${c.city.url}${CITY_REPORT_PATHS.export}?from=${FIRST}&to=${last}&groupBy=hall&format=csv`, auth)).json()) as {
      filename: string;
      base64: string;
    };
    expect(csv.filename).toBe(`city-report-${FIRST}_${last}-hall.csv`);
    const lines = Buffer.from(csv.base64, 'base64').toString('utf8').replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^服务大厅,取号数,办结服务数,平均等候（分钟）/);
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[1]).toMatch(/^hall-a \(hall-a\),/);
    const xlsx = (await (await fetch(`${c.city.url}${CITY_REPORT_PATHS.export}?from=${FIRST}&to=${last}&format=xlsx&lang=en`, auth)).json()) as {
      base64: string;
    };
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
