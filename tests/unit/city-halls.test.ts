import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCity, type RunningCity } from '../../electron/city/start-city.js';
import { CITY_PATHS } from '../../electron/domain/city/city-api.js';
import { CITY_REPORT_PATHS, type CityReport } from '../../electron/domain/city/city-report-api.js';
import type { CityLinkStatus } from '../../electron/domain/contract/city-link-api.js';
import { pgAvailable, startPgCluster, type PgCluster } from '../../scripts/lib/pg-cluster.js';
import { startTcpRelay, type TcpRelay } from '../support/tcp-relay.js';
import { startTestHost, TEST_PIN, type TestHost } from '../support/test-host.js';

/**
 * Three halls forward to one city on a real PostgreSQL, through a TCP relay of our own. The link
 * is cut at the relay in the middle of a day of traffic while the city keeps running; the halls
 * carry on, then catch up in order; the next day's reconciliation finds city = halls.
 */
const available = pgAvailable();
if (!available) console.warn('city-halls: PostgreSQL 15 binaries absent (run scripts/test-prerequisites.sh); skipping');

const DAY1 = Date.parse('2026-06-01T01:00:00Z'); // 09:00 in Asia/Shanghai
const FAST_LINK = { intervalMs: 50, timeoutMs: 2_000, retry: { baseMs: 20, maxMs: 200, maxAttempts: Infinity }, breaker: { threshold: 3, coolDownMs: 100 } };

interface Hall {
  id: string;
  t: TestHost;
  kiosk: string;
  clerk: { token: string; staff: string };
  admin: { token: string; staff: string };
}

// Skipped only without PostgreSQL 15's binaries (a workstation); .ci/run installs them (scripts/test-prerequisites.sh).
describe.skipIf(!available)('three halls and one city', () => {
  let cluster: PgCluster;
  let databaseUrl: string;
  let city: RunningCity;
  let relay: TcpRelay;
  let now = DAY1;
  const halls: Hall[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
    databaseUrl = cluster.createDatabase('city');
    city = await startCity({ databaseUrl, host: '127.0.0.1', port: 0, log: () => {} });
    relay = await startTcpRelay({ host: '127.0.0.1', port: Number(new URL(city.url).port) });
    for (const id of ['hall-1', 'hall-2', 'hall-3']) {
      const t = await startTestHost({ clock: () => now, city: FAST_LINK });
      halls.push({ id, t, kiosk: await t.pair('kiosk'), clerk: await t.clerk(), admin: await t.supervisor() });
    }
  }, 120_000);
  afterAll(async () => {
    for (const h of halls) await h.t.stop();
    await relay?.close();
    await city?.close();
    cluster?.stop();
  });

  /** A new day: the administrators sign in again (a staff session does not outlive its day). */
  async function nextDay(at: string): Promise<void> {
    now = Date.parse(at);
    for (const h of halls) {
      const res = await h.t.request('/api/staff/sign-in', { method: 'POST', token: h.admin.token, body: { staffNo: 'S001', pin: TEST_PIN } });
      expect(res.status).toBe(200);
      h.admin.staff = /yz_staff_[a-z]+=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    }
  }
  const sync = async (h: Hall) => (await h.t.request('/api/city-link/sync', { method: 'POST', ...h.admin })).body as CityLinkStatus;
  /** Per hall, as the city holds it: records, highest seq, high-water mark, and whether they arrived in seq order. */
  async function heldByCity(): Promise<{ hallId: string; count: number; max: number; acked: number; inOrder: boolean }[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const r = await client.query<{ hall_id: string; count: string; max: string; acked: string; in_order: boolean }>(
        `SELECT f.hall_id, count(*) AS count, max(f.seq) AS max, p.acked_seq AS acked, bool_and(f.prev IS NULL OR f.received_at >= f.prev) AS in_order
         FROM (SELECT hall_id, seq, received_at, lag(received_at) OVER (PARTITION BY hall_id ORDER BY seq) AS prev FROM feed_records) f
         JOIN hall_progress p USING (hall_id) GROUP BY f.hall_id, p.acked_seq ORDER BY f.hall_id`,
      );
      return r.rows.map((x) => ({ hallId: x.hall_id, count: Number(x.count), max: Number(x.max), acked: Number(x.acked), inOrder: x.in_order }));
    } finally {
      await client.end();
    }
  }
  const status = async (h: Hall) => (await h.t.request('/api/city-link', h.admin)).body as CityLinkStatus;
  async function settled(h: Hall): Promise<CityLinkStatus> {
    for (let i = 0; i < 200; i++) {
      const s = (await h.t.request('/api/city-link/sync', { method: 'POST', ...h.admin })).body as CityLinkStatus;
      if (s.state === 'connected' && s.backlog === 0) return s;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`${h.id} did not catch up: ${JSON.stringify(await status(h))}`);
  }
  /** n tickets issued at the kiosk; the first `served` of them called and finished at window 1. */
  async function traffic(h: Hall, n: number, served: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      now += 30_000;
      expect((await h.t.request('/api/tickets', { method: 'POST', token: h.kiosk, body: { line: 'household' } })).status).toBe(200);
    }
    for (let i = 0; i < served; i++) {
      now += 60_000;
      expect((await h.t.request('/api/windows/1/call-next', { method: 'POST', ...h.clerk })).status).toBe(200);
      now += 120_000;
      expect((await h.t.request('/api/windows/1/finish', { method: 'POST', ...h.clerk })).status).toBe(200);
    }
  }

  it('refuses the link routes to anyone but a signed-in administrator', async () => {
    const h = halls[0]!;
    expect((await h.t.request('/api/city-link', { token: h.admin.token })).status).toBe(401);
    expect((await h.t.request('/api/city-link', h.clerk)).status).toBe(403);
    const bad = await h.t.request('/api/city-link/enrol', { method: 'POST', ...h.admin, body: { cityUrl: 'not a url', code: 'x' } });
    expect(bad.status).toBe(400);
    expect((await status(h)).state).toBe('not_enrolled');
  });

  it('enrols each hall with a one-time code; a wrong code is refused', async () => {
    const wrong = await halls[0]!.t.request('/api/city-link/enrol', { method: 'POST', ...halls[0]!.admin, body: { cityUrl: city.url, code: 'AAAA-BBBB' } });
    expect(wrong.status).toBe(400);
    for (const h of halls) {
      const code = await city.issueCode(h.id);
      // Through the relay: the hubs reach the city only over the link the test can cut.
      const res = await h.t.request('/api/city-link/enrol', { method: 'POST', ...h.admin, body: { cityUrl: relay.url, code } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ hallId: h.id, cityUrl: relay.url });
      await h.t.request('/api/windows/1/open', { method: 'POST', ...h.clerk });
    }
  });

  it('keeps the halls working through a cut link (reset, refused, then black-holed) and catches up in order', async () => {
    await Promise.all(halls.map((h, i) => traffic(h, 5 + i, 2)));
    for (const h of halls) await settled(h);
    const before = await heldByCity();

    // The link is cut at the relay: open connections reset, new ones refused. The city runs on.
    await relay.cut('refuse');
    // The halls notice nothing but the status line: tickets are issued and served as before.
    await Promise.all(halls.map((h) => traffic(h, 5, 2)));
    for (const s of await Promise.all(halls.map(sync)))
      expect(s).toMatchObject({ backlog: expect.any(Number), lastError: expect.stringMatching(/unreachable/) });
    // Then packets vanish instead: connections accepted and never answered, each try waits for its timeout.
    await relay.cut('blackhole');
    await Promise.all(halls.map((h, i) => traffic(h, 5 + i, 2 + i)));
    // Ratings of the day's services (written as the ratings screen's store writes them: one row each).
    halls.forEach((h, i) => {
      const db = new Database(h.t.host.databasePath);
      const rate = db.prepare(`INSERT INTO service_ratings (ticket_id, level, channel, at, service_day) VALUES (?, ?, 'counter', ?, '2026-06-01')`);
      for (let k = 0; k <= i; k++) rate.run(k + 1, k === 0 ? 5 : 1, now);
      db.close();
    });
    for (const s of await Promise.all(halls.map(sync))) {
      expect(s.state).not.toBe('connected');
      expect(s.backlog).toBeGreaterThan(0);
      expect(s.lastError).toMatch(/unreachable/);
    }
    expect(relay.counts().blackholed).toBeGreaterThan(0);
    // The city was up all along (it answers on its own address) and received nothing meanwhile.
    expect((await fetch(`${city.url}${CITY_PATHS.ack}`)).status).toBe(401);
    expect(await heldByCity()).toEqual(before);

    await relay.restore();
    for (const h of halls) expect((await settled(h)).lastError).toBeNull();
    // Caught up in order: every hall's records held without a gap, taken in seq order.
    for (const held of await heldByCity()) expect(held).toMatchObject({ count: held.acked, max: held.acked, inOrder: true });
  });

  it('reconciles the closed day: the city equals every hall', async () => {
    await nextDay('2026-06-02T01:00:00Z');
    for (const h of halls) {
      await settled(h); // yesterday's audit head into the feed, delivered
      const s = await settled(h); // then the reconciliation
      expect(s.reconciledAt).not.toBeNull();
      expect(s.mismatchedDays).toEqual([]);
    }
  });

  it("matches the halls' own counts in the city's report and shows each hall's live state", async () => {
    const signIn = await fetch(`${city.url}${CITY_PATHS.signIn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: await city.addSupervisor('city-sup') }),
    });
    const headers = { authorization: `Bearer ${((await signIn.json()) as { session: string }).session}` };
    // The city's report is the halls' own figures, from the report cells each hall forwards.
    const figures = async (q: string) => (await (await fetch(`${city.url}${CITY_REPORT_PATHS.figures}?${q}`, { headers })).json()) as CityReport;
    const report = await figures('from=2026-06-01&to=2026-06-01&groupBy=hall');
    for (const h of halls) {
      const db = new Database(h.t.host.databasePath, { readonly: true });
      const own = db
        .prepare<[], { issued: number; served: number; ratings: number; satisfied: number; bad: number }>(
          `SELECT count(*) FILTER (WHERE kind = 'issued') AS issued, count(*) FILTER (WHERE kind = 'finished') AS served,
                  (SELECT count(*) FROM service_ratings WHERE service_day = '2026-06-01' AND level IS NOT NULL) AS ratings,
                  (SELECT count(*) FROM service_ratings WHERE service_day = '2026-06-01' AND level >= 4) AS satisfied,
                  (SELECT count(*) FROM service_ratings WHERE service_day = '2026-06-01' AND level <= 2) AS bad
           FROM ticket_events WHERE service_day = '2026-06-01'`,
        )
        .get()!;
      db.close();
      expect(report.rows.find((r) => r.key === h.id)).toMatchObject(own);
    }
    expect(report.total.issued).toBe(5 + 6 + 7 + 10 + 11 + 12);
    expect(report.total.ratings).toBe(1 + 2 + 3);
    expect(report.rows.every((r) => r.wait.mean !== null && r.wait.mean > 0)).toBe(true);
    const one = await figures('from=2026-06-01&to=2026-06-01&groupBy=hall&hall=hall-2');
    expect(one.rows.map((r) => r.key)).toEqual(['hall-2']);

    const overview = (await (await fetch(`${city.url}${CITY_PATHS.overview}`, { headers })).json()) as {
      halls: { hallId: string; waiting: number; windowsOpen: number; alerts: string[] }[];
    };
    expect(overview.halls.map((h) => h.hallId)).toEqual(['hall-1', 'hall-2', 'hall-3']);
    // Yesterday's waiting tickets are not today's queue.
    expect(overview.halls.every((h) => h.waiting === 0 && h.alerts.length === 0 && h.windowsOpen === 1)).toBe(true);
  });

  it('raises an alert when the city lost a record', async () => {
    const h = halls[1]!;
    const pgClient = new pg.Client({ connectionString: databaseUrl });
    await pgClient.connect();
    // Lost after acknowledgement (a restore from an older backup, say): the mark stays, a row goes.
    await pgClient.query(`DELETE FROM feed_records WHERE hall_id = 'hall-2' AND seq = 3`);
    await pgClient.end();
    await h.t.request('/api/city-link/sync', { method: 'POST', ...h.admin });
    const s = (await h.t.request('/api/city-link/sync', { method: 'POST', ...h.admin })).body as CityLinkStatus;
    // The daily check ran already today; the admin's sync does not repeat it, a restart or tomorrow does.
    expect(s.mismatchedDays).toEqual([]);
    await nextDay('2026-06-03T01:00:00Z');
    await settled(h);
    const after = await settled(h);
    expect(after.mismatchedDays).toEqual(['2026-06-01']);
  });
});
