import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCity, type RunningCity } from '../../electron/city/start-city.js';
import { CITY_PATHS } from '../../electron/domain/city/city-api.js';
import type { CityLinkStatus } from '../../electron/domain/contract/city-link-api.js';
import { pgAvailable, startPgCluster, type PgCluster } from '../../scripts/lib/pg-cluster.js';
import { startTestHost, TEST_PIN, type TestHost } from '../support/test-host.js';

/**
 * Three halls forward to one city on a real PostgreSQL. The city is stopped in the middle of a day
 * of traffic; the halls carry on, then catch up; the next day's reconciliation finds city = halls.
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
  let pg: PgCluster;
  let databaseUrl: string;
  let city: RunningCity;
  let port: number;
  let now = DAY1;
  const halls: Hall[] = [];

  beforeAll(async () => {
    pg = await startPgCluster();
    databaseUrl = pg.createDatabase('city');
    city = await startCity({ databaseUrl, host: '127.0.0.1', port: 0, log: () => {} });
    port = Number(new URL(city.url).port);
    for (const id of ['hall-1', 'hall-2', 'hall-3']) {
      const t = await startTestHost({ clock: () => now, city: FAST_LINK });
      halls.push({ id, t, kiosk: await t.pair('kiosk'), clerk: await t.clerk(), admin: await t.supervisor() });
    }
  }, 120_000);
  afterAll(async () => {
    for (const h of halls) await h.t.stop();
    await city?.close();
    pg?.stop();
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
      const res = await h.t.request('/api/city-link/enrol', { method: 'POST', ...h.admin, body: { cityUrl: city.url, code } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ hallId: h.id, cityUrl: city.url });
      await h.t.request('/api/windows/1/open', { method: 'POST', ...h.clerk });
    }
  });

  it('keeps the halls working through a city outage and catches up in order', async () => {
    await Promise.all(halls.map((h, i) => traffic(h, 5 + i, 2)));
    for (const h of halls) await settled(h);

    await city.close();
    // The halls notice nothing but the status line: tickets are issued and served as before.
    await Promise.all(halls.map((h, i) => traffic(h, 10 + i, 4 + i)));
    // Ratings of the day's services (written as the ratings screen's store writes them: one row each).
    halls.forEach((h, i) => {
      const db = new Database(h.t.host.databasePath);
      const rate = db.prepare(`INSERT INTO service_ratings (ticket_id, level, channel, at, service_day) VALUES (?, ?, 'counter', ?, '2026-06-01')`);
      for (let k = 0; k <= i; k++) rate.run(k + 1, k === 0 ? 5 : 1, now);
      db.close();
    });
    for (const h of halls) {
      const s = (await h.t.request('/api/city-link/sync', { method: 'POST', ...h.admin })).body as CityLinkStatus;
      expect(s.state).not.toBe('connected');
      expect(s.backlog).toBeGreaterThan(0);
      expect(s.lastError).toMatch(/unreachable/);
    }

    city = await startCity({ databaseUrl, host: '127.0.0.1', port, log: () => {} });
    for (const h of halls) expect((await settled(h)).lastError).toBeNull();
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
    const report = (await (await fetch(`${city.url}${CITY_PATHS.report}?from=2026-06-01&to=2026-06-01`, { headers })).json()) as {
      rows: { hallId: string; issued: number; finished: number; ratings: number; satisfied: number; dissatisfied: number; averageWaitSeconds: number | null }[];
    };
    for (const h of halls) {
      const db = new Database(h.t.host.databasePath, { readonly: true });
      const own = db
        .prepare<[], { issued: number; finished: number; ratings: number; satisfied: number; dissatisfied: number }>(
          `SELECT count(*) FILTER (WHERE kind = 'issued') AS issued, count(*) FILTER (WHERE kind = 'finished') AS finished,
                  (SELECT count(*) FROM service_ratings WHERE service_day = '2026-06-01' AND level IS NOT NULL) AS ratings,
                  (SELECT count(*) FROM service_ratings WHERE service_day = '2026-06-01' AND level >= 4) AS satisfied,
                  (SELECT count(*) FROM service_ratings WHERE service_day = '2026-06-01' AND level <= 2) AS dissatisfied
           FROM ticket_events WHERE service_day = '2026-06-01'`,
        )
        .get()!;
      db.close();
      expect(report.rows.find((r) => r.hallId === h.id)).toMatchObject(own);
    }
    const total = report.rows.reduce((n, r) => n + r.issued, 0);
    expect(total).toBe(5 + 6 + 7 + 10 + 11 + 12);
    expect(report.rows.reduce((n, r) => n + r.ratings, 0)).toBe(1 + 2 + 3);
    expect(report.rows.every((r) => r.averageWaitSeconds !== null && r.averageWaitSeconds > 0)).toBe(true);
    const one = (await (await fetch(`${city.url}${CITY_PATHS.report}?from=2026-06-01&to=2026-06-01&hall=hall-2`, { headers })).json()) as { rows: unknown[] };
    expect(one.rows).toHaveLength(1);

    const overview = (await (await fetch(`${city.url}${CITY_PATHS.overview}`, { headers })).json()) as {
      halls: { hallId: string; waiting: number; windowsOpen: number; alerts: string[] }[];
    };
    expect(overview.halls.map((h) => h.hallId)).toEqual(['hall-1', 'hall-2', 'hall-3']);
    // Yesterday's waiting tickets are not today's queue.
    expect(overview.halls.every((h) => h.waiting === 0 && h.alerts.length === 0 && h.windowsOpen === 1)).toBe(true);
  });

  it('raises an alert when the city lost a record', async () => {
    const h = halls[1]!;
    const pgClient = new (await import('pg')).default.Client({ connectionString: databaseUrl });
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

// Skipped only without PostgreSQL 15's binaries (a workstation); .ci/run installs them (scripts/test-prerequisites.sh).
describe.skipIf(!available)("the city's holiday calendar", () => {
  it('reaches the hall by version, below the hall supervisor’s own corrections', async () => {
    const pg = await startPgCluster();
    const city = await startCity({ databaseUrl: pg.createDatabase('calendar'), host: '127.0.0.1', port: 0, log: () => {} });
    const t = await startTestHost({ clock: () => DAY1, city: FAST_LINK });
    try {
      const admin = await t.supervisor();
      const enrol = await t.request('/api/city-link/enrol', { method: 'POST', ...admin, body: { cityUrl: city.url, code: await city.issueCode('cal-hall') } });
      expect(enrol.status).toBe(200);
      // A hall's correction made before the city's calendar arrives stays in force after it.
      expect((await t.request('/api/calendar/2027-03-08', { method: 'PUT', ...admin, body: { kind: 'holiday', name: '本地' } })).status).toBe(200);
      expect(
        await city.publishCalendar([
          { day: '2027-03-09', kind: 'holiday', name: '市定' },
          { day: '2027-03-08', kind: 'workday', name: '市调' },
        ]),
      ).toBe(1);
      await t.request('/api/city-link/sync', { method: 'POST', ...admin });
      const read = async () => ((await t.request('/api/calendar', admin)).body as { days: { day: string; kind: string; name: string }[] }).days;
      let days = await read();
      expect(days.find((d) => d.day === '2027-03-09')).toMatchObject({ kind: 'holiday', name: '市定' });
      expect(days.find((d) => d.day === '2027-03-08')).toMatchObject({ kind: 'holiday', name: '本地' });
      // The city's years replace the shipped ones: 2027's shipped New Year is gone, 2026's is kept.
      expect(days.some((d) => d.day === '2027-01-01')).toBe(false);
      expect(days.some((d) => d.day === '2026-01-01')).toBe(true);

      const cred = new Database(t.host.databasePath, { readonly: true });
      expect(cred.prepare('SELECT calendar_version AS v FROM city_link').get()).toEqual({ v: 1 });
      cred.close();
      await city.publishCalendar([{ day: '2027-03-10', kind: 'holiday', name: '第二版' }]);
      await t.request('/api/city-link/sync', { method: 'POST', ...admin });
      days = await read();
      expect(days.some((d) => d.day === '2027-03-09')).toBe(false);
      expect(days.find((d) => d.day === '2027-03-10')).toMatchObject({ name: '第二版' });
    } finally {
      await t.stop();
      await city.close();
      pg.stop();
    }
  }, 60_000);

  it("applies the city's national catalog values below the hall's own overrides", async () => {
    const pg = await startPgCluster();
    const city = await startCity({ databaseUrl: pg.createDatabase('catalog'), host: '127.0.0.1', port: 0, log: () => {} });
    const t = await startTestHost({ clock: () => DAY1, city: FAST_LINK });
    try {
      const admin = await t.supervisor();
      await t.request('/api/city-link/enrol', { method: 'POST', ...admin, body: { cityUrl: city.url, code: await city.issueCode('cat-hall') } });
      expect((await t.request('/api/catalog/overrides', { method: 'PUT', ...admin, body: { id_card_reissue: { timeLimitDays: 5 } } })).status).toBe(200);
      await city.publishCatalog({ id_card_renewal: { feeYuan: 25, timeLimitDays: 7 }, id_card_reissue: { timeLimitDays: 9, feeYuan: 30 } });
      await t.request('/api/city-link/sync', { method: 'POST', ...admin });
      const kiosk = await t.pair('kiosk');
      const services = (
        (await t.request('/api/catalog', { token: kiosk })).body as { services: { code: string; fee: { yuan: number }; timeLimitDays: number }[] }
      ).services;
      const of = (code: string) => services.find((x) => x.code === code);
      expect(of('id_card_renewal')).toMatchObject({ fee: { yuan: 25 }, timeLimitDays: 7 });
      // The hall's override of the time limit wins; the city's fee still applies.
      expect(of('id_card_reissue')).toMatchObject({ fee: { yuan: 30 }, timeLimitDays: 5 });
    } finally {
      await t.stop();
      await city.close();
      pg.stop();
    }
  }, 60_000);

  it('answers 304 to a hall that holds the current version', async () => {
    const pg = await startPgCluster();
    const city = await startCity({ databaseUrl: pg.createDatabase('etag'), host: '127.0.0.1', port: 0, log: () => {} });
    try {
      const code = await city.issueCode('etag-hall');
      const { credential } = (await (
        await fetch(`${city.url}${CITY_PATHS.enrol}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code, hallName: 'E' }),
        })
      ).json()) as { credential: string };
      const auth = { authorization: `Bearer ${credential}` };
      expect((await fetch(`${city.url}${CITY_PATHS.calendar}`, { headers: auth })).status).toBe(404);
      await city.publishCalendar([{ day: '2027-01-01', kind: 'holiday', name: '元旦' }]);
      const first = await fetch(`${city.url}${CITY_PATHS.calendar}`, { headers: auth });
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect((await fetch(`${city.url}${CITY_PATHS.calendar}`, { headers: { ...auth, 'if-none-match': etag } })).status).toBe(304);
      expect((await fetch(`${city.url}${CITY_PATHS.calendar}`)).status).toBe(401);
    } finally {
      await city.close();
      pg.stop();
    }
  }, 60_000);
});
