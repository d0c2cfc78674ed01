import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A hall LAN made of Linux network namespaces: one per machine (hub, kiosk, clerk …), each with
 * its own network card (a veth pair) plugged into a bridge in a "switch" namespace, and one more
 * card for the test runner itself in the root namespace, so that it (and the admin screen's
 * browser) reach the hub as any hall PC does. Traffic between machines crosses real veth links
 * and a bridge; `cut` takes a machine's card down as `ip link set … down` does.
 *
 * Needs root and iproute2 (scripts/test-prerequisites.sh). Names carry the test runner's pid, so
 * `sweepStaleLans` can remove what a killed run left behind without touching a running one's.
 */
const PREFIX = 'yzl';

export interface Machine {
  name: string;
  /** The namespace the machine's processes run in (`ip netns exec <ns> …`). */
  ns: string;
  ip: string;
  /** Its network card, inside its namespace. */
  card: string;
}

export interface Lan {
  machines: Record<string, Machine>;
  /** The runner's own address on the LAN (root namespace). */
  runnerIp: string;
  /** The prefix `spawn` needs to run a command on a machine. */
  wrap(machine: string): string[];
  /** A Chromium that runs on that machine (a launcher script for Playwright's executablePath). */
  chromiumOn(machine: string): string;
  /** Pull the machine's cable (its card down), and plug it back. */
  cut(machine: string): void;
  restore(machine: string): void;
  destroy(): void;
}

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Whether this process may make namespaces (root with iproute2). */
export function canMakeNamespaces(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = `${PREFIX}probe${process.pid}`;
  const made = spawnSync('ip', ['netns', 'add', probe]).status === 0;
  if (made) spawnSync('ip', ['netns', 'del', probe]);
  return made;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes namespaces (and the processes still in them) left by test runs that are gone. */
export function sweepStaleLans(): void {
  const names = ip('netns', 'list')
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((n) => n.startsWith(PREFIX));
  for (const ns of names) {
    const owner = Number(/^yzl(\d+)x/.exec(ns)?.[1]);
    if (Number.isInteger(owner) && alive(owner)) continue;
    removeNamespace(ns);
  }
}

function removeNamespace(ns: string): void {
  // Our own processes, left in it by a run that died: by their ids, as they were started.
  const pids = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' })
    .stdout.split('\n')
    .map(Number)
    .filter((p) => Number.isInteger(p) && p > 0);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone already */
    }
  }
  spawnSync('ip', ['netns', 'del', ns]);
}

let lans = 0;

/** Builds a LAN with one namespace per named machine. */
export function createLan(machineNames: readonly string[]): Lan {
  sweepStaleLans();
  const id = `${process.pid}x${++lans}`;
  // 10.<a>.<b>.0/24, different per LAN, so parallel tests never share a subnet.
  const a = 200 + (process.pid % 50);
  const b = (lans * 37 + Math.floor(Math.random() * 200)) % 250;
  const net = `10.${a}.${b}`;
  const sw = `${PREFIX}${id}-sw`;
  const tag = `${(process.pid % 1000).toString(36)}${lans.toString(36)}`;
  const made: string[] = [];
  const rootCard = `y${tag}r`;
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-lan-'));
  const machines: Record<string, Machine> = {};
  try {
    ip('netns', 'add', sw);
    made.push(sw);
    ip('-n', sw, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', sw, 'link', 'set', 'br0', 'up');
    ip('-n', sw, 'link', 'set', 'lo', 'up');
    machineNames.forEach((name, i) => {
      const ns = `${PREFIX}${id}-${name}`;
      const card = `y${tag}${i}`;
      ip('netns', 'add', ns);
      made.push(ns);
      ip('link', 'add', card, 'type', 'veth', 'peer', 'name', `${card}p`);
      ip('link', 'set', card, 'netns', ns);
      ip('link', 'set', `${card}p`, 'netns', sw);
      ip('-n', sw, 'link', 'set', `${card}p`, 'master', 'br0');
      ip('-n', sw, 'link', 'set', `${card}p`, 'up');
      const addr = `${net}.${10 + i}`;
      ip('-n', ns, 'addr', 'add', `${addr}/24`, 'dev', card);
      ip('-n', ns, 'link', 'set', card, 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      machines[name] = { name, ns, ip: addr, card };
    });
    // The runner's own card: the root end of a pair whose other end is on the switch.
    ip('link', 'add', rootCard, 'type', 'veth', 'peer', 'name', `${rootCard}p`);
    ip('link', 'set', `${rootCard}p`, 'netns', sw);
    ip('-n', sw, 'link', 'set', `${rootCard}p`, 'master', 'br0');
    ip('-n', sw, 'link', 'set', `${rootCard}p`, 'up');
    ip('addr', 'add', `${net}.2/24`, 'dev', rootCard);
    ip('link', 'set', rootCard, 'up');
  } catch (err) {
    for (const ns of made) removeNamespace(ns);
    spawnSync('ip', ['link', 'del', rootCard]);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const machine = (name: string): Machine => {
    const m = machines[name];
    if (!m) throw new Error(`no machine ${name} on this LAN`);
    return m;
  };

  return {
    machines,
    runnerIp: `${net}.2`,
    wrap: (name) => ['ip', 'netns', 'exec', machine(name).ns],
    chromiumOn(name) {
      const path = join(dir, `chromium-${name}.sh`);
      const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
      writeFileSync(path, `#!/bin/sh\nexec ip netns exec ${machine(name).ns} ${chromium} "$@"\n`);
      chmodSync(path, 0o755);
      return path;
    },
    cut: (name) => void ip('-n', machine(name).ns, 'link', 'set', machine(name).card, 'down'),
    restore: (name) => void ip('-n', machine(name).ns, 'link', 'set', machine(name).card, 'up'),
    destroy() {
      for (const ns of made.reverse()) removeNamespace(ns);
      spawnSync('ip', ['link', 'del', rootCard]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
