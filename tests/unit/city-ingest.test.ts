import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCity, type RunningCity } from '../../electron/city/start-city.js';
import { CITY_PATHS } from '../../electron/domain/city/city-api.js';
import { pgAvailable, startPgCluster, type PgCluster } from '../../scripts/lib/pg-cluster.js';

/** The city service alone, on a real PostgreSQL: enrolment, idempotent ingest, one hall per credential. */
const available = pgAvailable();
if (!available) console.warn('city-ingest: PostgreSQL 15 binaries absent (run scripts/test-prerequisites.sh); skipping');

// Skipped only without PostgreSQL 15's binaries (a workstation); .ci/run installs them (scripts/test-prerequisites.sh).
describe.skipIf(!available)('city ingest', () => {
  let cluster: PgCluster;
  let city: RunningCity;
  let databaseUrl: string;
  beforeAll(async () => {
    cluster = await startPgCluster();
    databaseUrl = cluster.createDatabase('ingest');
    city = await startCity({ databaseUrl, host: '127.0.0.1', port: 0, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await city?.close();
    cluster?.stop();
  });

  async function call(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
    const res = await fetch(`${city.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  async function enrol(hallId: string): Promise<string> {
    const code = await city.issueCode(hallId);
    const res = await call(CITY_PATHS.enrol, { body: { code, hallName: `Hall ${hallId}` } });
    expect(res.status).toBe(200);
    expect(res.body['hallId']).toBe(hallId);
    return res.body['credential'] as string;
  }
  const rec = (seq: number) => ({ seq, kind: 'ticket_event', at: 1_780_000_000_000 + seq, day: '2026-06-01', payload: `{"kind":"issued","ticketId":${seq}}` });

  it('migrates and records its schema version', () => {
    expect(city.schemaVersion).toBe(3);
  });

  it('uses a code once', async () => {
    const code = await city.issueCode('once');
    expect((await call(CITY_PATHS.enrol, { body: { code, hallName: 'Once' } })).status).toBe(200);
    const again = await call(CITY_PATHS.enrol, { body: { code, hallName: 'Once' } });
    expect(again.status).toBe(400);
    expect((again.body['error'] as { code: string }).code).toBe('code_invalid');
    expect((await call(CITY_PATHS.enrol, { body: { code: 'nonsense', hallName: 'x' } })).status).toBe(400);
  });

  it('takes a batch once: sending it again changes nothing', async () => {
    const token = await enrol('hall-a');
    const batch = { hallId: 'hall-a', records: [rec(1), rec(2), rec(3)] };
    const first = await call(CITY_PATHS.feed, { token, body: batch });
    expect(first.body).toMatchObject({ ackedSeq: 3, inserted: 3 });
    const second = await call(CITY_PATHS.feed, { token, body: batch });
    expect(second.body).toMatchObject({ ackedSeq: 3, inserted: 0 });
    // A gap holds the mark where the gap starts; filling it moves the mark over everything held.
    expect((await call(CITY_PATHS.feed, { token, body: { hallId: 'hall-a', records: [rec(5)] } })).body).toMatchObject({ ackedSeq: 3 });
    expect((await call(CITY_PATHS.feed, { token, body: { hallId: 'hall-a', records: [rec(4)] } })).body).toMatchObject({ ackedSeq: 5 });
    expect((await call(CITY_PATHS.ack, { token })).body).toMatchObject({ hallId: 'hall-a', ackedSeq: 5 });
  });

  it("refuses a hall's credential for another hall's records, and strangers", async () => {
    const a = await enrol('hall-x');
    await enrol('hall-y');
    const cross = await call(CITY_PATHS.feed, { token: a, body: { hallId: 'hall-y', records: [rec(1)] } });
    expect(cross.status).toBe(403);
    expect((await call(CITY_PATHS.ack, { token: a })).body).toMatchObject({ ackedSeq: 0 });
    expect((await call(CITY_PATHS.feed, { body: { hallId: 'hall-y', records: [rec(1)] } })).status).toBe(401);
    expect((await call(CITY_PATHS.feed, { token: 'x'.repeat(43), body: { hallId: 'hall-y', records: [rec(1)] } })).status).toBe(401);
    const state = { hallId: 'hall-y', waiting: 1, longestWaitSeconds: 0, windowsOpen: 1, outages: [], at: 1 };
    expect((await call(CITY_PATHS.state, { method: 'PUT', token: a, body: state })).status).toBe(403);
    const digest = { day: '2026-06-01', count: 0, checksum: '0'.repeat(16) };
    expect((await call(CITY_PATHS.reconcile, { token: a, body: { hallId: 'hall-y', days: [digest] } })).status).toBe(403);
    // The city's screens are for city staff, not halls.
    expect((await call(CITY_PATHS.overview, { token: a })).status).toBe(403);
  });

  it('finds a hall by the id its credential names, then compares the hash (no UNIQUE on the hash alone, as Citus needs)', async () => {
    const a = await enrol('hall-p');
    const b = await enrol('hall-q');
    expect(a.startsWith('hall-p.')).toBe(true);
    // Hall p's secret under hall q's name, or a changed secret, is nobody's credential.
    const secret = a.slice('hall-p.'.length);
    expect((await call(CITY_PATHS.ack, { token: `hall-q.${secret}` })).status).toBe(401);
    expect((await call(CITY_PATHS.ack, { token: `${a.slice(0, -1)}${a.endsWith('A') ? 'B' : 'A'}` })).status).toBe(401);
    expect((await call(CITY_PATHS.ack, { token: b })).body).toMatchObject({ hallId: 'hall-q' });

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const unique = await client.query<{ def: string }>(
        `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'halls'::regclass AND contype IN ('u', 'p')`,
      );
      // Every unique constraint includes hall_id, the distribution column.
      expect(unique.rows.map((r) => r.def)).toEqual(['PRIMARY KEY (hall_id)']);
      // A credential issued before it named its hall is still found, by its hash.
      const legacy = 'l'.repeat(43);
      await client.query(`UPDATE halls SET credential_hash = encode(sha256($1::bytea), 'hex') WHERE hall_id = 'hall-q'`, [legacy]);
      expect((await call(CITY_PATHS.ack, { token: legacy })).body).toMatchObject({ hallId: 'hall-q' });
      // The lookup can use the primary key (seq scans off: a table this small might be scanned anyway).
      await client.query('SET enable_seqscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT hall_id, credential_hash FROM halls WHERE hall_id = 'hall-p'`);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).not.toMatch(/Seq Scan/);
    } finally {
      await client.end();
    }
  });

  it('answers bad input with 400, not 500', async () => {
    const token = await enrol('hall-bad');
    expect((await call(CITY_PATHS.feed, { token, body: { hallId: 'hall-bad', records: [] } })).status).toBe(400);
    expect((await call(CITY_PATHS.feed, { token, body: { hallId: 'hall-bad', records: [rec(2), rec(1)] } })).status).toBe(400);
    expect((await call(CITY_PATHS.feed, { token, body: { hallId: 'hall-bad', records: [{ ...rec(1), day: 'June' }] } })).status).toBe(400);
  });
});
