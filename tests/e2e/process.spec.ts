import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { redeemLink, startHubProcess } from '../../scripts/lib/hub-process.js';

type Issued = { ticket: { number: string } };

async function take(url: string, token: string, line: string): Promise<string> {
  const res = await fetch(`${url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ line }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as Issued).ticket.number;
}

test.describe('the hub process', () => {
  test('stops cleanly on SIGTERM and reports health', async () => {
    const hub = await startHubProcess();
    try {
      // The database's path is told to an admin terminal only (the banner's admin link pairs one).
      const admin = await redeemLink(hub.links.admin ?? '');
      const health = (await (await fetch(`${hub.url}/api/health`, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
        databasePath: string;
        schemaVersion: number;
      };
      expect(health.databasePath).toBe(join(hub.dataDir, 'yizhan.sqlite'));
      expect(health.schemaVersion).toBeGreaterThan(0);
      expect(Object.keys(hub.links).sort()).toEqual(['admin', 'booth', 'clerk', 'display', 'kiosk']);
      expect(await hub.stop()).toBe(0);
      expect(hub.output()).toContain('SIGTERM: stopping');
    } finally {
      hub.removeDataDir();
    }
  });

  test('keeps every acknowledged ticket through kill -9, and numbering continues', async () => {
    const first = await startHubProcess();
    const dataDir = first.dataDir;
    try {
      const kiosk = await redeemLink(first.links.kiosk!);
      // Tickets in flight when the kill lands may or may not be stored; acknowledged ones must be.
      const acknowledged: string[] = [];
      const inFlight = Array.from({ length: 40 }, () =>
        take(first.url, kiosk, 'household').then(
          (n) => acknowledged.push(n),
          () => undefined,
        ),
      );
      await Promise.all(inFlight.slice(0, 20));
      await first.kill();
      await Promise.all(inFlight);
      expect(acknowledged.length).toBeGreaterThanOrEqual(20);

      const db = new Database(join(dataDir, 'yizhan.sqlite'), { readonly: true });
      const stored = new Set(db.prepare(`SELECT number FROM tickets`).pluck().all() as string[]);
      db.close();
      for (const n of acknowledged) expect(stored.has(n), `acknowledged ${n} lost`).toBe(true);

      const second = await startHubProcess({ dataDir });
      try {
        const kiosk2 = await redeemLink(second.links.kiosk!);
        const next = await take(second.url, kiosk2, 'household');
        expect(next).toBe(`A${String(stored.size + 1).padStart(3, '0')}`);
      } finally {
        expect(await second.stop()).toBe(0);
      }
    } finally {
      first.removeDataDir();
    }
  });

  test('refuses a database from a newer version with a clear message, leaving it untouched', async () => {
    const hub = await startHubProcess();
    const dataDir = hub.dataDir;
    await hub.stop();
    const db = new Database(join(dataDir, 'yizhan.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    await expect(startHubProcess({ dataDir })).rejects.toThrow(/schema version 999.*newer Yizhan/s);
    const check = new Database(join(dataDir, 'yizhan.sqlite'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
    hub.removeDataDir();
  });

  test('rejects unknown flags and bad values with the usage text', async () => {
    await expect(startHubProcess({ args: ['--port', 'ninety'] })).rejects.toThrow(/Invalid options[\s\S]*--port[\s\S]*Usage/);
    await expect(startHubProcess({ args: ['--colour', 'red'] })).rejects.toThrow(/Unknown option[\s\S]*Usage/);
  });

  test('takes its data directory from YIZHAN_DATA_DIR, and --data-dir over it', async () => {
    const viaEnv = await startHubProcess({ dataDirVia: 'env' });
    try {
      const admin = await redeemLink(viaEnv.links.admin ?? '');
      const health = (await (await fetch(`${viaEnv.url}/api/health`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { databasePath: string };
      expect(health.databasePath).toBe(join(viaEnv.dataDir, 'yizhan.sqlite'));
    } finally {
      await viaEnv.stop();
      viaEnv.removeDataDir();
    }
    const viaFlag = await startHubProcess({ env: { YIZHAN_DATA_DIR: '/nonexistent/must-not-be-used' } });
    try {
      const adminFlag = await redeemLink(viaFlag.links.admin ?? '');
      const health = (await (await fetch(`${viaFlag.url}/api/health`, { headers: { authorization: `Bearer ${adminFlag}` } })).json()) as {
        databasePath: string;
      };
      expect(health.databasePath).toBe(join(viaFlag.dataDir, 'yizhan.sqlite'));
    } finally {
      await viaFlag.stop();
      viaFlag.removeDataDir();
    }
  });
});
