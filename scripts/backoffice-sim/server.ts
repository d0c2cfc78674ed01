import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { EXIT_ENTRY, HOUSEHOLDS, TRAFFIC } from './data.js';
import { SIM_SYSTEMS, SimCaseMessageSchema, SimModeSchema, SimQuerySchema, type Ledger, type LedgerEntry, type SimMode, type SimSystem } from './control.js';

export interface SimOptions {
  port: number;
  host?: string;
  /** When set, every back-office request must carry `Authorization: Bearer <credential>`. */
  credential?: string;
}

export interface RunningSim {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): string {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
  return text;
}

/**
 * The back offices behind the hall, simulated in one process: per system a query endpoint over
 * the shipped data set and a delivery endpoint that honours Idempotency-Key (the same key gets the
 * same answer and is recorded once), a ledger of what arrived, and the faults to test against.
 */
export function startBackOfficeSim(options: SimOptions): Promise<RunningSim> {
  let mode: SimMode = { mode: 'up' };
  const entries: LedgerEntry[] = [];
  const answers = new Map<string, { status: number; body: unknown }>();
  let requests = 0;
  let repeats = 0;
  const sockets = new Set<Socket>();

  function faultFor(system: SimSystem, route: string): SimMode | null {
    if (mode.mode === 'up' || (mode.system !== undefined && mode.system !== system) || (mode.on !== undefined && mode.on !== route)) return null;
    const m = mode;
    if (m.count !== undefined) mode = m.count <= 1 ? { mode: 'up' } : { ...m, count: m.count - 1 };
    return m;
  }

  function query(system: SimSystem, idNumber: string): { found: boolean; record: unknown } {
    const record = system === 'household' ? HOUSEHOLDS.get(idNumber) : system === 'traffic' ? TRAFFIC.get(idNumber) : EXIT_ENTRY.get(idNumber);
    return { found: record !== undefined, record: record ?? null };
  }

  /** A delivery: answered from the store for a key seen before, else recorded in the ledger. */
  function deliver(system: SimSystem, key: string, raw: unknown): { status: number; body: unknown } {
    requests += 1;
    const seen = answers.get(`${system}:${key}`);
    if (seen) {
      repeats += 1;
      return seen;
    }
    const parsed = SimCaseMessageSchema.safeParse(raw);
    if (!parsed.success) return { status: 400, body: { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } };
    const m = parsed.data;
    const receipt = `${system.toUpperCase()}-${String(entries.length + 1).padStart(6, '0')}`;
    entries.push({ system, key, caseNumber: m.caseNumber, kind: m.kind, sequence: m.sequence, status: m.status, receipt, at: Date.now() });
    const answer = { status: 200, body: { receipt, accepted: true } };
    answers.set(`${system}:${key}`, answer);
    return answer;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (url.pathname === '/_sim/mode' && req.method === 'POST') {
      const parsed = SimModeSchema.safeParse(JSON.parse((await readBody(req)) || '{}'));
      if (!parsed.success) return void send(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      mode = parsed.data;
      return void send(res, 200, { mode });
    }
    if (url.pathname === '/_sim/mode' && req.method === 'GET') return void send(res, 200, { mode });
    if (url.pathname === '/_sim/ledger' && req.method === 'GET') return void send(res, 200, { entries, requests, repeats } satisfies Ledger);
    // The counts alone, for a poller that must not load the simulator it measures.
    if (url.pathname === '/_sim/count' && req.method === 'GET') return void send(res, 200, { entries: entries.length, requests, repeats });

    const [, sys, ...rest] = url.pathname.split('/');
    const system = SIM_SYSTEMS.find((s) => s === sys);
    const route = rest.join('/');
    if (!system || req.method !== 'POST' || !['query', 'cases'].includes(route)) return void send(res, 404, { error: 'no such endpoint' });
    const fault = faultFor(system, route);
    if (fault?.mode === 'down') return void req.socket.destroy();
    if (fault?.mode === 'timeout') return;
    const wait = () => new Promise((r) => setTimeout(r, fault?.ms ?? 5_000));
    if (fault?.mode === 'slow' && !fault.afterRecord) await wait();
    if (fault?.mode === 'error') {
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
      return void send(res, fault.status ?? 503, { error: 'simulated failure' }, headers);
    }
    if (options.credential !== undefined && req.headers.authorization !== `Bearer ${options.credential}`)
      return void send(res, 401, { error: 'bad credential' });

    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return void send(res, 400, { error: 'not JSON' });
    }
    let answer: { status: number; body: unknown };
    if (route === 'query') {
      const q = SimQuerySchema.safeParse(body);
      answer = q.success ? { status: 200, body: query(system, q.data.idNumber) } : { status: 400, body: { error: 'idNumber required' } };
    } else {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || key.length < 8 || key.length > 200) answer = { status: 400, body: { error: 'Idempotency-Key required' } };
      else answer = deliver(system, key, body);
    }
    if (fault?.mode === 'slow' && fault.afterRecord) await wait();
    if (fault?.mode === 'drop_after_receive') return void req.socket.destroy();
    const text = send(res, answer.status, answer.body, { 'x-sim-request': randomUUID() });
    // A second, unasked answer on the same connection: the client must not take it for the next.
    if (fault?.mode === 'answer_twice')
      res.once('finish', () => {
        if (!req.socket.destroyed)
          req.socket.write(`HTTP/1.1 ${answer.status} OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
      });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: (err as Error).message });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : options.port;
      resolve({
        url: `http://${options.host ?? '127.0.0.1'}:${port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
