import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { fieldCipher } from '../../db/field-cipher.js';
import { scrubFreedPages } from '../../db/open.js';
import { keyIdsInUse, resealStale } from '../../db/sealed-columns.js';
import { keyringOf, merged, parseKeyFile, rotated, serializeKeyFile, withoutKeys, type KeyFile } from '../../electron/host/keys/key-file.js';
import { keyFileStore } from '../../electron/host/keys/key-store.js';
import { openWithKeys } from '../../electron/host/keys/open-with-keys.js';
import { CommandError, dataOptions, type DataOptions } from './data-options.js';

export const KEYS_USAGE = `Usage: npm run keys -- <command> [--data-dir <dir>] [--key-file <file>]
  status                 the keys, which is current, and how many values each one sealed
  rotate                 a new current key; every value sealed again under it; the old key retired
                         (kept to open older backups). The host must be stopped.
  export --to <file>     a copy of the key file, to keep apart from the database backups
  import --from <file>   adds the keys of an exported file (after a restore, or on a new machine)
  drop-retired           forgets retired keys once nothing in the database uses them (backups
                         sealed with them can then no longer be read). The host must be stopped.`;

function readKeys(o: DataOptions): KeyFile {
  const text = keyFileStore(o.keyFile).read();
  if (text === null) throw new CommandError(`There is no key file at ${o.keyFile} (the host makes it on its first start).`);
  return parseKeyFile(text, o.keyFile);
}

function describe(file: KeyFile, used: Map<number, number> | null): string {
  return file.keys
    .map((k) => {
      const role = k.id === file.current ? 'current' : `retired ${k.retiredAt ?? ''}`;
      return `  key ${k.id}  ${role.padEnd(32)} made ${k.createdAt}${used ? `  ${used.get(k.id) ?? 0} value(s)` : ''}`;
    })
    .join('\n');
}

/** Writes a new file, never over an existing one, readable by its owner only. */
function writeNewPrivateFile(path: string, content: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new CommandError(`${path} exists already; choose a new file`);
    throw err;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

/** Opens the database alone (refused while a host runs), with the keys; reseals stale values first. */
function openAlone(o: DataOptions, now: number) {
  if (!existsSync(o.databasePath)) throw new CommandError(`There is no database at ${o.databasePath}.`);
  return openWithKeys({ dataDir: o.dataDir, keyFile: o.keyFile, exclusive: true }, now, () => {});
}

export async function keysCommand(argv: string[], env: NodeJS.ProcessEnv, now = Date.now()): Promise<string> {
  const o = dataOptions(argv, env, ['to', 'from'], KEYS_USAGE);
  const [command] = o.positionals;
  switch (command) {
    case 'status': {
      const file = readKeys(o);
      let used: Map<number, number> | null = null;
      if (existsSync(o.databasePath)) {
        const db = new Database(o.databasePath, { readonly: true });
        try {
          used = keyIdsInUse(db);
        } finally {
          db.close();
        }
      }
      return `Key file ${o.keyFile}:\n${describe(file, used)}`;
    }

    case 'rotate': {
      const before = readKeys(o);
      const { opened, keys } = openAlone(o, now);
      try {
        const after = rotated(keys, now);
        // The key file first: should the sealing below not finish, the values stay under the
        // retired key, which is still in the file, and the host's next start seals them again.
        keyFileStore(o.keyFile).write(serializeKeyFile(after));
        const n = resealStale(opened.db, fieldCipher(keyringOf(after)));
        scrubFreedPages(opened.db);
        return [
          `Key ${after.current} is now current; key ${before.current} is retired (kept to open older backups).`,
          `${n} value(s) sealed again under the new key.`,
          `Back up the key file again: npm run keys -- export --to <file>`,
        ].join('\n');
      } finally {
        opened.db.close();
      }
    }

    case 'export': {
      const to = o.values['to'];
      if (typeof to !== 'string') throw new CommandError(KEYS_USAGE);
      const file = readKeys(o);
      writeNewPrivateFile(to, serializeKeyFile(file));
      return [
        `Wrote ${to} (${file.keys.length} key(s), mode 600).`,
        'Keep it apart from the database backups (another medium, a safe): a backup cannot be read',
        'without it, and whoever holds both can read every name and ID number in them.',
      ].join('\n');
    }

    case 'import': {
      const from = o.values['from'];
      if (typeof from !== 'string') throw new CommandError(KEYS_USAGE);
      const theirs = parseKeyFile(readFileSync(from, 'utf8'), from);
      const store = keyFileStore(o.keyFile);
      const text = store.read();
      const mine = text === null ? null : parseKeyFile(text, o.keyFile);
      const next = merged(mine, theirs, now);
      const added = next.keys.filter((k) => !mine?.keys.some((m) => m.id === k.id)).map((k) => k.id);
      store.write(serializeKeyFile(next));
      return added.length === 0
        ? `${o.keyFile} already held every key of ${from}.`
        : `Added key(s) ${added.join(', ')} to ${o.keyFile}.\n${describe(next, null)}`;
    }

    case 'drop-retired': {
      const { opened, keys } = openAlone(o, now);
      try {
        const used = keyIdsInUse(opened.db);
        const retired = keys.keys.filter((k) => k.id !== keys.current && !used.has(k.id)).map((k) => k.id);
        if (retired.length === 0) return 'No retired key to drop.';
        keyFileStore(o.keyFile).write(serializeKeyFile(withoutKeys(keys, new Set(retired))));
        return `Dropped retired key(s) ${retired.join(', ')}. Backups sealed with them can no longer be read.`;
      } finally {
        opened.db.close();
      }
    }

    default:
      throw new CommandError(KEYS_USAGE);
  }
}
