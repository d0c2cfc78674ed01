import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { AgentDevice } from '../../electron/domain/contract/agent-link.js';
import type { PrinterConfig } from '../../electron/domain/contract/print-api.js';
import type { TerminalRole } from '../../electron/domain/roles.js';
import type { Printer, PrintRequest, Submitted } from '../../electron/host/printing/printer.js';
import { startTerminalAgent, type RunningAgent } from '../../electron/host/terminal-agent/start-agent.js';
import { tempDir } from './temp-dir.js';

export const cardFixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../scripts/sim/fixtures', `${name}.json`), 'utf8')) as unknown;

/** A terminal's agent in this process, against a hub URL, with its own data folder. */
export async function startTestAgent(o: {
  hub: string;
  role: TerminalRole;
  token: string;
  dataDir?: string;
  printer?: PrinterConfig | null;
  devices?: AgentDevice[];
  simulate?: boolean;
  /** A printer of the test's own making (given as the desktop shell gives Electron's). */
  customPrinter?: Printer;
  logs?: string[];
}): Promise<RunningAgent & { dataDir: string; removeDir(): void }> {
  const dir = o.dataDir ? { path: o.dataDir, remove: () => undefined } : tempDir('yizhan-agent-');
  const agent = await startTerminalAgent({
    hub: o.hub,
    role: o.role,
    token: o.token,
    dataDir: dir.path,
    version: '9.9.9-test',
    devices: o.devices ?? [],
    simulateDevices: o.simulate ?? false,
    printer: o.customPrinter ? { kind: 'electron', target: 'test', media: '' } : (o.printer ?? null),
    electronPrinter: o.customPrinter ? () => o.customPrinter as Printer : undefined,
    log: o.logs ? (l) => o.logs?.push(l) : () => undefined,
  });
  return Object.assign(agent, { dataDir: dir.path, removeDir: dir.remove });
}

/**
 * A printer that remembers every job by title (as CUPS and the folder printer do) and counts what
 * reached paper. `hold` makes the next submit wait until released by the test: the moment to cut
 * a link "mid-job".
 */
export function countingPrinter() {
  const jobs = new Map<string, Submitted>();
  const printed: string[] = [];
  let gate: { reached: () => void; open: Promise<void> } | null = null;
  let n = 0;
  const printer: Printer = {
    description: 'counting test printer',
    async submit(req: PrintRequest) {
      if (gate) {
        const g = gate;
        gate = null;
        g.reached();
        await g.open;
      }
      const s = { externalId: `t-${++n}`, held: false };
      jobs.set(req.title, s);
      printed.push(req.title);
      return s;
    },
    async release() {},
    async findByTitle(title) {
      return jobs.get(title) ?? null;
    },
    async progress() {
      return { state: 'completed' };
    },
    async status() {
      return { status: 'ok', detail: '' };
    },
  };
  return {
    printer,
    printed,
    /** The next submit stops before printing; resolves when it got there; call the result to go on. */
    holdNext(): { reached: Promise<void>; release: () => void } {
      let release = () => {};
      let reached = () => {};
      const reachedP = new Promise<void>((r) => (reached = r));
      const open = new Promise<void>((r) => (release = r));
      gate = { reached, open };
      return { reached: reachedP, release };
    },
  };
}

export async function until<T>(get: () => Promise<T> | T, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** POST to an agent's simulator socket, as scripts/sim.ts does with its simulator.json. */
export function simCard(dataDir: string, body: unknown): Promise<unknown> {
  const cred = JSON.parse(readFileSync(join(dataDir, 'simulator.json'), 'utf8')) as { token: string; socketPath: string };
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: cred.socketPath,
        path: '/api/sim/card',
        method: 'POST',
        headers: { authorization: `Bearer ${cred.token}`, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(JSON.parse(text) as unknown));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
