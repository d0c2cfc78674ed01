import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationStore } from '../../db/applications.js';
import { appointmentStore } from '../../db/appointments.js';
import { DatabaseInUseError } from '../../db/open.js';
import { keyIdsInUse } from '../../db/sealed-columns.js';
import { KeyFileError, parseKeyFile, type KeyFile } from '../../electron/host/keys/key-file.js';
import { defaultKeyFile } from '../../electron/host/keys/key-store.js';
import { startHost } from '../../electron/host/start-host.js';
import { keysCommand } from '../../scripts/lib/keys-command.js';
import { findTexts } from '../support/folder-scan.js';
import { tempDir } from '../support/temp-dir.js';
import { cipherOf } from '../support/test-cipher.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);
const ID = '440304199001011233';
const NAME = '区志强';

const keys = (dataDir: string, ...args: string[]) => keysCommand([...args, '--data-dir', dataDir], {}, NOW + 1000);
const keyFileOf = (dataDir: string): KeyFile => parseKeyFile(readFileSync(defaultKeyFile(dataDir), 'utf8'), 'key file');

/** What a restarted host answers for the citizen: the booking by code and the progress query. */
async function readBack(dataDir: string, code: string, caseNumber: string): Promise<{ booking: unknown; progress: number }> {
  const host = await startHost({ dataDir, host: '127.0.0.1', port: 0, log: () => {}, clock: () => NOW });
  try {
    const pairing = host.issuePairingCode('kiosk', 'kiosk', 60_000).code;
    const paired = await fetch(`${host.url}/api/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: pairing }),
    });
    const auth = { authorization: `Bearer ${/yz_kiosk=([^;]+)/.exec(paired.headers.get('set-cookie') ?? '')?.[1] ?? ''}` };
    const lookup = (await (await fetch(`${host.url}/api/appointments/${code}`, { headers: auth })).json()) as Record<string, unknown>;
    // The sealed ID number, opened by the host to check the holder's (the lookup never hands it out).
    const idCheck = (
      await fetch(`${host.url}/api/appointments/check`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ code, idNumber: ID }),
      })
    ).status;
    const booking = { ...lookup, idCheck };
    const progress = (await fetch(`${host.url}/api/applications/progress?case=${caseNumber}&last4=${ID.slice(-4)}`, { headers: auth })).status;
    return { booking, progress };
  } finally {
    await host.close();
  }
}

describe('npm run keys', () => {
  let t: TestHost;
  let code = '';
  let caseNumber = '';

  beforeAll(async () => {
    t = await startTestHost({ clock: () => NOW });
    const sup = await t.supervisor();
    const kiosk = await t.pair('kiosk');
    // Two bookings (one used by the application below, one kept for the lookup) and an application.
    const book = () =>
      t.request('/api/appointments', { method: 'POST', ...sup, body: { line: 'household', slotStart: NOW + 600_000, idNumber: ID, name: NAME } });
    const used = ((await book()).body as { appointment: { code: string } }).appointment.code;
    code = ((await book()).body as { appointment: { code: string } }).appointment.code;
    const submitted = await t.request('/api/applications', {
      method: 'POST',
      token: kiosk,
      body: {
        requestId: randomUUID(),
        serviceCode: 'household_certificate',
        form: { name: NAME, idNumber: ID, phone: '13912345678', purpose: 'employment' },
        materials: ['id_card'],
        appointmentCode: used,
      },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    caseNumber = (submitted.body as { application: { caseNumber: string } }).application.caseNumber;
  });
  afterAll(() => t.stop());

  it('rotate is refused while the host runs on the data folder', async () => {
    await expect(keys(t.dataDir, 'rotate')).rejects.toThrow(DatabaseInUseError);
  });

  it('rotate: a new current key, every value sealed again under it (hashes too), the old key retired', async () => {
    await t.host.close();
    const before = keyFileOf(t.dataDir);
    const count = (db: Database.Database) => [...keyIdsInUse(db).values()].reduce((a, b) => a + b, 0);
    const db0 = new Database(t.host.databasePath, { readonly: true });
    const values = count(db0);
    db0.close();
    expect(values).toBeGreaterThanOrEqual(6);

    const out = await keys(t.dataDir, 'rotate');
    const after = keyFileOf(t.dataDir);
    expect(out).toContain(`Key ${after.current} is now current`);
    expect(after.current).not.toBe(before.current);
    expect(after.keys.find((k) => k.id === before.current)?.retiredAt).toBe(new Date(NOW + 1000).toISOString());
    expect(statSync(defaultKeyFile(t.dataDir)).mode & 0o777).toBe(0o600);

    const db = new Database(t.host.databasePath, { readonly: true });
    try {
      expect([...keyIdsInUse(db).entries()]).toEqual([[after.current, values]]);
      // The lookup hashes follow the key: the booking and the case are found by ID number.
      const cipher = cipherOf(t.dataDir);
      expect(appointmentStore(db, cipher).byIdNumber(ID)).toHaveLength(2);
      expect(
        applicationStore(db, cipher)
          .byApplicant(ID)
          .map((a) => a.case_number),
      ).toEqual([caseNumber]);
    } finally {
      db.close();
    }
    expect(await readBack(t.dataDir, code, caseNumber)).toEqual({
      booking: expect.objectContaining({ name: NAME, withIdNumber: true, idCheck: 200 }),
      progress: 200,
    });
    expect(findTexts(t.dataDir, [ID, NAME])).toEqual([]);
    expect(await keys(t.dataDir, 'status')).toMatch(new RegExp(`key ${after.current} +current .* ${values} value\\(s\\)`));
  });

  it('drop-retired forgets the retired key once nothing uses it; the data still reads', async () => {
    const out = await keys(t.dataDir, 'drop-retired');
    expect(out).toMatch(/^Dropped retired key/);
    expect(keyFileOf(t.dataDir).keys).toHaveLength(1);
    expect((await readBack(t.dataDir, code, caseNumber)).progress).toBe(200);
  });

  it('export and import: a key file kept apart brings back a data folder that lost its own', async () => {
    const apart = tempDir('yizhan-keys-');
    try {
      const copy = join(apart.path, 'hall.key');
      expect(await keys(t.dataDir, 'export', '--to', copy)).toContain('Keep it apart');
      expect(statSync(copy).mode & 0o777).toBe(0o600);
      expect(parseKeyFile(readFileSync(copy, 'utf8'), copy)).toEqual(keyFileOf(t.dataDir));
      await expect(keys(t.dataDir, 'export', '--to', copy)).rejects.toThrow(/exists already/);

      rmSync(defaultKeyFile(t.dataDir));
      // Without it the host makes a new key, and refuses to start: the data was sealed with the lost one.
      await expect(readBack(t.dataDir, code, caseNumber)).rejects.toThrow(KeyFileError);
      expect(await keys(t.dataDir, 'import', '--from', copy)).toMatch(/^Added key/);
      expect(await readBack(t.dataDir, code, caseNumber)).toEqual({ booking: expect.objectContaining({ name: NAME }), progress: 200 });
      // That start sealed everything again under the new current key: the imported one is unused.
      const db = new Database(t.host.databasePath, { readonly: true });
      try {
        expect([...keyIdsInUse(db).keys()]).toEqual([keyFileOf(t.dataDir).current]);
      } finally {
        db.close();
      }
    } finally {
      apart.remove();
    }
  });
});
