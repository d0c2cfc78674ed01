import WebSocket from 'ws';
import { startHost } from '../../electron/host/start-host.js';
import type { HostOptions, RunningHost } from '../../electron/host/host-api.js';
import type { TerminalRole } from '../../electron/domain/roles.js';
import { tempDir } from './temp-dir.js';

export interface TestHost {
  host: RunningHost;
  dataDir: string;
  /** A bearer credential for a freshly paired terminal of the role (through a real pairing code). */
  pair(role: TerminalRole): Promise<string>;
  request(path: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** A paired clerk terminal with a signed-in staff member (first admin set up on first use). */
  clerk(staffNo?: string): Promise<{ token: string; staff: string }>;
  /** A paired admin terminal with the first administrator signed in. */
  supervisor(): Promise<{ token: string; staff: string }>;
  stop(): Promise<void>;
}

/** A real host on a free port with a temporary database. */
interface RequestInit {
  method?: string;
  token?: string;
  /** Staff session token (sent as X-Yizhan-Staff). */
  staff?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export const TEST_PIN = '246810';

function staffCookie(headers: Headers): string {
  const token = /yz_staff_[a-z]+=([^;]+)/.exec(headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error('no staff session cookie');
  return token;
}

export async function startTestHost(options: Partial<HostOptions> = {}): Promise<TestHost> {
  const dir = tempDir();
  const host = await startHost({ dataDir: dir.path, host: '127.0.0.1', port: 0, log: () => {}, ...options });
  async function request(path: string, init: RequestInit = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers['authorization'] = `Bearer ${init.token}`;
    if (init.staff) headers['x-yizhan-staff'] = init.staff;
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${host.url}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, headers: res.headers };
  }
  async function pair(role: TerminalRole): Promise<string> {
    const { code } = host.issuePairingCode(role, `test ${role}`, 60_000);
    const res = await fetch(`${host.url}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    if (res.status !== 200) throw new Error(`pairing failed: ${res.status} ${await res.text()}`);
    const token = /yz_[a-z]+=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    if (!token) throw new Error('no credential cookie');
    return token;
  }
  let supervisor: Promise<{ token: string; staff: string }> | null = null;
  function getSupervisor() {
    supervisor ??= (async () => {
      const token = await pair('admin');
      const res = await request('/api/staff/setup', {
        method: 'POST',
        token,
        body: { setupCode: host.setupCode, staffNo: 'S001', name: 'Supervisor', pin: TEST_PIN },
      });
      if (res.status !== 200) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { token, staff: staffCookie(res.headers) };
    })();
    return supervisor;
  }
  let clerks = 0;
  async function clerk(staffNo = `C${String(++clerks).padStart(3, '0')}`) {
    const sup = await getSupervisor();
    const created = await request('/api/staff', {
      method: 'POST',
      token: sup.token,
      staff: sup.staff,
      body: { staffNo, name: `Clerk ${staffNo}`, role: 'clerk' },
    });
    if (created.status !== 200) throw new Error(`create staff failed: ${created.status} ${JSON.stringify(created.body)}`);
    const token = await pair('clerk');
    const code = (created.body as { enrollmentCode: string }).enrollmentCode;
    const enrolled = await request('/api/staff/enroll', { method: 'POST', token, body: { staffNo, code, pin: TEST_PIN } });
    if (enrolled.status !== 200) throw new Error(`enrol failed: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
    return { token, staff: staffCookie(enrolled.headers) };
  }
  return {
    host,
    dataDir: options.dataDir ?? dir.path,
    request,
    clerk,
    supervisor: getSupervisor,
    pair,
    async stop() {
      await host.close();
      dir.remove();
    },
  };
}

/** Opens the event socket and collects messages. */
export async function openEvents(
  url: string,
  role: TerminalRole,
  token: string,
): Promise<{ socket: WebSocket; messages: unknown[]; next: (type: string) => Promise<unknown> }> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/events?role=${role}`, { headers: { authorization: `Bearer ${token}` } });
  const messages: unknown[] = [];
  const waiters: { type: string; resolve: (m: unknown) => void }[] = [];
  socket.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { type: string };
    messages.push(msg);
    const i = waiters.findIndex((w) => w.type === msg.type);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(msg);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    messages,
    next: (type) =>
      new Promise((resolve, reject) => {
        const seen = messages.findIndex((m) => (m as { type: string }).type === type);
        if (seen >= 0) return resolve(messages.splice(seen, 1)[0]);
        const timer = setTimeout(() => reject(new Error(`no ${type} event within 5 s`)), 5000);
        waiters.push({ type, resolve: (m) => (clearTimeout(timer), messages.splice(messages.indexOf(m), 1), resolve(m)) });
      }),
  };
}
