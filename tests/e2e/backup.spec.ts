import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { appRoot } from '../../db/app-root.js';
import { redeemLink, startHubProcess } from '../../scripts/lib/hub-process.js';

const run = promisify(execFile);
/** A built maintenance command (npm run backup / restore / keys without the compile step). */
const command = (name: string, ...args: string[]) => run(process.execPath, [join(appRoot(), 'out', 'scripts', `${name}.js`), ...args], { timeout: 30_000 });

type Issued = { ticket: { id: number; number: string } };

test('npm run backup beside a hub under load; npm run restore into a fresh folder holds every acknowledged ticket', async () => {
  const hub = await startHubProcess({ args: ['--backup-dir', 'none'] });
  const work = mkdtempSync(join(tmpdir(), 'yizhan-backup-e2e-'));
  const fresh = join(work, 'restored');
  let restored: Awaited<ReturnType<typeof startHubProcess>> | null = null;
  try {
    const kiosk = await redeemLink(hub.links.kiosk!);
    const acked: Issued['ticket'][] = [];
    let stop = false;
    const lines = ['household', 'traffic', 'exit_entry'];
    // Six requests at a time, each sent as soon as the last was answered.
    const load = [0, 1, 2, 3, 4, 5].map(async (i) => {
      for (let n = 0; !stop; n++) {
        const res = await fetch(`${hub.url}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk}` },
          body: JSON.stringify({ line: lines[(i + n) % 3] }),
        });
        if (res.status === 200) acked.push(((await res.json()) as Issued).ticket);
        else await res.text();
      }
    });
    while (acked.length < 100) await new Promise((r) => setTimeout(r, 10));
    const before = acked.slice();
    const backup = await command('backup', '--to', join(work, 'backups'), '--data-dir', hub.dataDir);
    const duringBackup = acked.length - before.length;
    while (acked.length < before.length + duringBackup + 30) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await Promise.all(load);
    // Tickets kept being issued while the backup ran.
    expect(duringBackup).toBeGreaterThan(0);
    const file = /^Backup written: (\S+\.sqlite)/m.exec(backup.stdout)?.[1];
    expect(file, backup.stdout + backup.stderr).toBeTruthy();

    // Not while the hub holds the folder; then into a fresh folder, with the key exported apart.
    const refused = await command('restore', '--from', file!, '--data-dir', hub.dataDir).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('in use by a running Yizhan host') });
    await command('keys', 'export', '--to', join(work, 'hall.key'), '--data-dir', hub.dataDir);
    await command('keys', 'import', '--from', join(work, 'hall.key'), '--data-dir', fresh);
    const out = await command('restore', '--from', file!, '--data-dir', fresh);
    expect(out.stdout).toMatch(/^Restored /);

    restored = await startHubProcess({ dataDir: fresh, args: ['--backup-dir', 'none'] });
    const db = new Database(join(fresh, 'yizhan.sqlite'), { readonly: true });
    try {
      const inRestored = new Map((db.prepare(`SELECT id, number FROM tickets`).all() as { id: number; number: string }[]).map((r) => [r.id, r.number]));
      expect(before.filter((t) => inRestored.get(t.id) !== t.number)).toEqual([]);
    } finally {
      db.close();
    }
  } finally {
    await hub.stop();
    hub.removeDataDir();
    if (restored) await restored.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
