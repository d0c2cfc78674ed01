import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallDashboard } from '../../electron/domain/contract/dashboard-api.js';
import { openEvents, startTestHost, TEST_PIN, type TestHost } from '../support/test-host.js';

type Events = Awaited<ReturnType<typeof openEvents>>;
const states = (e: Events) => e.messages.filter((m) => (m as { type: string }).type === 'dashboard.state');

/**
 * The hall dashboard is pushed whole to the admin screens that follow it, only where a supervisor
 * is signed in, and stops at the first change after they are not.
 */
describe('following the hall dashboard', () => {
  let t: TestHost;
  let kiosk: string;
  let clerk: { token: string; staff: string };
  beforeAll(async () => {
    t = await startTestHost();
    kiosk = await t.pair('kiosk');
    clerk = await t.clerk();
    expect((await t.request('/api/windows/1/open', { method: 'POST', token: clerk.token, staff: clerk.staff })).status).toBe(200);
  });
  afterAll(async () => t.stop());

  const issue = () => t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household' } });
  const callNext = () => t.request('/api/windows/1/call-next', { method: 'POST', token: clerk.token, staff: clerk.staff });

  it("pushes a supervisor's screen the dashboard as it is at once, and again after a call", async () => {
    const sup = await t.supervisor();
    const events = await openEvents(t.host.url, 'admin', sup.token);
    try {
      await events.next('hello');
      events.socket.send(JSON.stringify({ type: 'follow', view: 'dashboard' }));
      expect(await events.next('following')).toEqual({ type: 'following', view: 'dashboard' });
      const first = (await events.next('dashboard.state')) as { dashboard: HallDashboard };
      expect(first.dashboard.windows.find((w) => w.id === 1)).toMatchObject({ status: 'open', current: null });

      await issue();
      const called = await callNext();
      expect(called.status).toBe(200);
      const number = (called.body as { ticket: { number: string } }).ticket.number;
      for (;;) {
        const pushed = (await events.next('dashboard.state')) as { dashboard: HallDashboard };
        if (pushed.dashboard.windows.find((w) => w.id === 1)?.current?.number === number) break;
      }

      // Following nothing stops the pushes.
      events.socket.send(JSON.stringify({ type: 'follow', view: null }));
      expect(await events.next('following')).toEqual({ type: 'following', view: null });
      events.messages.length = 0;
      await issue();
      await new Promise((r) => setTimeout(r, 200));
      expect(states(events)).toEqual([]);
    } finally {
      events.socket.close();
    }
  });

  it('refuses a kiosk, an admin screen with nobody signed in and one with a clerk signed in', async () => {
    const kioskEvents = await openEvents(t.host.url, 'kiosk', kiosk);
    const bare = await openEvents(t.host.url, 'admin', await t.pair('admin'));
    const clerkAdmin = await t.pair('admin');
    const signedIn = await t.request('/api/staff/sign-in', { method: 'POST', token: clerkAdmin, body: { staffNo: 'C001', pin: TEST_PIN } });
    expect(signedIn.status).toBe(200);
    const withClerk = await openEvents(t.host.url, 'admin', clerkAdmin);
    const all = [kioskEvents, bare, withClerk];
    try {
      for (const e of all) {
        await e.next('hello');
        e.socket.send(JSON.stringify({ type: 'follow', view: 'dashboard' }));
        expect(await e.next('following')).toEqual({ type: 'following', view: null });
      }
      await issue();
      await new Promise((r) => setTimeout(r, 200));
      for (const e of all) expect(states(e)).toEqual([]);
      bare.socket.send(JSON.stringify({ type: 'follow', view: 'queue' }));
      expect(await bare.next('error')).toMatchObject({ code: 'bad_message' });
    } finally {
      for (const e of all) e.socket.close();
    }
  });

  it('ends the follow at the first change after the supervisor signed out there', async () => {
    const admin = await t.pair('admin');
    const signedIn = await t.request('/api/staff/sign-in', { method: 'POST', token: admin, body: { staffNo: 'S001', pin: TEST_PIN } });
    const staff = /yz_staff_[a-z]+=([^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const events = await openEvents(t.host.url, 'admin', admin);
    try {
      await events.next('hello');
      events.socket.send(JSON.stringify({ type: 'follow', view: 'dashboard' }));
      expect(await events.next('following')).toEqual({ type: 'following', view: 'dashboard' });
      await events.next('dashboard.state');
      expect((await t.request('/api/staff/sign-out', { method: 'POST', token: admin, staff })).status).toBe(200);
      await issue();
      expect(await events.next('following')).toEqual({ type: 'following', view: null });
      await issue();
      await new Promise((r) => setTimeout(r, 200));
      expect(states(events)).toEqual([]);
    } finally {
      events.socket.close();
    }
  });

  it('finds the live sessions through an index', () => {
    const db = new Database(join(t.dataDir, 'yizhan.sqlite'), { readonly: true });
    try {
      const plan = (
        db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT DISTINCT x.terminal_id FROM staff_sessions x JOIN staff s ON s.id = x.staff_id
             WHERE x.last_seen_at > 1 AND x.ended_at IS NULL AND x.created_at > 1 AND s.disabled_at IS NULL
               AND s.role IN (SELECT value FROM json_each('["supervisor","admin"]'))`,
          )
          .all() as { detail: string }[]
      )
        .map((r) => r.detail)
        .join(' | ');
      expect(plan).toMatch(/SEARCH x USING INDEX staff_sessions_seen \(last_seen_at>\?\)/);
    } finally {
      db.close();
    }
  });
});
