import { safeStorage } from 'electron';
import { closeSync, openSync, writeSync } from 'node:fs';
import { defaultKeyFile, keyFileStore, WRAPPED_MAGIC, type KeyCodec, type KeyStore } from '../host/keys/key-store.js';

/**
 * The key file wrapped with the operating system's secret store (DPAPI, Keychain, libsecret)
 * through safeStorage: a copy of the data folder alone then carries no usable key. Where there is
 * no real secret store (Linux's "basic_text"), the file stays plain, readable by its owner only.
 */
function safeCodec(): KeyCodec | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    decode(bytes) {
      if (bytes.subarray(0, WRAPPED_MAGIC.length).equals(WRAPPED_MAGIC))
        return { text: safeStorage.decryptString(bytes.subarray(WRAPPED_MAGIC.length)), rewrap: false };
      // A plain key file (made by a headless host, or imported): wrapped from now on.
      return { text: bytes.toString('utf8'), rewrap: true };
    },
    encode: (text) => Buffer.concat([WRAPPED_MAGIC, safeStorage.encryptString(text)]),
  };
}

/** The host's key store in the desktop app: the key file, wrapped when the platform can. */
export function desktopKeyStore(dataDir: string, keyFile: string | undefined): KeyStore {
  const codec = safeCodec();
  const path = keyFile ?? defaultKeyFile(dataDir);
  return codec ? keyFileStore(path, codec) : keyFileStore(path);
}

/** `--export-key <file>`: a plain copy (mode 0600) of the wrapped key, to keep apart from the backups. */
export function exportKey(store: KeyStore, to: string): void {
  const text = store.read();
  if (text === null) throw new Error(`there is no key file at ${store.location} yet (the first start makes it)`);
  const fd = openSync(to, 'wx', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
