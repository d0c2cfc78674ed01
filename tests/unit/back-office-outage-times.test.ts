import { afterEach, describe, expect, it } from 'vitest';
import type { BackOfficeLinkStatus } from '../../electron/domain/contract/back-office-api.js';
import type { HallDashboard } from '../../electron/domain/contract/dashboard-api.js';
import { startHost } from '../../electron/host/start-host.js';
import { QUICK_DELIVERY, startBackOfficeHall, until } from '../support/back-office-hall.js';
import { startSimProcess } from '../support/backoffice-sim.js';
import { tempDir } from '../support/temp-dir.js';

const NOW = Date.UTC(2026, 11, 1, 10, 42, 0);
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

type Who = { token: string; staff?: string };

async function get(url: string, path: string, who: Who): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { authorization: `Bearer ${who.token}` };
  if (who.staff) headers['x-yizhan-staff'] = who.staff;
  const r = await fetch(`${url}${path}`, { headers });
  return { status: r.status, body: (await r.json()) as unknown };
}

async function traffic(url: string, who: Who): Promise<BackOfficeLinkStatus> {
  const r = await get(url, '/api/back-office/status', who);
  if (r.status !== 200) throw new Error(`status: ${r.status} ${JSON.stringify(r.body)}`);
  const l = (r.body as { links: BackOfficeLinkStatus[] }).links.find((x) => x.system === 'traffic');
  if (!l) throw new Error('no traffic link in the status');
  return l;
}

/**
 * An outage that outlasts the hub (the hall that waited past midnight): when the traffic platform
 * stopped answering is stored, so a restarted hub says the same "since" and not its own start;
 * when it answers again, the worker's pace is on the status and its estimate shrinks as it drains.
 */
describe('a back-office outage across a hub restart', () => {
  it('keeps "unreachable since" through the restart, then shows the drain going and its estimate shrinking', async () => {
    const sim = await startSimProcess();
    cleanup.push(sim.stop);
    const dir = tempDir('yizhan-outage-');
    cleanup.push(dir.remove);

    await sim.mode({ mode: 'down', on: 'cases' });
    const h = await startBackOfficeHall(NOW, { dataDir: dir.path });
    await h.link('traffic', sim.url, 2_000);
    for (let i = 0; i < 10; i++) await h.accept((await h.renewal(i)).caseNumber);
    const down = await until(
      'the platform seen down',
      () => traffic(h.host.url, h.sup),
      (l) => l.state === 'unreachable' && l.waiting === 10,
    );
    const since = down.since;
    expect(since).not.toBeNull();
    expect(down.pace.outlook).toEqual({ kind: 'stalled' });
    const sup = h.sup;
    const kiosk = h.kiosk;
    await h.close();
    await new Promise((r) => setTimeout(r, 300));

    // The hub comes back while the platform is still down (same data folder, the sessions kept).
    const host = await startHost({
      dataDir: dir.path,
      host: '127.0.0.1',
      port: 0,
      log: () => {},
      clock: () => NOW,
      backOffice: { ...QUICK_DELIVERY, concurrency: 1 },
    });
    cleanup.push(() => host.close());
    const restarted = await traffic(host.url, sup);
    expect(restarted).toMatchObject({ state: 'unreachable', since, waiting: 10, pace: { outlook: { kind: 'stalled' } } });
    // After further failed probes, still the first failure's time, on the panel and the dashboard.
    await new Promise((r) => setTimeout(r, 800));
    expect((await traffic(host.url, sup)).since).toBe(since);
    const dash = await get(host.url, '/api/dashboard', sup);
    expect((dash.body as HallDashboard).alerts).toContainEqual({ kind: 'back_office', count: 10, subject: 'traffic', since });

    // Back up, answering slowly enough that the drain can be watched, one message at a time.
    await sim.mode({ mode: 'slow', ms: 150 });
    const readings: BackOfficeLinkStatus[] = [];
    await until(
      'everything sent',
      async () => {
        const l = await traffic(host.url, sup);
        readings.push(l);
        return l;
      },
      (l) => l.waiting === 0,
    );
    const draining = readings.filter((l) => l.state === 'up' && l.pace.outlook.kind === 'draining');
    expect(draining.length).toBeGreaterThanOrEqual(2);
    for (const l of draining) {
      expect(l.since).toBeNull();
      expect(l.upSince).toBeGreaterThan(since ?? 0);
      expect(l.pace.perMinute).toBeGreaterThan(0);
    }
    const estimate = (l: BackOfficeLinkStatus) => (l.pace.outlook.kind === 'draining' ? l.pace.outlook.clearInMs : NaN);
    const first = draining[0];
    const last = draining.at(-1);
    if (!first || !last) throw new Error('no drain seen');
    expect(last.waiting).toBeLessThan(first.waiting);
    expect(estimate(last)).toBeLessThan(estimate(first));
    const done = readings.at(-1);
    expect(done?.pace.outlook).toEqual({ kind: 'clear' });
    expect(done?.pace.perMinute).toBeGreaterThan(0);

    // The status (pace and since-times included) is for signed-in staff at a staff terminal only.
    expect((await get(host.url, '/api/back-office/status', { token: sup.token })).status).toBe(401);
    expect((await get(host.url, '/api/back-office/status', { token: kiosk })).status).toBe(403);
  }, 90_000);
});
