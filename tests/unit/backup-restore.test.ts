import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup.js';
import { DatabaseInUseError, openDatabase } from '../../db/open.js';
import { RestoreRefusedError } from '../../db/restore.js';
import { parseKeyFile } from '../../electron/host/keys/key-file.js';
import { defaultKeyFile } from '../../electron/host/keys/key-store.js';
import { scheduledBackup } from '../../electron/host/maintenance/scheduled-backup.js';
import { startHost } from '../../electron/host/start-host.js';
import { backupCommand } from '../../scripts/lib/backup-command.js';
import { keysCommand } from '../../scripts/lib/keys-command.js';
import { restoreCommand } from '../../scripts/lib/restore-command.js';
import { tempDir } from '../support/temp-dir.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

const ID = '440304199001011233';
const DAY = 86_400_000;

interface Issued {
  ticket: { id: number; number: string };
}

describe('backup under load, and restore into a fresh data folder', () => {
  let t: TestHost;
  const backups = tempDir('yizhan-backups-');
  const fresh = tempDir('yizhan-restored-');
  const apart = tempDir('yizhan-keys-');
  let backupFile = '';
  let caseNumber = '';
  const acked: Issued['ticket'][] = [];
  let ackedBefore: Issued['ticket'][] = [];

  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t.stop();
    for (const d of [backups, fresh, apart]) d.remove();
  });

  it('copies a consistent database while tickets are being issued: every ticket acknowledged before it began is in it', async () => {
    const kiosks = await Promise.all([0, 1, 2, 3].map(() => t.pair('kiosk')));
    const submitted = await t.request('/api/applications', {
      method: 'POST',
      token: kiosks[0],
      body: {
        requestId: randomUUID(),
        serviceCode: 'household_certificate',
        form: { name: '区志强', idNumber: ID, phone: '13912345678', purpose: 'employment' },
        materials: ['id_card'],
      },
    });
    caseNumber = (submitted.body as { application: { caseNumber: string } }).application.caseNumber;
    let stop = false;
    const lines = ['household', 'traffic', 'exit_entry'] as const;
    // Four kiosks issue tickets back to back, each as soon as its last one is answered.
    const load = kiosks.map(async (token, i) => {
      for (let n = 0; !stop; n++) {
        const res = await t.request('/api/tickets', { method: 'POST', token, body: { line: lines[(i + n) % 3] } });
        if (res.status === 200) acked.push((res.body as Issued).ticket);
      }
    });
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 5));
    ackedBefore = acked.slice();
    const out = await backupCommand(['--to', backups.path, '--data-dir', t.dataDir], {});
    const during = acked.length;
    // Keep issuing a little longer, then stop.
    while (acked.length < during + 50) await new Promise((r) => setTimeout(r, 5));
    stop = true;
    await Promise.all(load);
    expect(out).toMatch(/^Backup written: /);
    const files = listBackups(backups.path);
    expect(files).toHaveLength(1);
    backupFile = files[0]!.path;
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    // One self-contained file: no WAL beside it.
    expect(readdirSync(backups.path)).toEqual([files[0]!.path.split('/').pop()]);

    const db = new Database(backupFile, { readonly: true });
    try {
      const inBackup = new Map((db.prepare(`SELECT id, number FROM tickets`).all() as { id: number; number: string }[]).map((r) => [r.id, r.number]));
      const missing = ackedBefore.filter((k) => inBackup.get(k.id) !== k.number);
      expect(missing).toEqual([]);
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      db.close();
    }
  });

  it('never holds the key: the backup has no byte of it', () => {
    const keyFile = parseKeyFile(readFileSync(defaultKeyFile(t.dataDir), 'utf8'), 'key file');
    const bytes = readFileSync(backupFile);
    for (const k of keyFile.keys) {
      expect(bytes.includes(Buffer.from(k.key, 'base64'))).toBe(false);
      expect(bytes.includes(Buffer.from(k.key))).toBe(false);
    }
    expect(bytes.includes(Buffer.from(ID))).toBe(false);
  });

  it('restore refuses while a host holds the data folder', async () => {
    await expect(restoreCommand(['--from', backupFile, '--data-dir', t.dataDir], {})).rejects.toThrow(DatabaseInUseError);
  });

  it('restore refuses without the key the backup was sealed with, and a backup from a newer schema', async () => {
    await expect(restoreCommand(['--from', backupFile, '--data-dir', fresh.path], {})).rejects.toThrow(/does not hold.*keys -- import/);
    const newer = join(apart.path, 'newer.sqlite');
    copyFileSync(backupFile, newer);
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    await expect(restoreCommand(['--from', newer, '--data-dir', fresh.path], {})).rejects.toThrow(RestoreRefusedError);
    await expect(restoreCommand(['--from', newer, '--data-dir', fresh.path], {})).rejects.toThrow(/schema version 999, newer/);
    const notADatabase = join(apart.path, 'x.sqlite');
    copyFileSync(defaultKeyFile(t.dataDir), notADatabase);
    await expect(restoreCommand(['--from', notADatabase, '--data-dir', fresh.path], {})).rejects.toThrow(RestoreRefusedError);
  });

  it('restores into a fresh data folder with the exported key: every acknowledged ticket and the sealed case are back', async () => {
    const keyCopy = join(apart.path, 'hall.key');
    await keysCommand(['export', '--to', keyCopy, '--data-dir', t.dataDir], {});
    await keysCommand(['import', '--from', keyCopy, '--data-dir', fresh.path], {});
    const out = await restoreCommand(['--from', backupFile, '--data-dir', fresh.path], {});
    expect(out).toMatch(/^Restored .* ticket\(s\)\./);
    const host = await startHost({ dataDir: fresh.path, host: '127.0.0.1', port: 0, log: () => {} });
    try {
      const db = new Database(host.databasePath, { readonly: true });
      const restored = new Set((db.prepare(`SELECT id FROM tickets`).pluck().all() as number[]).map(String));
      db.close();
      expect(ackedBefore.filter((k) => !restored.has(String(k.id)))).toEqual([]);
      const code = host.issuePairingCode('kiosk', 'kiosk', 60_000).code;
      const paired = await fetch(`${host.url}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      const token = /yz_kiosk=([^;]+)/.exec(paired.headers.get('set-cookie') ?? '')?.[1] ?? '';
      const progress = await fetch(`${host.url}/api/applications/progress?case=${caseNumber}&last4=${ID.slice(-4)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(progress.status).toBe(200);
    } finally {
      await host.close();
    }
  });

  it('restoring over an existing database keeps the replaced one beside it', async () => {
    const out = await restoreCommand(['--from', backupFile, '--data-dir', fresh.path], {}, Date.UTC(2026, 10, 24));
    const previous = join(fresh.path, 'backups', 'before-restore-20261124T000000000Z.sqlite');
    expect(out).toContain(previous);
    expect(statSync(previous).mode & 0o777).toBe(0o600);
    const db = new Database(previous, { readonly: true });
    try {
      expect(db.prepare(`SELECT count(*) FROM tickets`).pluck().get()).toBeGreaterThanOrEqual(ackedBefore.length);
    } finally {
      db.close();
    }
  });
});

describe('scheduled backups in the host', () => {
  it('backs up once a day by the host clock and keeps the newest N', async () => {
    const data = tempDir();
    const dir = tempDir('yizhan-backups-');
    let now = Date.UTC(2026, 10, 24, 19, 0, 0);
    const opened = openDatabase(data.path);
    const logs: string[] = [];
    const task = scheduledBackup(
      opened.db,
      { dir: dir.path, keep: 2 },
      () => now,
      (l) => logs.push(l),
    );
    try {
      await task.check();
      expect(listBackups(dir.path).map((b) => b.at)).toEqual([now]);
      now += DAY / 2;
      await task.check();
      expect(listBackups(dir.path)).toHaveLength(1);
      for (let d = 0; d < 3; d++) {
        now += DAY;
        await task.check();
      }
      expect(listBackups(dir.path).map((b) => b.at)).toEqual([now, now - DAY]);
      expect(logs.filter((l) => l.startsWith('backup: wrote'))).toHaveLength(4);
      // A restart the same day takes no second backup: the newest file says when the last was.
      const again = scheduledBackup(
        opened.db,
        { dir: dir.path, keep: 2 },
        () => now + 1000,
        () => {},
      );
      await again.check();
      await again.stop();
      expect(listBackups(dir.path)).toHaveLength(2);
    } finally {
      await task.stop();
      opened.db.close();
      data.remove();
      dir.remove();
    }
  });
});
