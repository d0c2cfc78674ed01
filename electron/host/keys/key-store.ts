import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KeyFileError, newKeyFile, parseKeyFile, serializeKeyFile, type KeyFile } from './key-file.js';

/** Where the key file's content lives: a plain file, or (in the desktop shell) one wrapped by safeStorage. */
export interface KeyStore {
  /** A path, for messages. */
  readonly location: string;
  /** The key file's text, or null when there is none yet. */
  read(): string | null;
  /** Replaces the content atomically and durably. */
  write(content: string): void;
}

/** How the file's bytes hold the text: plain UTF-8, or wrapped (the shell's safeStorage). */
export interface KeyCodec {
  decode(bytes: Buffer): { text: string; rewrap: boolean };
  encode(text: string): Buffer;
}

/** First bytes of a key file wrapped by the desktop shell's safeStorage (electron/shell/safe-key-codec.ts). */
export const WRAPPED_MAGIC = Buffer.from('YZSAFE1\n', 'ascii');

const plainCodec: KeyCodec = {
  decode(bytes) {
    if (bytes.subarray(0, WRAPPED_MAGIC.length).equals(WRAPPED_MAGIC))
      throw new KeyFileError(
        'this key file is wrapped by the desktop app (Electron safeStorage): only the app, on this machine and account, can read it. ' +
          'Export it from there, or run this command with a plain copy (--key-file).',
      );
    return { text: bytes.toString('utf8'), rewrap: false };
  },
  encode: (text) => Buffer.from(text, 'utf8'),
};

/** <dataDir>/keys/yizhan.key: beside the database, never in it, and never in a backup of it. */
export function defaultKeyFile(dataDir: string): string {
  return join(dataDir, 'keys', 'yizhan.key');
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  }
}

/**
 * The key file on disk, readable by the service user only: created with mode 0600 in a 0700
 * folder, and refused (the host will not start) when it exists with looser permissions, since
 * then anyone on the machine may have copied it.
 */
export function keyFileStore(path: string, codec: KeyCodec = plainCodec): KeyStore {
  const store: KeyStore = {
    location: path,
    read() {
      let mode: number;
      try {
        const st = statSync(path);
        if (!st.isFile()) throw new KeyFileError(`${path} is not a file`);
        mode = st.mode;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      // Windows has no such bits: there the folder's ACL (the user's profile) protects it.
      if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
        throw new KeyFileError(
          `the key file ${path} can be read by other users (mode ${(mode & 0o777).toString(8)}); ` +
            `make it private with "chmod 600 ${path}" (and consider "npm run keys -- rotate" if it may have been copied)`,
        );
      }
      const { text, rewrap } = codec.decode(readFileSync(path));
      if (rewrap) store.write(text);
      return text;
    },
    write(content) {
      const dir = dirname(path);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = `${path}.${process.pid}.tmp`;
      // Left by a crash of an earlier process with this pid: never holds anything the file lacks.
      rmSync(tmp, { force: true });
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        writeSync(fd, codec.encode(content));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, path);
      fsyncDir(dir);
    },
  };
  return store;
}

/** The keys, made on first start. */
export function loadOrCreateKeys(store: KeyStore, now: number, log: (line: string) => void): KeyFile {
  const text = store.read();
  if (text !== null) return parseKeyFile(text, store.location);
  const file = newKeyFile(now);
  store.write(serializeKeyFile(file));
  log(`keys: created ${store.location}; keep a copy apart from the backups (npm run keys -- export --to FILE)`);
  return file;
}
