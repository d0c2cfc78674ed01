import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, pathFor } from '../../electron/domain/contract/api.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(() => t.stop());

describe('health', () => {
  it('answers without credentials with version, database path and schema version', async () => {
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'yizhan', databasePath: t.host.databasePath, schemaVersion: t.host.schemaVersion });
    expect((res.body as { version: string }).version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('roles', () => {
  const guarded = Object.entries(api).filter(([, spec]) => spec.access !== 'public');

  it('refuses an unpaired client on every route but health and pairing', async () => {
    expect(guarded.length).toBeGreaterThan(5);
    for (const [name, spec] of guarded) {
      const res = await t.request(pathFor(spec.path, { id: 1, code: 'NOSUCHCODE', case: 'YZ20991231-0001', day: '2026-10-01' }), {
        method: spec.method,
        ...(spec.method === 'POST' ? { body: {} } : {}),
      });
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
    }
    const publicRoutes = Object.entries(api)
      .filter(([, s]) => s.access === 'public')
      .map(([n]) => n);
    expect(publicRoutes.sort()).toEqual(['health', 'pair']);
  });

  it('refuses a revoked or made-up credential', async () => {
    const res = await t.request('/api/queue', { token: 'x'.repeat(43) });
    expect(res.status).toBe(401);
  });

  it('refuses a kiosk credential on a clerk route, and a clerk credential on a kiosk route', async () => {
    const kiosk = await t.pair('kiosk');
    const clerk = await t.clerk();
    const call = await t.request('/api/windows/1/call-next', { method: 'POST', token: kiosk });
    expect(call.status).toBe(403);
    expect(call.body).toMatchObject({ error: { code: 'forbidden' } });
    const take = await t.request('/api/tickets', { method: 'POST', token: clerk.token, body: { line: 'household' } });
    expect(take.status).toBe(403);
    // Each is accepted where it belongs.
    expect((await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household' } })).status).toBe(200);
    expect((await t.request('/api/windows/1/open', { method: 'POST', ...clerk })).status).toBe(200);
    expect((await t.request('/api/windows/1/call-next', { method: 'POST', ...clerk })).status).toBe(200);
  });

  it('refuses a clerk terminal without a staff sign-in on queue actions', async () => {
    const clerk = await t.pair('clerk');
    const call = await t.request('/api/windows/1/call-next', { method: 'POST', token: clerk });
    expect(call.status).toBe(401);
    expect(call.body).toMatchObject({ error: { code: 'staff_sign_in_required' } });
  });

  it('honours every route access list for every role', async () => {
    const tokens = {
      kiosk: await t.pair('kiosk'),
      booth: await t.pair('booth'),
      clerk: await t.pair('clerk'),
      display: await t.pair('display'),
      admin: await t.pair('admin'),
    };
    for (const [name, spec] of guarded) {
      if (spec.method !== 'GET') continue; // side-effect-free routes only; writes are covered above
      for (const [role, token] of Object.entries(tokens)) {
        // The progress query needs its query; an unknown case then answers 404 (and leaks nothing).
        const q = name === 'session' ? `?role=${role}` : name === 'applicationProgress' ? '?case=YZ20261124-0001&last4=0000' : '';
        const res = await t.request(pathFor(spec.path, { id: 1, code: 'NOSUCHCODE', case: 'YZ20991231-0001', day: '2026-10-01' }) + q, { token });
        const allowed = (spec.access as readonly string[]).includes(role);
        // Routes that also need a staff sign-in answer 401 to a terminal without one.
        const needsStaff = (spec as { staff?: unknown }).staff !== undefined;
        // Lookups of something that does not exist (a case, an appointment code) answer 404.
        const lookup = name === 'applicationProgress' || name === 'appointmentLookup';
        expect({ name, role, status: res.status }).toEqual({ name, role, status: allowed ? (needsStaff ? 401 : lookup ? 404 : 200) : 403 });
      }
    }
  });

  it('lets an admin revoke a terminal, after which its credential is refused', async () => {
    const admin = await t.pair('admin');
    const display = await t.pair('display');
    const session = await t.request('/api/session?role=display', { token: display });
    const id = (session.body as { terminal: { id: number } }).terminal.id;
    const revoked = await t.request(`/api/terminals/${id}`, { method: 'DELETE', token: admin });
    expect(revoked.body).toMatchObject({ terminal: { id, revoked: true } });
    expect((await t.request('/api/queue', { token: display })).status).toBe(401);
  });
});

describe('pairing', () => {
  it('sets an HttpOnly SameSite=Strict cookie named for the role, and a code works once', async () => {
    const admin = await t.pair('admin');
    const issued = await t.request('/api/pairing-codes', { method: 'POST', token: admin, body: { role: 'display', name: 'Hall TV' } });
    expect(issued.status).toBe(200);
    const code = (issued.body as { code: string }).code;
    const first = await t.request('/api/pair', { method: 'POST', body: { code: code.toLowerCase() } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ terminal: { role: 'display', name: 'Hall TV' } });
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^yz_display=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const again = await t.request('/api/pair', { method: 'POST', body: { code } });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: { code: 'pairing_code_invalid' } });
  });

  it('rejects a malformed code before looking it up', async () => {
    const res = await t.request('/api/pair', { method: 'POST', body: { code: 'nope' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'bad_request', issues: [{ path: 'body.code' }] } });
  });
});

describe('local enrolment (the desktop shell of a single machine)', () => {
  it('keeps one row per local screen and retires the previous secret at each start', async () => {
    const first = t.host.enrollLocalTerminal('display', 'this-pc display');
    const second = t.host.enrollLocalTerminal('display', 'this-pc display');
    expect(second.terminal.id).toBe(first.terminal.id);
    expect(second.cookieName).toBe('yz_display');
    expect((await t.request('/api/queue', { token: first.token })).status).toBe(401);
    expect((await t.request('/api/queue', { token: second.token })).status).toBe(200);
  });
});

describe('staff sessions on a single machine', () => {
  it('keep a clerk and a supervisor signed in side by side in one browser', async () => {
    const clerk = await t.clerk();
    const sup = await t.supervisor();
    // One browser: it sends every cookie it holds to every route.
    const jar = [`yz_clerk=${clerk.token}`, `yz_admin=${sup.token}`, `yz_staff_clerk=${clerk.staff}`, `yz_staff_admin=${sup.staff}`].join('; ');
    const asClerk = await t.request('/api/staff/me', { headers: { cookie: jar, 'x-yizhan-role': 'clerk' } });
    const asAdmin = await t.request('/api/staff/me', { headers: { cookie: jar, 'x-yizhan-role': 'admin' } });
    expect(asClerk.body).toMatchObject({ staff: { role: 'clerk' } });
    expect(asAdmin.body).toMatchObject({ staff: { role: 'admin' } });
  });
});
