import pg from 'pg';
import { startCity, type RunningCity } from '../../electron/city/start-city.js';
import { CITY_PATHS } from '../../electron/domain/city/city-api.js';
import { CITY_REPORT_PATHS, type CityReport } from '../../electron/domain/city/city-report-api.js';
import { cutBatch, type FeedRecord } from '../../electron/domain/city/feed.js';
import { reportDayPayload } from '../../electron/domain/city/report-day.js';
import type { BusinessLine } from '../../electron/domain/business-lines.js';
import { dimsKey, type CountedKind, type ReportCell } from '../../electron/domain/reports/report-cells.js';
import type { Dims } from '../../electron/domain/reports/report-facts.js';
import { pgAvailable, startPgCluster } from '../lib/pg-cluster.js';
import { seededRandom } from '../lib/seeded-random.js';

const HALLS = 100;
const DAYS = 250;
const TICKETS = 1_000;
/** Distinct generated days; each hall day takes one (the city's work per record is the same). */
const TEMPLATES = 40;
const RUNS = 10;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const MIN = 60_000;

const LINES: { line: BusinessLine; windows: number[]; services: string[] }[] = [
  { line: 'household', windows: [1, 2, 3, 4, 5], services: ['hukou_move', 'hukou_birth', 'id_card_new', 'id_card_renew'] },
  { line: 'traffic', windows: [6, 7, 8, 9], services: ['licence_renew', 'vehicle_register', 'penalty_pay'] },
  { line: 'exit_entry', windows: [10, 11, 12], services: ['passport_new', 'hk_macau_permit', 'visa_extend'] },
];

/** A hall day of ~1,000 tickets as the hub would fold it: waits ~ exponential (mean 12 min), service ~ 6 min, ratings, cases. */
function dayCells(day: string, seed: number): ReportCell[] {
  const rnd = seededRandom(seed);
  const cells = new Map<string, ReportCell>();
  const cell = (d: Dims) => {
    const k = dimsKey(d);
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { dims: d, counts: {}, waits: [], services: [] }));
    return c;
  };
  const count = (c: ReportCell, kind: CountedKind, n = 1) => (c.counts[kind] = (c.counts[kind] ?? 0) + n);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  for (let i = 0; i < TICKETS * (0.85 + rnd() * 0.3); i++) {
    const l = pick(rnd() < 0.5 ? LINES.slice(0, 1) : rnd() < 0.6 ? LINES.slice(1, 2) : LINES.slice(2));
    const hour = 9 + Math.min(7, Math.floor(-Math.log(1 - rnd() * 0.99) * 2.5));
    const service = pick(l.services);
    const window = pick(l.windows);
    if (rnd() < 0.03) {
      count(cell({ day, hour, line: l.line, service, window: null, staff: null }), 'issued'); // left before being called
      continue;
    }
    const c = cell({ day, hour, line: l.line, service, window, staff: window });
    count(c, 'issued');
    c.waits.push(Math.round(-Math.log(1 - rnd()) * 12 * MIN));
    if (rnd() < 0.05) {
      count(c, 'noShow');
      continue;
    }
    count(c, 'served');
    c.services.push(Math.round((2 + rnd() * 8) * MIN));
    if (rnd() < 0.03) count(c, 'recall');
    if (rnd() < 0.02) count(c, 'transfer');
    if (rnd() < 0.4) {
      count(c, 'accepted');
      if (rnd() < 0.05) count(c, 'deferred');
      if (rnd() < 0.8) count(c, 'acceptedDone');
    } else if (rnd() < 0.05) count(c, 'refused');
    if (rnd() < 0.35) {
      count(c, 'completed');
      count(c, 'completedWithPromise');
      if (rnd() < 0.95) count(c, 'completedTimely');
    }
    if (rnd() < 0.6) {
      const level = rnd() < 0.85 ? 5 : rnd() < 0.5 ? 3 : 1;
      count(c, 'rated');
      if (level >= 4) count(c, 'satisfied');
      if (level <= 2) {
        count(c, 'bad');
        if (rnd() < 0.7) count(c, 'badHandled');
      }
    } else count(c, 'skipped');
  }
  for (const c of cells.values()) {
    c.waits.sort((a, b) => a - b);
    c.services.sort((a, b) => a - b);
  }
  return [...cells.values()];
}

/** The first DAYS weekdays of 2026. */
function workingDays(): string[] {
  const out: string[] = [];
  for (let t = Date.parse('2026-01-01T00:00:00Z'); out.length < DAYS; t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

async function post(url: string, credential: string, hallId: string, records: FeedRecord[]): Promise<void> {
  for (let rest = records; rest.length > 0;) {
    const batch = cutBatch(rest);
    const res = await fetch(`${url}${CITY_PATHS.feed}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ hallId, records: batch }),
    });
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    rest = rest.slice(batch.length);
  }
}

async function ingestYear(city: RunningCity): Promise<{ ms: number; payloadMb: number }> {
  const days = workingDays();
  const templates = Array.from({ length: TEMPLATES }, (_, i) => reportDayPayload(dayCells('2026-01-01', 1000 + i), 15));
  const halls: { hallId: string; credential: string }[] = [];
  for (let h = 0; h < HALLS; h++) {
    const hallId = `hall-${String(h).padStart(3, '0')}`;
    const res = await fetch(`${city.url}${CITY_PATHS.enrol}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await city.issueCode(hallId), hallName: `Hall ${h}` }),
    });
    halls.push((await res.json()) as { hallId: string; credential: string });
  }
  const t0 = performance.now();
  let next = 0;
  // Four halls deliver at a time, as a city hears a few halls catching up together.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let h = next++; h < HALLS; h = next++) {
        const hall = halls[h];
        if (!hall) break;
        const records = days.map((day, i) => ({
          seq: i + 1,
          kind: 'report_day' as const,
          at: Date.parse(`${day}T10:00:00Z`),
          day,
          payload: templates[(h * 7 + i) % TEMPLATES] ?? '',
        }));
        await post(city.url, hall.credential, hall.hallId, records);
      }
    }),
  );
  const payloadMb = ((templates.reduce((s, t) => s + t.length, 0) / TEMPLATES) * HALLS * DAYS) / 1e6;
  return { ms: performance.now() - t0, payloadMb };
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.95 * s.length) - 1)] ?? NaN;
}

async function timed(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f(); // warm: plans and caches, as a city that has served reports before
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return p95(out);
}

const BASELINE_KEY = { total: `'all'`, hall: 'hall_id', day: 'day::text', line: 'val' } as const;
const DIM = { total: 'total', hall: 'total', day: 'total', line: 'line' } as const;

/** A city report over 100 halls × one year, through the city's API, against one SQL aggregate over the same rows. */
export async function cityReportSection(): Promise<string> {
  const title = '## The city report (100 halls × one year)';
  if (!pgAvailable()) return `${title}\n\nSkipped: PostgreSQL 15 binaries absent.\n`;
  const cluster = await startPgCluster();
  const databaseUrl = cluster.createDatabase('bench_report');
  const city = await startCity({ databaseUrl, host: '127.0.0.1', port: 0, log: () => {} });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const token = await city.addSupervisor('bench');
    const ingest = await ingestYear(city);
    await pool.query('VACUUM ANALYZE');
    const monthRows = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM report_month_summaries')).rows[0]?.n);
    const rowsOf = async (dim: string) =>
      Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM report_summaries WHERE dim = $1', [dim])).rows[0]?.n);
    const report = async (q: Record<string, string>) => {
      const res = await fetch(`${city.url}${CITY_REPORT_PATHS.figures}?${new URLSearchParams({ ...YEAR, ...q }).toString()}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`report answered ${res.status}`);
      return (await res.json()) as CityReport;
    };
    const lines: string[] = [];
    let worst = 0;
    let issued = 0;
    for (const g of ['total', 'hall', 'day', 'line'] as const) {
      const ours = await timed(RUNS, () => report({ groupBy: g }));
      const base = await timed(RUNS, () =>
        pool.query(
          `SELECT ${BASELINE_KEY[g]} AS k, count(*), sum(octet_length(figures)) FROM report_summaries WHERE dim = $1 AND day BETWEEN $2 AND $3 GROUP BY 1`,
          [DIM[g], YEAR.from, YEAR.to],
        ),
      );
      const r = await report({ groupBy: g });
      issued = r.total.issued;
      worst = Math.max(worst, ours);
      lines.push(
        `| by ${g} | ${r.rows.length} | ${ours.toFixed(0)} ms | ${base.toFixed(0)} ms | ${(ours / base).toFixed(1)} | ${r.approximate ? 'summaries' : 'exact'} |`,
      );
    }
    const exactMs = await timed(RUNS, () => report({ groupBy: 'window', hall: 'hall-042' }));
    return `${title}

Method: a temporary PostgreSQL 15 cluster (fsync off) and the city service in the benchmark
process. ${HALLS} halls each deliver ${DAYS} working days of 2026 as report_day records through the
city's own ingest (HTTP, batches cut at the forwarder's size, four halls at a time): per hall day
~${TICKETS.toLocaleString('en')} tickets folded into cells as a hub does (waits ~ exponential, mean 12 min; service
2–10 min; no-shows, recalls, transfers, cases, ratings), ${TEMPLATES} distinct generated days spread over
the hall days. Ingest of the year (${(HALLS * DAYS).toLocaleString('en')} records, ~${ingest.payloadMb.toFixed(0)} MB of cells): ${(ingest.ms / 1000).toFixed(0)} s;
${(await rowsOf('total')).toLocaleString('en')} day summaries and ${(await rowsOf('line')).toLocaleString('en')} day-line summaries; ${(await monthRows()).toLocaleString('en')} month summaries (all dimensions).
Each report is the year for all halls, read through the API (JSON, as the screen reads it); p95
(nearest rank) of ${RUNS} runs after one warm-up. Baseline, same run: one SQL aggregate over the same
day summary rows (count and bytes per group: the least a report of the day rows must read).
Year total issued: ${issued.toLocaleString('en')} tickets.

| report | rows | city p95 | SQL aggregate p95 | ratio | read from |
|---|---|---|---|---|---|
${lines.join('\n')}

Goal ≤ 1 s for a city report over 100 halls × one year: ${worst <= 1000 ? 'met' : 'NOT met'} (slowest ${worst.toFixed(0)} ms).
Such a range folds summaries (whole calendar months from the month table; the edge days, and
every day of a by-day report, from the day table): counts, sums, means and "within target" are exact;
percentiles are read from 10-second histograms (at most 10 s above the exact value; the screen
and the files say so). One hall's year by window folds the exact cells instead (${DAYS} hall days,
every wait kept): p95 ${exactMs.toFixed(0)} ms.
`;
  } finally {
    await pool.end();
    await city.close();
    cluster.stop();
  }
}

if (process.argv[1]?.endsWith('city-report.js')) {
  cityReportSection().then(
    (s) => process.stdout.write(s),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
