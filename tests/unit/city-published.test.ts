import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startCity } from '../../electron/city/start-city.js';
import { CITY_PATHS } from '../../electron/domain/city/city-api.js';
import { pgAvailable, startPgCluster } from '../../scripts/lib/pg-cluster.js';
import { startTestHost } from '../support/test-host.js';

/**
 * What the city publishes for every hall, by version: the holiday calendar and the catalog's
 * national values reach the hall beneath its own corrections; a hall holding the current version
 * gets 304. (The 好差评 rules: city-rating-rules.test.ts.)
 */
const available = pgAvailable();
if (!available) console.warn('city-published: PostgreSQL 15 binaries absent (run scripts/test-prerequisites.sh); skipping');

const DAY1 = Date.parse('2026-06-01T01:00:00Z'); // 09:00 in Asia/Shanghai
const FAST_LINK = { intervalMs: 50, timeoutMs: 2_000, retry: { baseMs: 20, maxMs: 200, maxAttempts: Infinity }, breaker: { threshold: 3, coolDownMs: 100 } };

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
