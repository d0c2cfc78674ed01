import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../db/open.js';
import { KeyFileError, parseKeyFile } from '../../electron/host/keys/key-file.js';
import { defaultKeyFile, keyFileStore, WRAPPED_MAGIC } from '../../electron/host/keys/key-store.js';
import { startHost } from '../../electron/host/start-host.js';
import { findTexts } from '../support/folder-scan.js';
import { tempDir } from '../support/temp-dir.js';
import { startTestHost } from '../support/test-host.js';

const start = (dataDir: string, extra: { keyFile?: string } = {}) => startHost({ dataDir, host: '127.0.0.1', port: 0, log: () => {}, ...extra });
const mode = (path: string) => statSync(path).mode & 0o777;

describe('the key file', () => {
  it('is made on first start in <dataDir>/keys, private to the service user, and never in the database', async () => {
    const dir = tempDir();
    try {
      const host = await start(dir.path);
      await host.close();
      const path = defaultKeyFile(dir.path);
      expect(path).toBe(join(dir.path, 'keys', 'yizhan.key'));
      expect(mode(path)).toBe(0o600);
      expect(mode(join(dir.path, 'keys'))).toBe(0o700);
      const file = parseKeyFile(readFileSync(path, 'utf8'), path);
      expect(file.keys).toHaveLength(1);
      const key = Buffer.from(file.keys[0]!.key, 'base64');
      const db = readFileSync(join(dir.path, DATABASE_FILE));
      expect(db.includes(key)).toBe(false);
      expect(findTexts(dir.path, [file.keys[0]!.key]).filter((h) => !h.startsWith('keys'))).toEqual([]);
      // The second start uses the same key.
      await (await start(dir.path)).close();
      expect(parseKeyFile(readFileSync(path, 'utf8'), path)).toEqual(file);
    } finally {
      dir.remove();
    }
  });

  // File modes mean nothing on Windows, where the key file is guarded by its ACL instead.
  it.skipIf(process.platform === 'win32')('refuses to start when others may read the key file', async () => {
    const dir = tempDir();
    try {
      await (await start(dir.path)).close();
      chmodSync(defaultKeyFile(dir.path), 0o644);
      await expect(start(dir.path)).rejects.toThrow(KeyFileError);
      await expect(start(dir.path)).rejects.toThrow(/chmod 600/);
      chmodSync(defaultKeyFile(dir.path), 0o600);
      await (await start(dir.path)).close();
    } finally {
      dir.remove();
    }
  });

  it('lives where --key-file says; without it, sealed data refuses to start rather than be unreadable', async () => {
    const keys = tempDir();
    const keyFile = join(keys.path, 'hall.key');
    const t = await startTestHost({ keyFile });
    try {
      const sup = await t.supervisor();
      const booked = await t.request('/api/appointments', {
        method: 'POST',
        ...sup,
        body: { line: 'household', slotStart: Date.now() + 3_600_000, idNumber: '440304199001011233', name: '区志强' },
      });
      expect(booked.status).toBe(200);
      await t.host.close();
      expect(existsSync(keyFile)).toBe(true);
      expect(existsSync(defaultKeyFile(t.dataDir))).toBe(false);
      // Started without it: a new key is made, but the booking was sealed with the other one.
      await expect(start(t.dataDir)).rejects.toThrow(/sealed with key \d+, which .* does not hold/);
      await (await start(t.dataDir, { keyFile })).close();
    } finally {
      await t.stop();
      keys.remove();
    }
  });

  it('reads a plain key file, and refuses (with the reason) one the desktop app wrapped with safeStorage', () => {
    const dir = tempDir();
    try {
      const path = join(dir.path, 'k');
      writeFileSync(path, Buffer.concat([WRAPPED_MAGIC, Buffer.from('opaque')]), { mode: 0o600 });
      expect(() => keyFileStore(path).read()).toThrow(/safeStorage/);
      keyFileStore(path).write('{"x":1}');
      expect(keyFileStore(path).read()).toBe('{"x":1}');
      expect(mode(path)).toBe(0o600);
    } finally {
      dir.remove();
    }
  });
});
