import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appRoot } from './app-root.js';
import type { FieldCipher } from './field-cipher.js';
import { loadMigrations, migrate } from './migrate.js';
import { SEAL_AFTER_MIGRATION, sealClearColumns } from './seal-clear-columns.js';
import { SEAL_NOTES_AFTER_MIGRATION, sealRectificationNotes } from './seal-rectification-notes.js';

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  path: string;
  schemaVersion: number;
}

export interface OpenOptions {
  nativeBinding?: string;
  /** Seals the personal data an older database holds in clear (migration 007); needed only then. */
  cipher?: FieldCipher;
  /** This process alone (a restore, a key rotation): refused while a host has the database open. */
  exclusive?: boolean;
}

export const DATABASE_FILE = 'yizhan.sqlite';

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
  constructor(readonly path: string) {
    super(`${path} is in use by a running Yizhan host (or a restore or key rotation): stop it first, then try again.`);
  }
}

/**
 * The connection settings every writer uses, also applied by the benchmark's raw baseline so that
 * the two are compared at the same durability.
 */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL, not NORMAL: in WAL mode NORMAL skips the fsync at each commit, so a transaction that was
  // committed (and a ticket number already shown to a citizen) can vanish on a power cut. FULL
  // syncs the WAL before COMMIT returns, so whatever we acknowledged survives kill -9 and power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Several processes may share a hall database (the hub, a CLI); wait rather than fail at once.
  db.pragma('busy_timeout = 5000');
  // Deleted and overwritten content is zeroed, not left in free pages: a purged name is gone.
  db.pragma('secure_delete = ON');
}

/**
 * Checkpoints the WAL into the database and truncates it, vacuums, and truncates again: after
 * sealing or purging, no earlier version of a page survives in either file.
 */
export function scrubFreedPages(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

const isBusy = (err: unknown) => /^SQLITE_BUSY/.test((err as { code?: string }).code ?? '');

/** A connection with the usual settings and no migration: what backup and restore need. */
export function connect(path: string, options: Omit<OpenOptions, 'cipher'> = {}): Db {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    if (options.exclusive) {
      // Set before the first read: SQLite then holds the file's lock until this connection closes,
      // and a host that starts meanwhile is refused instead of seeing half a restore.
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('busy_timeout = 1000');
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    }
    applyPragmas(db);
    return db;
  } catch (err) {
    db.close();
    throw isBusy(err) ? new DatabaseInUseError(path) : err;
  }
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): OpenedDatabase {
  const path = join(dataDir, DATABASE_FILE);
  const db = connect(path, options);
  try {
    let sealed = 0;
    const steps = {
      [SEAL_AFTER_MIGRATION]: () => void (sealed += sealClearColumns(db, options.cipher)),
      [SEAL_NOTES_AFTER_MIGRATION]: () => void (sealed += sealRectificationNotes(db, options.cipher)),
    };
    const schemaVersion = migrate(db, loadMigrations(join(appRoot(), 'db', 'migrations')), steps);
    // The clear values are gone from the tables; make them leave the file and the WAL too.
    if (sealed > 0) scrubFreedPages(db);
    return { db, path, schemaVersion };
  } catch (err) {
    db.close();
    throw isBusy(err) ? new DatabaseInUseError(path) : err;
  }
}
