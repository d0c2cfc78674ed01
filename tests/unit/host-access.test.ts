import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, pathFor } from '../../electron/domain/contract/api.js';
import { staffNeeded } from '../../electron/domain/contract/route-spec.js';
import type { TerminalRole } from '../../electron/domain/roles.js';
import { existsSync } from 'node:fs';
import { openEvents, startTestHost, type TestHost } from '../support/test-host.js';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(() => t.stop());

describe('health', () => {
  it('answers without credentials with version and schema version, but not where the database is', async () => {
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'yizhan', schemaVersion: t.host.schemaVersion });
    expect(res.body).not.toHaveProperty('databasePath');
    expect((res.body as { version: string }).version).toMatch(/^\d+\.\d+\.\d+/);
    for (const role of ['kiosk', 'display', 'clerk'] as const)
      expect((await t.request('/api/health', { token: await t.pair(role) })).body).not.toHaveProperty('databasePath');
  });

  it('tells an admin terminal where the database is', async () => {
    const res = await t.request('/api/health', { token: await t.pair('admin') });
    expect(res.body).toMatchObject({ databasePath: t.host.databasePath });
  });
});

describe('roles', () => {
  const guarded = Object.entries(api).filter(([, spec]) => spec.access !== 'public');

  it('refuses an unpaired client on every route but health and pairing', async () => {
    expect(guarded.length).toBeGreaterThan(5);
    for (const [name, spec] of guarded) {
      const res = await t.request(pathFor(spec.path, { id: 1, code: 'NOSUCHCODE', case: 'YZ20991231-0001', day: '2026-10-01', system: 'traffic' }), {
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
        const res = await t.request(pathFor(spec.path, { id: 1, code: 'NOSUCHCODE', case: 'YZ20991231-0001', day: '2026-10-01', system: 'traffic' }) + q, {
          token,
        });
        const allowed = (spec.access as readonly string[]).includes(role);
        // Routes that also need a staff sign-in answer 401 to a terminal without one.
        const needsStaff = staffNeeded(spec, role as TerminalRole) !== undefined;
        // Lookups of something that does not exist (a case, an appointment code) answer 404.
        const lookup = name === 'applicationProgress' || name === 'appointmentLookup';
        expect({ name, role, status: res.status }).toEqual({ name, role, status: allowed ? (needsStaff ? 401 : lookup ? 404 : 200) : 403 });
      }
    }
  });

  it('lets a supervisor revoke a terminal: its open screens are cut off at once and its credential is refused', async () => {
    const supervisor = await t.supervisor();
    const display = await t.pair('display');
    const session = await t.request('/api/session?role=display', { token: display });
    const id = (session.body as { terminal: { id: number } }).terminal.id;
    const events = await openEvents(t.host.url, 'display', display);
    await events.next('hello');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      events.socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
    const revoked = await t.request(`/api/terminals/${id}`, { method: 'DELETE', ...supervisor });
    expect(revoked.body).toMatchObject({ terminal: { id, revoked: true } });
    expect(await closed).toEqual({ code: 1008, reason: 'revoked' });
    expect((await t.request('/api/queue', { token: display })).status).toBe(401);
    // Its socket cannot come back either.
    const again = await openEvents(t.host.url, 'display', display).catch(() => null);
    if (again) {
      const code = await new Promise<number>((resolve) => again.socket.on('close', (c) => resolve(c)));
      expect(code).toBe(1008);
    }
  });

  it('an admin terminal without a supervisor signed in changes nothing', async () => {
    const admin = await t.pair('admin');
    const display = await t.pair('display');
    const id = ((await t.request('/api/session?role=display', { token: display })).body as { terminal: { id: number } }).terminal.id;
    const tries = [
      await t.request(`/api/terminals/${id}`, { method: 'DELETE', token: admin }),
      await t.request('/api/pairing-codes', { method: 'POST', token: admin, body: { role: 'admin', name: 'rogue' } }),
      await t.request('/api/devices', { method: 'POST', token: admin, body: { name: 'r', kind: 'id_reader', transport: 'serial', portPath: '/dev/ttyUSB0' } }),
      await t.request(`/api/printers/${id}`, { method: 'PUT', token: admin, body: { setting: null } }),
      await t.request('/api/hall-name', { method: 'PUT', token: admin, body: { hallName: 'x' } }),
    ];
    expect(tries.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    for (const r of tries) expect(r.body).toMatchObject({ error: { code: 'staff_sign_in_required' } });
  });

  it('a device must be a serial port, and a folder printer must sit under the printer root', async () => {
    const supervisor = await t.supervisor();
    for (const portPath of ['/etc/passwd', '/any/path/a/b', '/dev/ttyUSB0/../../etc/shadow', 'COM0']) {
      const res = await t.request('/api/devices', { method: 'POST', ...supervisor, body: { name: 'r', kind: 'id_reader', transport: 'serial', portPath } });
      expect({ portPath, status: res.status }).toEqual({ portPath, status: 400 });
    }
    const kiosk = await t.pair('kiosk');
    const id = ((await t.request('/api/session?role=kiosk', { token: kiosk })).body as { terminal: { id: number } }).terminal.id;
    const folder = await t.request(`/api/printers/${id}`, {
      method: 'PUT',
      ...supervisor,
      body: { setting: { kind: 'folder', target: '/any/path/a/b', media: '' } },
    });
    expect(folder.status).toBe(403);
    expect(folder.body).toMatchObject({ error: { code: 'printer_folder_not_allowed' } });
    expect(existsSync('/any/path')).toBe(false);
  });
});

describe('pairing', () => {
  it('sets an HttpOnly SameSite=Strict cookie named for the role, and a code works once', async () => {
    const issued = await t.request('/api/pairing-codes', { method: 'POST', ...(await t.supervisor()), body: { role: 'display', name: 'Hall TV' } });
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
