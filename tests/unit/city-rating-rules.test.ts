import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCity, type RunningCity } from '../../electron/city/start-city.js';
import { CITY_PATHS } from '../../electron/domain/city/city-api.js';
import { ratingRulesInForce, type RatingRulesInForce } from '../../electron/domain/city/published-rating-rules.js';
import { pgAvailable, startPgCluster, type PgCluster } from '../../scripts/lib/pg-cluster.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

/**
 * The city publishes the 好差评 rules (a 差评's deadline in working days, whether a callback is
 * required before closing) as it publishes the calendar: by version, 304 when unchanged. A hall
 * runs the city's deadline unless its own is shorter; the callback rule is the city's.
 */
const available = pgAvailable();
if (!available) console.warn('city-rating-rules: PostgreSQL 15 binaries absent (run scripts/test-prerequisites.sh); skipping');

const DAY1 = Date.parse('2026-06-01T01:00:00Z'); // Monday 09:00 in Asia/Shanghai
const FAST_LINK = { intervalMs: 50, timeoutMs: 2_000, retry: { baseMs: 20, maxMs: 200, maxAttempts: Infinity }, breaker: { threshold: 3, coolDownMs: 100 } };

describe('the rule in force', () => {
  it('takes the city’s deadline unless the hall’s is shorter', () => {
    expect(ratingRulesInForce(5, null)).toMatchObject({ dueDays: 5, dueDaysFrom: 'hall', callbackRequired: true, callbackFrom: 'hall', cityVersion: 0 });
    const city = { version: 2, rules: { dueDays: 3, callbackRequired: false } };
    expect(ratingRulesInForce(5, city)).toMatchObject({ dueDays: 3, dueDaysFrom: 'city', hallDueDays: 5, cityDueDays: 3, callbackRequired: false });
    expect(ratingRulesInForce(2, city)).toMatchObject({ dueDays: 2, dueDaysFrom: 'hall', cityDueDays: 3 });
    expect(ratingRulesInForce(3, city)).toMatchObject({ dueDays: 3, dueDaysFrom: 'city' });
  });
});

// Skipped only without PostgreSQL 15's binaries (a workstation); .ci/run installs them (scripts/test-prerequisites.sh).
describe.skipIf(!available)("the city's 好差评 rules", () => {
  let pg: PgCluster;
  let city: RunningCity;
  let t: TestHost;
  let admin: { token: string; staff: string };

  beforeAll(async () => {
    pg = await startPgCluster();
    city = await startCity({ databaseUrl: pg.createDatabase('rules'), host: '127.0.0.1', port: 0, log: () => {} });
    t = await startTestHost({ clock: () => DAY1, city: FAST_LINK });
    admin = await t.supervisor();
    expect(
      (await t.request('/api/city-link/enrol', { method: 'POST', ...admin, body: { cityUrl: city.url, code: await city.issueCode('rules-hall') } })).status,
    ).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await city?.close();
    pg?.stop();
  });

  const inForce = async () => (await t.request('/api/settings/rating-rules', admin)).body as RatingRulesInForce;
  const sync = () => t.request('/api/city-link/sync', { method: 'POST', ...admin });
  async function setHallDueDays(n: number): Promise<void> {
    const settings = (await t.request('/api/settings', admin)).body as Record<string, unknown>;
    expect((await t.request('/api/settings', { method: 'PUT', ...admin, body: { ...settings, ratingDueDays: n } })).status).toBe(200);
  }

  /** A citizen served at window 1 and rating it 非常不满意 on the counter screen. */
  async function badRating(clerk: { token: string; staff: string }, counter: string) {
    const kiosk = await t.pair('kiosk');
    expect((await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household' } })).status).toBe(200);
    for (const step of ['call-next', 'finish']) expect((await t.request(`/api/windows/1/${step}`, { method: 'POST', ...clerk })).status).toBe(200);
    const ask = ((await t.request('/api/windows/1/rating', { token: counter })).body as { ask: { ticketId: number } }).ask;
    const rated = await t.request('/api/windows/1/rating', { method: 'POST', token: counter, body: { ticketId: ask.ticketId, level: 1, reasons: ['slow'] } });
    expect(rated.status).toBe(200);
    return rated.body as { answerWithinDays: number };
  }

  it('runs the hall’s own rules until the city publishes; refuses the rules to a terminal without signed-in staff', async () => {
    expect(await inForce()).toMatchObject({ dueDays: 5, dueDaysFrom: 'hall', cityDueDays: null, callbackRequired: true, cityVersion: 0 });
    expect((await t.request('/api/settings/rating-rules', { token: admin.token })).status).toBe(401);
    const clerk = await t.clerk();
    expect((await t.request('/api/settings/rating-rules', clerk)).status).toBe(403);
  });

  it('reaches the hall by version; the city’s shorter deadline and waived callback apply', async () => {
    expect(await city.publishRatingRules({ dueDays: 3, callbackRequired: false })).toBe(1);
    await sync();
    expect(await inForce()).toMatchObject({
      dueDays: 3,
      dueDaysFrom: 'city',
      hallDueDays: 5,
      cityDueDays: 3,
      callbackRequired: false,
      callbackFrom: 'city',
      cityVersion: 1,
    });

    const clerk = await t.clerk();
    expect((await t.request('/api/windows/1/open', { method: 'POST', ...clerk })).status).toBe(200);
    const counter = await t.pair('display');
    expect((await badRating(clerk, counter)).answerWithinDays).toBe(3);
    const items = (await t.request('/api/rectifications?filter=open', admin)).body as { items: { id: number; dueDay: string; version: number }[] };
    expect(items.items.map((i) => i.dueDay)).toEqual(['2026-06-04']);
    // The callback is waived: the item closes with its fix and answer alone.
    let item = items.items[0]!;
    for (const body of [{ step: 'assign', staffId: 1 }, { step: 'fix', text: '已整改' }, { step: 'answer', text: '已答复' }, { step: 'close' }]) {
      const r = await t.request(`/api/rectifications/${item.id}`, { method: 'POST', ...admin, body: { ...body, version: item.version } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      item = (r.body as { item: typeof item }).item;
    }
  });

  it('lets a hall hold itself to a shorter deadline, never a longer one', async () => {
    await setHallDueDays(2);
    expect(await inForce()).toMatchObject({ dueDays: 2, dueDaysFrom: 'hall', cityDueDays: 3 });
    await setHallDueDays(10);
    expect(await inForce()).toMatchObject({ dueDays: 3, dueDaysFrom: 'city', hallDueDays: 10 });
    // A new version replaces the old; the held version is asked for with If-None-Match.
    await city.publishRatingRules({ dueDays: 7, callbackRequired: true });
    await sync();
    expect(await inForce()).toMatchObject({ dueDays: 7, dueDaysFrom: 'city', callbackRequired: true, cityVersion: 2 });
  });

  it('answers 304 to a hall holding the current version, 401 to a stranger', async () => {
    const code = await city.issueCode('etag-hall');
    const enrol = await fetch(`${city.url}${CITY_PATHS.enrol}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, hallName: 'E' }),
    });
    const auth = { authorization: `Bearer ${((await enrol.json()) as { credential: string }).credential}` };
    const first = await fetch(`${city.url}${CITY_PATHS.ratingRules}`, { headers: auth });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ version: 2, rules: { dueDays: 7, callbackRequired: true } });
    expect((await fetch(`${city.url}${CITY_PATHS.ratingRules}`, { headers: { ...auth, 'if-none-match': first.headers.get('etag')! } })).status).toBe(304);
    expect((await fetch(`${city.url}${CITY_PATHS.ratingRules}`)).status).toBe(401);
  });
});
