import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appRoot } from './app-root.js';
import { loadMigrations, migrate } from './migrate.js';

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  path: string;
  schemaVersion: number;
}

export const DATABASE_FILE = 'yizhan.sqlite';

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
}

export function openDatabase(dataDir: string, options: { nativeBinding?: string } = {}): OpenedDatabase {
  const path = join(dataDir, DATABASE_FILE);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    applyPragmas(db);
    const schemaVersion = migrate(db, loadMigrations(join(appRoot(), 'db', 'migrations')));
    return { db, path, schemaVersion };
  } catch (err) {
    db.close();
    throw err;
  }
}
