import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { connect, DATABASE_FILE, scrubFreedPages, type Db } from './open.js';
import { keyIdsInUse } from './sealed-columns.js';

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

export interface BackupInfo {
  userVersion: number;
  /** Keys whose values the backup holds (by id): the key file must have them to read it. */
  keyIds: number[];
  tickets: number;
}

/** Reads a backup without changing it: is it a whole Yizhan database this build understands? */
export function inspectBackup(file: string, supportedVersion: number): BackupInfo {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new RestoreRefusedError(`cannot open ${file}: ${(err as Error).message}`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new RestoreRefusedError(`${file} is damaged (quick_check: ${String(check)})`);
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (userVersion > supportedVersion)
      throw new RestoreRefusedError(
        `${file} has schema version ${userVersion}, newer than this version of Yizhan understands (${supportedVersion}): restore it with the version that made it`,
      );
    if (!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tickets'`).get())
      throw new RestoreRefusedError(`${file} is not a Yizhan database (no tickets table)`);
    const tickets = (db.prepare(`SELECT count(*) AS n FROM tickets`).get() as { n: number }).n;
    return { userVersion, keyIds: [...keyIdsInUse(db).keys()].sort((a, b) => a - b), tickets };
  } catch (err) {
    if (err instanceof RestoreRefusedError) throw err;
    throw new RestoreRefusedError(`${file} cannot be read as a database: ${(err as Error).message}`);
  } finally {
    db.close();
  }
}

type SchemaRow = { type: string; name: string; sql: string | null };

/**
 * Replaces the data folder's database with a backup, under an exclusive lock taken first: a
 * running host (or one starting meanwhile) makes it refuse rather than pull the file from under
 * it. The copy is one transaction inside that lock: the previous content stays until it commits.
 * A backup of an older schema is copied as it is; the next start migrates it (and seals what an
 * older version kept in clear).
 */
export async function restoreBackup(
  dataDir: string,
  file: string,
  supportedVersion: number,
  /** Where to keep a copy of the database being replaced (when it holds any tables). */
  savePreviousTo: string,
): Promise<{ info: BackupInfo; savedPrevious: string | null }> {
  const info = inspectBackup(file, supportedVersion);
  const db = connect(join(dataDir, DATABASE_FILE), { exclusive: true });
  try {
    let savedPrevious: string | null = null;
    if (db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table'`).get()) {
      mkdirSync(dirname(savePreviousTo), { recursive: true, mode: 0o700 });
      await db.backup(savePreviousTo);
      chmodSync(savePreviousTo, 0o600);
      savedPrevious = savePreviousTo;
    }
    // Tables are dropped and made again in an order foreign keys would refuse; checked after.
    db.pragma('foreign_keys = OFF');
    db.prepare(`ATTACH DATABASE ? AS backup`).run(file);
    try {
      db.transaction(() => {
        const mine = db.prepare<[], SchemaRow>(`SELECT type, name, sql FROM main.sqlite_schema WHERE name NOT LIKE 'sqlite_%'`).all();
        for (const o of mine.filter((x) => x.type === 'trigger' || x.type === 'view')) db.exec(`DROP ${o.type.toUpperCase()} main."${o.name}"`);
        for (const o of mine.filter((x) => x.type === 'table')) db.exec(`DROP TABLE main."${o.name}"`);
        const theirs = db
          .prepare<[], SchemaRow>(
            `SELECT type, name, sql FROM backup.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
             ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid`,
          )
          .all();
        for (const o of theirs) {
          db.exec(o.sql ?? '');
          if (o.type === 'table') db.exec(`INSERT INTO main."${o.name}" SELECT * FROM backup."${o.name}"`);
        }
        const broken = db.pragma('main.foreign_key_check') as unknown[];
        if (broken.length > 0) throw new RestoreRefusedError(`the backup has ${broken.length} broken reference(s); nothing was changed`);
        db.pragma(`user_version = ${info.userVersion}`);
      }).immediate();
    } finally {
      db.exec('DETACH DATABASE backup');
    }
    db.pragma('foreign_keys = ON');
    // What the database held before leaves the file and its WAL.
    scrubFreedPages(db);
    return { info, savedPrevious };
  } finally {
    db.close();
  }
}
