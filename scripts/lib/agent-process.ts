import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../../db/app-root.js';
import type { TerminalRole } from '../../electron/domain/roles.js';

export interface AgentProcess {
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** The terminal's credential the agent keeps (the desktop shell gives the same to its window). */
  credential(): { terminalId: number; token: string; role: TerminalRole };
  /** Resolves once the agent's output shows it connected `times` times in all. */
  connected(times?: number, ms?: number): Promise<void>;
  stop(): Promise<number | null>;
  kill(): Promise<void>;
  removeDataDir(): void;
}

/**
 * Runs the built `npm run terminal` entry (out/scripts/terminal.js), optionally on another machine
 * of a test LAN (`wrap`: ['ip', 'netns', 'exec', ns]). Used by the end-to-end tests and the
 * benchmark, which exercise the real program.
 */
export async function startAgentProcess(o: {
  hub: string;
  role: TerminalRole;
  code?: string;
  dataDir?: string;
  args?: string[];
  wrap?: string[];
}): Promise<AgentProcess> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'yizhan-agent-'));
  const entry = join(appRoot(), 'out', 'scripts', 'terminal.js');
  const args = [entry, '--hub', o.hub, '--role', o.role, '--data-dir', dataDir, ...(o.code ? ['--code', o.code] : []), ...(o.args ?? [])];
  const [command, ...prefix] = [...(o.wrap ?? []), process.execPath];
  const child = spawn(command ?? process.execPath, [...prefix, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const count = () => out.split('agent: connected to').length - 1;

  const agent: AgentProcess = {
    dataDir,
    child,
    output: () => out,
    credential() {
      return JSON.parse(readFileSync(join(dataDir, 'terminal.json'), 'utf8')) as { terminalId: number; token: string; role: TerminalRole };
    },
    async connected(times = 1, ms = 20_000) {
      const end = Date.now() + ms;
      while (count() < times) {
        if (child.exitCode !== null) throw new Error(`agent exited with ${child.exitCode}:\n${out}`);
        if (Date.now() > end) throw new Error(`agent not connected ${times} time(s) within ${ms} ms:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
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
  await agent.connected();
  return agent;
}
