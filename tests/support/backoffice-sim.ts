import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../db/app-root.js';
import type { Ledger, SimMode } from '../../scripts/backoffice-sim/control.js';

export interface SimProcess {
  url: string;
  child: ChildProcess;
  mode(m: SimMode): Promise<void>;
  ledger(): Promise<Ledger>;
  stop(): Promise<void>;
}

/** The built simulator (npm run build:host makes it; `npm test` builds before the unit tests). */
export const SIM_SCRIPT = join(appRoot(), 'out', 'scripts', 'backoffice-sim.js');

/** The back-office simulator as its own process on a free port, as the hall would meet it. */
export async function startSimProcess(args: string[] = []): Promise<SimProcess> {
  if (!existsSync(SIM_SCRIPT)) throw new Error(`${SIM_SCRIPT} is missing: run npm run build:host first`);
  const child = spawn(process.execPath, [SIM_SCRIPT, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on('data', (c: Buffer) => void (err += c.toString()));
    child.once('exit', (code) => reject(new Error(`simulator exited ${code}: ${err}`)));
  });
  const control = async (path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<unknown>;
  };
  return {
    url,
    child,
    mode: async (m) => void (await control('/_sim/mode', m)),
    ledger: () => control('/_sim/ledger') as Promise<Ledger>,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
