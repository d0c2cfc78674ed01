import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, temporary PostgreSQL 15 cluster for a test file: initdb into a fresh folder owned by the
 * postgres user, started on a free port with its socket in that folder, removed on stop. We run as
 * root in CI, and PostgreSQL refuses to run as root, hence runuser. scripts/test-prerequisites.sh
 * installs the binaries.
 */
export const PG_BIN = process.env['YIZHAN_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

export function pgAvailable(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

export interface PgCluster {
  readonly url: string;
  readonly port: number;
  /** A fresh database in this cluster (one per test keeps tests apart). */
  createDatabase(name: string): string;
  stop(): void;
  /** Stop and start the server (a city outage with its data kept). */
  pause(): void;
  resume(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function asPostgres(args: string[]): string {
  const [cmd, ...rest] = args;
  const full = ['-u', 'postgres', '--', join(PG_BIN, cmd ?? ''), ...rest];
  return process.getuid?.() === 0 ? execFileSync('runuser', full, { encoding: 'utf8' }) : execFileSync(join(PG_BIN, cmd ?? ''), rest, { encoding: 'utf8' });
}

export async function startPgCluster(): Promise<PgCluster> {
  const root = mkdtempSync(join(tmpdir(), 'yizhan-pg-'));
  const data = join(root, 'data');
  const sock = join(root, 'sock');
  mkdirSync(data);
  mkdirSync(sock);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    for (const p of [root, data, sock]) chownSync(p, uid, gid);
  }
  asPostgres(['initdb', '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  const port = await freePort();
  const start = () =>
    asPostgres(['pg_ctl', '-D', data, '-w', '-l', join(root, 'log'), '-o', `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const stopServer = () => asPostgres(['pg_ctl', '-D', data, '-w', '-m', 'fast', 'stop']);
  start();
  const base = `postgres://postgres@127.0.0.1:${port}`;
  return {
    url: `${base}/postgres`,
    port,
    createDatabase(name) {
      asPostgres(['createdb', '-h', sock, '-p', String(port), '-U', 'postgres', name]);
      return `${base}/${name}`;
    },
    pause: stopServer,
    resume: start,
    stop() {
      try {
        stopServer();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
