import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../../db/app-root.js';
import type { TerminalRole } from '../../electron/domain/roles.js';

export interface HubProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** One-time pairing links printed in the start banner, by role. */
  links: Partial<Record<TerminalRole, string>>;
  /** The first-administrator setup code from the banner (null once staff exist). */
  setupCode: string | null;
  output: () => string;
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait, as a power cut would (minus the OS cache, which synchronous=FULL covers). */
  kill(): Promise<void>;
  removeDataDir(): void;
}

const LINK_LINE = /^ {2}(kiosk|booth|clerk|display|admin) +(http\S+)$/gm;

/**
 * Runs the built `npm run hub` entry (out/scripts/start.js --headless) on a free port and waits for
 * its banner. Used by end-to-end tests and the benchmark, which must exercise the real program.
 */
export async function startHubProcess(
  opts: {
    dataDir?: string;
    args?: string[];
    env?: NodeJS.ProcessEnv;
    dataDirVia?: 'flag' | 'env';
    /** A command the hub runs under, e.g. ['ip', 'netns', 'exec', 'hall-hub'] (it must exec, not fork). */
    wrap?: string[];
  } = {},
): Promise<HubProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'yizhan-hub-'));
  const viaEnv = opts.dataDirVia === 'env';
  const entry = join(appRoot(), 'out', 'scripts', 'start.js');
  const args = [entry, '--headless', '--port', '0', '--host', '127.0.0.1', ...(viaEnv ? [] : ['--data-dir', dataDir]), ...(opts.args ?? [])];
  const [command, ...prefix] = [...(opts.wrap ?? []), process.execPath];
  const child = spawn(command ?? process.execPath, [...prefix, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env, ...(viaEnv ? { YIZHAN_DATA_DIR: dataDir } : {}) },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start within 20 s:\n${out}`)), 20_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1] && /Stop with Ctrl\+C/.test(out)) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before starting:\n${out}`));
    });
  });
  const links: Partial<Record<TerminalRole, string>> = {};
  for (const m of out.matchAll(LINK_LINE)) links[m[1] as TerminalRole] = m[2] as string;
  const setupCode = /set up with code (\S+) /.exec(out)?.[1] ?? null;

  return {
    url,
    dataDir,
    child,
    links,
    setupCode,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    removeDataDir: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Redeems a printed pairing link from Node and returns the bearer credential it grants. */
export async function redeemLink(link: string): Promise<string> {
  const url = new URL(link);
  const code = url.searchParams.get('code');
  const res = await fetch(`${url.origin}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  if (!res.ok) throw new Error(`pairing failed: ${res.status} ${await res.text()}`);
  const token = /yz_[a-z]+=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error('pairing returned no credential');
  return token;
}
