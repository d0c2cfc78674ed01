import { redeemLink, startHubProcess, type HubProcess } from '../lib/hub-process.js';
import { DashboardScreen, type ScreenCredentials } from './dashboard-screen.js';
import { percentile } from './machine.js';

const WINDOW_ID = 6;
const PIN = '864200';
/** Sign-ins at once: each is a deliberate slow scrypt on the hub's four pool threads. */
const SIGN_IN_BATCH = 8;

export interface DashboardPushResult {
  screens: number;
  calls: number;
  /** Call sent → the dashboard shows it, per screen and call (ms). */
  shown: { p50: number; p95: number; p99: number };
  /** Baseline, the same sockets in the same calls: call sent → the ticket.called push arrived. */
  pushed: { p50: number; p95: number; p99: number };
  /** Dashboard reads, and states pushed, per screen and call (a start and a call-next). */
  readsPerCall: number;
  statesPerCall: number;
}

interface Answer {
  status: number;
  json: unknown;
  headers: Headers;
}

async function post(url: string, headers: Record<string, string>, body: unknown = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

const staffToken = (a: Answer) => /yz_staff_[a-z]+=([^;]+)/.exec(a.headers.get('set-cookie') ?? '')?.[1] ?? '';
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
};

/**
 * The hall as the benchmark needs it: a supervisor (B01) signed in on `n` paired admin terminals,
 * a clerk (B02) signed in at window 6 with it open, and `tickets` waiting on its line.
 */
async function setUpHall(hub: HubProcess, n: number, tickets: number): Promise<{ screens: ScreenCredentials[]; clerk: Record<string, string> }> {
  const admin = await redeemLink(hub.links.admin ?? '');
  const kiosk = await redeemLink(hub.links.kiosk ?? '');
  const clerk = await redeemLink(hub.links.clerk ?? '');
  const setup = await post(
    `${hub.url}/api/staff/setup`,
    { authorization: `Bearer ${admin}` },
    { setupCode: hub.setupCode, staffNo: 'B01', name: 'Bench', pin: PIN },
  );
  const supervisor = { authorization: `Bearer ${admin}`, 'x-yizhan-staff': staffToken(setup) };
  const created = await post(`${hub.url}/api/staff`, supervisor, { staffNo: 'B02', name: 'Clerk', role: 'clerk' });
  const code = (created.json as { enrollmentCode: string }).enrollmentCode;
  const enrolled = await post(`${hub.url}/api/staff/enroll`, { authorization: `Bearer ${clerk}` }, { staffNo: 'B02', code, pin: PIN });
  const clerkHeaders = { authorization: `Bearer ${clerk}`, 'x-yizhan-staff': staffToken(enrolled) };
  if ((await post(`${hub.url}/api/windows/${WINDOW_ID}/open`, clerkHeaders)).status !== 200) throw new Error(`could not open window ${WINDOW_ID}`);
  for (let i = 0; i < tickets; i++) await post(`${hub.url}/api/tickets`, { authorization: `Bearer ${kiosk}` }, { line: 'household' });

  // Each screen is its own admin terminal with its own supervisor session, as in a real hall.
  const screens: ScreenCredentials[] = [{ terminal: admin, staff: supervisor['x-yizhan-staff'] }];
  while (screens.length < n) {
    const batch = Array.from({ length: Math.min(SIGN_IN_BATCH, n - screens.length) }, async (_, i) => {
      const pairing = await post(`${hub.url}/api/pairing-codes`, supervisor, { role: 'admin', name: `Dashboard ${screens.length + i + 1}` });
      const terminal = await redeemLink(`${hub.url}/pair?code=${(pairing.json as { code: string }).code}`);
      const signedIn = await post(`${hub.url}/api/staff/sign-in`, { authorization: `Bearer ${terminal}` }, { staffNo: 'B01', pin: PIN });
      if (signedIn.status !== 200) throw new Error(`sign-in on screen ${screens.length + i + 1}: ${JSON.stringify(signedIn.json)}`);
      return { terminal, staff: staffToken(signedIn) };
    });
    screens.push(...(await Promise.all(batch)));
  }
  return { screens, clerk: clerkHeaders };
}

async function settled(screens: DashboardScreen[], done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 5000; i++) {
    const failed = screens.find((s) => s.failure !== null);
    if (failed) throw new Error(failed.failure ?? '');
    if (done() && screens.every((s) => s.idle)) return;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`${what}: not settled within 10 s`);
}

/**
 * Dashboard push latency (issue 14): `n` supervisor dashboards connected to the built hub; for
 * each of `calls` calls at window 6 the clock starts when `POST call-next` is sent and stops, per
 * screen, when the screen holds a dashboard (pushed or read) with the call at window 6.
 * The next call waits until every screen is idle again.
 */
export async function benchDashboardPush(n = 200, calls = 50): Promise<DashboardPushResult> {
  const hub = await startHubProcess();
  const screens: DashboardScreen[] = [];
  try {
    const hall = await setUpHall(hub, n, calls + 5);
    for (const cred of hall.screens) {
      const s = new DashboardScreen(hub.url, cred, WINDOW_ID);
      await s.open();
      screens.push(s);
    }
    await settled(screens, () => screens.every((s) => s.reads > 0 && s.states > 0), 'first reads');
    const total = (k: 'reads' | 'states') => screens.reduce((t, s) => t + s[k], 0);
    const readsBefore = total('reads');
    const statesBefore = total('states');
    const shown: number[] = [];
    const pushed: number[] = [];
    for (let i = 0; i < calls; i++) {
      // Starting the service pushes the queue too: its re-reads end before the clock starts.
      await post(`${hub.url}/api/windows/${WINDOW_ID}/start`, hall.clerk);
      await new Promise((r) => setTimeout(r, 30));
      await settled(screens, () => true, 'start');
      const t0 = performance.now();
      const called = await post(`${hub.url}/api/windows/${WINDOW_ID}/call-next`, hall.clerk);
      const number = (called.json as { ticket: { number: string } | null }).ticket?.number;
      if (number === undefined) throw new Error(`call-next failed: ${JSON.stringify(called.json)}`);
      await settled(screens, () => screens.every((s) => s.seenOf(number) !== null), `call ${number}`);
      for (const s of screens) {
        const seen = s.seenOf(number);
        if (!seen) continue;
        shown.push(seen.shownAt - t0);
        pushed.push(seen.pushedAt - t0);
      }
    }
    return {
      screens: n,
      calls,
      shown: spread(shown),
      pushed: spread(pushed),
      readsPerCall: (total('reads') - readsBefore) / (n * calls),
      statesPerCall: (total('states') - statesBefore) / (n * calls),
    };
  } finally {
    for (const s of screens) s.close();
    await hub.stop();
    hub.removeDataDir();
  }
}
