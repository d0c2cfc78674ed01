import pg from 'pg';
import { startCity } from '../../electron/city/start-city.js';
import { CITY_PATHS } from '../../electron/domain/city/city-api.js';
import { MAX_BATCH, type FeedRecord } from '../../electron/domain/city/feed.js';
import { pgAvailable, startPgCluster } from '../lib/pg-cluster.js';

const HALLS = 20;
const PER_HALL = 5_000;
/** A busy hall's day: ~1,200 tickets × ~6 events, ratings, cases (README, "The city"). */
const BUSY_DAY = 8_000;

function records(n: number): FeedRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    seq: i + 1,
    kind: 'ticket_event' as const,
    at: 1_780_000_000_000 + i * 1000,
    day: '2026-06-01',
    payload: JSON.stringify({
      id: i + 1,
      kind: 'called',
      ticketId: Math.floor(i / 6) + 1,
      windowNumber: (i % 12) + 1,
      staffId: (i % 30) + 1,
      line: 'household',
      class: 'normal',
    }),
  }));
}

async function send(url: string, hallId: string, credential: string, rs: readonly FeedRecord[]): Promise<void> {
  for (let i = 0; i < rs.length; i += MAX_BATCH) {
    const res = await fetch(`${url}${CITY_PATHS.feed}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ hallId, records: rs.slice(i, i + MAX_BATCH) }),
    });
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  }
}

/** The city's ingest rate (20 halls at once, through the API) against a plain multi-row INSERT of the same rows. */
export async function citySection(): Promise<string> {
  if (!pgAvailable()) return '## The city (PostgreSQL ingest)\n\nSkipped: PostgreSQL 15 binaries absent.\n';
  const cluster = await startPgCluster();
  const databaseUrl = cluster.createDatabase('bench');
  const city = await startCity({ databaseUrl, host: '127.0.0.1', port: 0, log: () => {} });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const halls: { hallId: string; credential: string }[] = [];
    for (let h = 0; h < HALLS + 1; h++) {
      const hallId = `bench-${h}`;
      const code = await city.issueCode(hallId);
      const res = await fetch(`${city.url}${CITY_PATHS.enrol}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, hallName: hallId }),
      });
      halls.push((await res.json()) as { hallId: string; credential: string });
    }
    const rs = records(PER_HALL);
    let t0 = performance.now();
    await Promise.all(halls.slice(0, HALLS).map((h) => send(city.url, h.hallId, h.credential, rs)));
    const apiRate = (HALLS * PER_HALL) / ((performance.now() - t0) / 1000);

    // Baseline: one client, the same rows, multi-row INSERT … VALUES of 500 into a copy of the table.
    await pool.query('CREATE TABLE baseline (LIKE feed_records INCLUDING ALL)');
    t0 = performance.now();
    for (let h = 0; h < HALLS; h++) {
      for (let i = 0; i < rs.length; i += MAX_BATCH) {
        const chunk = rs.slice(i, i + MAX_BATCH);
        const values = chunk.map((_, j) => `($${j * 6 + 1}, $${j * 6 + 2}, $${j * 6 + 3}, $${j * 6 + 4}, $${j * 6 + 5}, $${j * 6 + 6})`).join(', ');
        const params = chunk.flatMap((r) => [`base-${h}`, r.seq, r.kind, r.at, r.day, r.payload]);
        await pool.query(`INSERT INTO baseline (hall_id, seq, kind, at, day, payload) VALUES ${values}`, params);
      }
    }
    const rawRate = (HALLS * PER_HALL) / ((performance.now() - t0) / 1000);

    const busy = halls[HALLS];
    if (!busy) throw new Error('the busy hall was not enrolled');
    t0 = performance.now();
    await send(city.url, busy.hallId, busy.credential, records(BUSY_DAY));
    const catchUpMs = performance.now() - t0;

    const ratio = apiRate / rawRate;
    return `## The city (PostgreSQL ingest)

Method: a temporary PostgreSQL 15 cluster (fsync off: the same for both sides) and the city service
in the benchmark process. ${HALLS} halls each deliver ${PER_HALL.toLocaleString('en')} feed records at
once over HTTP in batches of ${MAX_BATCH} (the forwarder's batch), each batch one transaction with
ON CONFLICT DO NOTHING and the hall's high-water mark. Baseline: one client inserting the same
${(HALLS * PER_HALL).toLocaleString('en')} rows with plain multi-row INSERT … VALUES of ${MAX_BATCH}
into a copy of the table (same keys and index). Catch-up: one hall's busy day (${BUSY_DAY.toLocaleString('en')} records) sent
in order, as after a day-long outage. One round (not a median).

| measure | value |
|---|---|
| ingest through the API, ${HALLS} halls | ${apiRate.toFixed(0)} records/s |
| plain multi-row INSERT, one client | ${rawRate.toFixed(0)} records/s |
| ratio | ${ratio.toFixed(2)} (goal ≥ 0.5: ${ratio >= 0.5 ? 'met' : 'NOT met'}) |
| catch-up of a busy day | ${(catchUpMs / 1000).toFixed(2)} s |

The city report over 100 halls × one year: the next section.
`;
  } finally {
    await pool.end();
    await city.close();
    cluster.stop();
  }
}
