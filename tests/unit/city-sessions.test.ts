import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCity, type RunningCity } from '../../electron/city/start-city.js';
import { CITY_PATHS, CITY_STAFF_COOKIE } from '../../electron/domain/city/city-api.js';
import { STAFF_SESSION_LIMITS } from '../../electron/domain/sessions/session-expiry.js';
import { pgAvailable, startPgCluster, type PgCluster } from '../../scripts/lib/pg-cluster.js';

/**
 * A city supervisor's token signs in; the session it opens expires like a hall's staff session
 * (idle, and an absolute age) and ends at sign-out. Every refusal says why.
 */
const available = pgAvailable();
if (!available) console.warn('city-sessions: PostgreSQL 15 binaries absent (run scripts/test-prerequisites.sh); skipping');
const HOUR = 3600_000;
const { idleMs, maxAgeMs } = STAFF_SESSION_LIMITS;

// Skipped only without PostgreSQL 15's binaries (a workstation); .ci/run installs them (scripts/test-prerequisites.sh).
describe.skipIf(!available)("the city supervisor's session", () => {
  let pg: PgCluster;
  let city: RunningCity;
  let now = Date.parse('2026-06-01T01:00:00Z');
  let token: string;

  beforeAll(async () => {
    pg = await startPgCluster();
    city = await startCity({ databaseUrl: pg.createDatabase('sessions'), host: '127.0.0.1', port: 0, log: () => {}, clock: () => now });
    token = await city.addSupervisor('city-sup');
  }, 60_000);
  afterAll(async () => {
    await city?.close();
    pg?.stop();
  });

  const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${city.url}${path}`, {
      method: 'POST',
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  async function signIn(): Promise<{ session: string; cookie: string }> {
    const res = await post(CITY_PATHS.signIn, { token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { session: string; idleMs: number; expiresAt: number };
    expect(body).toMatchObject({ idleMs, expiresAt: now + maxAgeMs });
    const cookie = /yz_city_staff=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBe(body.session);
    // The cookie is the session, never the staff member's own token.
    expect(cookie).not.toBe(token);
    return { session: body.session, cookie: cookie! };
  }
  const overview = (headers: Record<string, string>) => fetch(`${city.url}${CITY_PATHS.overview}`, { headers });
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  async function refusal(res: Response): Promise<{ status: number; code: string; message: string }> {
    const body = (await res.json()) as { error: { code: string; message: string } };
    return { status: res.status, ...body.error };
  }

  it('reads with the session, from its cookie or as a bearer token', async () => {
    const { session, cookie } = await signIn();
    expect((await overview(bearer(session))).status).toBe(200);
    expect((await overview({ cookie: `${CITY_STAFF_COOKIE}=${cookie}` })).status).toBe(200);
  });

  it('refuses without a session, with an unknown token, and a wrong token at sign-in', async () => {
    expect(await refusal(await overview({}))).toMatchObject({ status: 401, code: 'staff_sign_in_required', message: /Sign in as city staff/ });
    expect(await refusal(await overview(bearer('x'.repeat(43))))).toMatchObject({ status: 401, message: /Unknown city session/ });
    // The staff token itself is a sign-in credential, not a session.
    expect((await overview(bearer(token))).status).toBe(401);
    expect(await refusal(await post(CITY_PATHS.signIn, { token: 'y'.repeat(43) }))).toMatchObject({ status: 401, message: /Unknown city staff token/ });
  });

  it("refuses a hall's credential: the wrong role", async () => {
    const code = await city.issueCode('role-hall');
    const { credential } = (await (await post(CITY_PATHS.enrol, { code, hallName: 'R' })).json()) as { credential: string };
    expect(await refusal(await overview(bearer(credential)))).toMatchObject({ status: 403, code: 'forbidden', message: /city-supervisor/ });
  });

  it('expires when idle too long, and kept in use, at its absolute age', async () => {
    const idle = await signIn();
    now += idleMs - 60_000;
    expect((await overview(bearer(idle.session))).status).toBe(200);
    now += idleMs - 60_000; // used a moment ago: still live
    expect((await overview(bearer(idle.session))).status).toBe(200);
    now += idleMs;
    expect(await refusal(await overview(bearer(idle.session)))).toMatchObject({ status: 401, code: 'staff_sign_in_required', message: /too long without use/ });

    const busy = await signIn();
    for (let used = 0; used + 3 * HOUR < maxAgeMs; used += 3 * HOUR) {
      now += 3 * HOUR;
      expect((await overview(bearer(busy.session))).status).toBe(200);
    }
    now += 3 * HOUR;
    expect(await refusal(await overview(bearer(busy.session)))).toMatchObject({ status: 401, message: /maximum age/ });
  });

  it('ends at sign-out (the cookie cleared), and when the supervisor is given a new token', async () => {
    const { session, cookie } = await signIn();
    const out = await post(CITY_PATHS.signOut, undefined, { cookie: `${CITY_STAFF_COOKIE}=${cookie}` });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/yz_city_staff=;/);
    expect(await refusal(await overview(bearer(session)))).toMatchObject({ status: 401, message: /signed out/ });
    expect((await post(CITY_PATHS.signOut)).status).toBe(401);

    const before = await signIn();
    const old = token;
    token = await city.addSupervisor('city-sup');
    expect((await overview(bearer(before.session))).status).toBe(401);
    expect((await post(CITY_PATHS.signIn, { token: old })).status).toBe(401);
    expect((await overview(bearer((await signIn()).session))).status).toBe(200);
  });
});
