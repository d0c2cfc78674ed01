import { spawn } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import { appRoot } from '../../db/app-root.js';
import { redeemLink, startHubProcess } from '../lib/hub-process.js';
import { percentile } from './machine.js';

export interface PushResult {
  screens: number;
  calls: number;
  p50: number;
  p99: number;
  baselineP50: number;
  baselineP99: number;
}

async function post(url: string, headers: Record<string, string>, body: unknown = {}): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

/** Opens `n` sockets and resolves, per call, when every socket has seen the ticket.called for it. */
async function screens(url: string, n: number, headers: Record<string, string>) {
  const arrivals = new Map<number, number[]>();
  const sockets = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const s = new WebSocket(url, { headers });
          s.on('message', (data) => {
            const at = performance.now();
            const msg = JSON.parse(String(data)) as { type: string; call?: { ticketId: number } };
            if (msg.type !== 'ticket.called' || !msg.call) return;
            const list = arrivals.get(msg.call.ticketId) ?? [];
            list.push(at);
            arrivals.set(msg.call.ticketId, list);
          });
          s.once('open', () => resolve(s));
          s.once('error', reject);
        }),
    ),
  );
  return {
    arrivals,
    async allArrived(id: number): Promise<number[]> {
      for (let i = 0; i < 500; i++) {
        const got = arrivals.get(id);
        if (got && got.length >= n) return got;
        await new Promise((r) => setTimeout(r, 2));
      }
      throw new Error(`call ${id} reached ${arrivals.get(id)?.length ?? 0} of ${n} screens`);
    },
    close: () => sockets.forEach((s) => s.terminate()),
  };
}

async function baseline(n: number, calls: number): Promise<number[]> {
  const child = spawn(process.execPath, [join(appRoot(), 'out', 'scripts', 'bench', 'raw-broadcast-server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout.on('data', (d: Buffer) => resolve(Number(/listening (\d+)/.exec(d.toString())?.[1]))));
  const s = await screens(`ws://127.0.0.1:${port}/`, n, {});
  const latencies: number[] = [];
  try {
    for (let i = 1; i <= calls; i++) {
      const t0 = performance.now();
      await post(`http://127.0.0.1:${port}/call`, {}, i);
      for (const at of await s.allArrived(i)) latencies.push(at - t0);
    }
  } finally {
    s.close();
    child.kill('SIGTERM');
  }
  return latencies;
}

/**
 * Push latency: from the moment the benchmark sends POST call-next to the moment each of `n`
 * connected screens receives the ticket.called event, for `calls` calls. The screens are sockets
 * in the benchmark process, so the figure includes their own receive time — as does the baseline.
 */
export async function benchQueuePush(n = 200, calls = 40): Promise<PushResult> {
  const hub = await startHubProcess();
  try {
    const admin = await redeemLink(hub.links.admin ?? '');
    const kiosk = await redeemLink(hub.links.kiosk ?? '');
    const clerk = await redeemLink(hub.links.clerk ?? '');
    const display = await redeemLink(hub.links.display ?? '');
    const setup = await post(
      `${hub.url}/api/staff/setup`,
      { authorization: `Bearer ${admin}` },
      { setupCode: hub.setupCode, staffNo: 'B01', name: 'Bench', pin: '864200' },
    );
    const adminStaff = /yz_staff_[a-z]+=([^;]+)/.exec(setup.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const created = await post(
      `${hub.url}/api/staff`,
      { authorization: `Bearer ${admin}`, 'x-yizhan-staff': adminStaff },
      { staffNo: 'B02', name: 'Clerk', role: 'clerk' },
    );
    const code = (created.json as { enrollmentCode: string }).enrollmentCode;
    const enrolled = await post(`${hub.url}/api/staff/enroll`, { authorization: `Bearer ${clerk}` }, { staffNo: 'B02', code, pin: '864200' });
    const clerkHeaders = {
      authorization: `Bearer ${clerk}`,
      'x-yizhan-staff': /yz_staff_[a-z]+=([^;]+)/.exec(enrolled.headers.get('set-cookie') ?? '')?.[1] ?? '',
    };
    if ((await post(`${hub.url}/api/windows/6/open`, clerkHeaders)).status !== 200) throw new Error('could not open window 6');
    for (let i = 0; i < calls + 5; i++) await post(`${hub.url}/api/tickets`, { authorization: `Bearer ${kiosk}` }, { line: 'household' });

    const s = await screens(`${hub.url.replace('http', 'ws')}/api/events?role=display`, n, { authorization: `Bearer ${display}` });
    const latencies: number[] = [];
    try {
      for (let i = 0; i < calls; i++) {
        await post(`${hub.url}/api/windows/6/start`, clerkHeaders);
        const t0 = performance.now();
        const called = await post(`${hub.url}/api/windows/6/call-next`, clerkHeaders);
        const id = (called.json as { ticket: { id: number } | null }).ticket?.id;
        if (id === undefined) throw new Error(`call-next failed: ${JSON.stringify(called.json)}`);
        for (const at of await s.allArrived(id)) latencies.push(at - t0);
      }
    } finally {
      s.close();
    }
    const base = await baseline(n, calls);
    latencies.sort((a, b) => a - b);
    base.sort((a, b) => a - b);
    return {
      screens: n,
      calls,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      baselineP50: percentile(base, 50),
      baselineP99: percentile(base, 99),
    };
  } finally {
    await hub.stop();
    hub.removeDataDir();
  }
}
