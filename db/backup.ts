import Database from 'better-sqlite3';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './open.js';

/** yizhan-20261124T020000123Z.sqlite: the moment (UTC) the backup was taken, sortable by name. */
const NAME = /^yizhan-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.sqlite$/;

export function backupFileName(at: number): string {
  return `yizhan-${new Date(at).toISOString().replace(/[-:.]/g, '')}.sqlite`;
}

export interface BackupFile {
  path: string;
  at: number;
}

/** The backups in a folder (files named by backupFileName), newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => {
      const m = NAME.exec(name);
      if (!m) return null;
      const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
      return { path: join(dir, name), at: Date.UTC(y, mo - 1, d, h, mi, s, ms) };
    })
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => b.at - a.at);
}

/** Deletes all but the newest `keep` backups; returns what it deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const b of old) rmSync(b.path, { force: true });
  return old.map((b) => b.path);
}

function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // A folder cannot be opened for fsync on Windows.
  }
}

/**
 * A consistent copy of the live database (SQLite's online backup, while tickets keep being
 * issued) into `dir`: written beside as .partial, checked, made a self-contained single file
 * (rollback journal, not WAL), readable by its owner only, then renamed into place. The key is not
 * in it: values stay sealed, and the key file is backed up apart (npm run keys -- export).
 *
 * `pagesPerStep`: the host copies in small steps between requests (its own writes update the copy
 * as it goes); another process copies in one step, since a write by the host restarts a copy that
 * is in progress.
 */
export async function backupDatabase(db: Db, dir: string, at: number, pagesPerStep = 1_000_000_000): Promise<string> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, backupFileName(at));
  if (existsSync(path)) throw new Error(`${path} exists already`);
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial, { progress: () => pagesPerStep });
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy does not pass quick_check: ${String(check)}`);
    } finally {
      copy.close();
    }
    chmodSync(partial, 0o600);
    fsyncPath(partial);
    renameSync(partial, path);
    fsyncPath(dir);
    return path;
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}
