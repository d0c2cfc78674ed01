import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, SchemaTooNewError } from '../../db/migrate.js';
import { DATABASE_FILE, openDatabase } from '../../db/open.js';
import { tempDir } from '../support/temp-dir.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function dir() {
  const d = tempDir();
  cleanups.push(d.remove);
  return d.path;
}

describe('database opening and migrations', () => {
  it('creates, migrates and configures a new database', () => {
    const { db, path, schemaVersion } = openDatabase(dir());
    try {
      expect(schemaVersion).toBeGreaterThanOrEqual(1);
      expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(path.endsWith(DATABASE_FILE)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('declares every table STRICT', () => {
    const { db } = openDatabase(dir());
    try {
      const tables = db
        .prepare<[], { name: string; strict: number }>(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`)
        .all();
      expect(tables.length).toBeGreaterThan(3);
      for (const t of tables) expect({ table: t.name, strict: t.strict }).toEqual({ table: t.name, strict: 1 });
    } finally {
      db.close();
    }
  });

  it('is idempotent: reopening keeps data and version', () => {
    const d = dir();
    const first = openDatabase(d);
    first.db.prepare(`INSERT INTO windows (number, name) VALUES (99, 'test')`).run();
    first.db.close();
    const second = openDatabase(d);
    try {
      expect(second.schemaVersion).toBe(first.schemaVersion);
      expect(second.db.prepare(`SELECT name FROM windows WHERE number = 99`).pluck().get()).toBe('test');
    } finally {
      second.db.close();
    }
  });

  it('refuses a database written by a newer version, without changing it', () => {
    const d = dir();
    const raw = new Database(join(d, DATABASE_FILE));
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(d)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(d)).toThrow(/schema version 999.*newer Yizhan/s);
    const check = new Database(join(d, DATABASE_FILE));
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('rolls back every pending migration when one fails', () => {
    const d = dir();
    const migrations = join(d, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '001_a.sql'), 'CREATE TABLE a (x INTEGER) STRICT;');
    writeFileSync(join(migrations, '002_b.sql'), 'CREATE TABLE b (x INTEGER) STRICT; THIS IS NOT SQL;');
    const db = new Database(':memory:');
    expect(() => migrate(db, loadMigrations(migrations))).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'a'`).pluck().get()).toBe(0);
    db.close();
  });

  it('rejects gaps and badly named migration files', () => {
    const d = dir();
    writeFileSync(join(d, '001_a.sql'), '');
    writeFileSync(join(d, '003_c.sql'), '');
    expect(() => loadMigrations(d)).toThrow(/without gaps/);
    const e = dir();
    writeFileSync(join(e, 'init.sql'), '');
    expect(() => loadMigrations(e)).toThrow(/001_name\.sql/);
  });
});
