import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open.js';
import { redeemLink, startHubProcess } from '../lib/hub-process.js';
import { percentile, rssMiB } from './machine.js';

export interface IssuanceResult {
  clients: number;
  tickets: number;
  apiRate: number;
  rawRate: number;
  p50: number;
  p99: number;
  max: number;
  hostRssMiB: number | null;
}

function post(agent: Agent, url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: '/api/tickets',
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The raw baseline: single-row insert transactions on the same schema with the same pragmas
 * (WAL, synchronous=FULL), so the ratio isolates what HTTP, routing, validation and the ticket
 * logic cost on top of a durable commit.
 */
function rawRate(count: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-bench-raw-'));
  const { db } = openDatabase(dir);
  try {
    const insert = db.prepare(`INSERT INTO tickets (service_day, line, seq, number, issued_at) VALUES ('2026-01-01', 'household', ?, ?, ?)`);
    const tx = db.transaction((i: number) => insert.run(i, `A${i}`, Date.now()));
    const t0 = performance.now();
    for (let i = 1; i <= count; i++) tx.immediate(i);
    return count / ((performance.now() - t0) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const WARMUP_REQUESTS = 1000;

/** Ticket issuance through the HTTP API from `clients` concurrent keep-alive clients. */
export async function benchTicketIssuance(clients = 50, tickets = 5000): Promise<IssuanceResult> {
  const hub = await startHubProcess();
  try {
    const token = await redeemLink(hub.links.kiosk ?? '');
    const url = new URL(hub.url);
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    const lines = ['household', 'traffic', 'exit_entry'];
    // Warm up connections and the JIT (a hall host runs for days; its steady state is what counts).
    let warm = 0;
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        while (warm++ < WARMUP_REQUESTS) await post(agent, url, token, JSON.stringify({ line: lines[c % 3] }));
      }),
    );

    const latencies: number[] = [];
    let next = 0;
    let failures = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < tickets) {
          const i = next++;
          const start = performance.now();
          const status = await post(agent, url, token, JSON.stringify({ line: lines[i % 3] }));
          latencies.push(performance.now() - start);
          if (status !== 200) failures++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    agent.destroy();
    if (failures > 0) throw new Error(`${failures} ticket requests failed`);
    const hostRssMiB = hub.child.pid ? rssMiB(hub.child.pid) : null;
    latencies.sort((a, b) => a - b);
    const raw = rawRate(tickets);
    return {
      clients,
      tickets,
      apiRate: tickets / seconds,
      rawRate: raw,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
      hostRssMiB,
    };
  } finally {
    await hub.stop();
    hub.removeDataDir();
  }
}
