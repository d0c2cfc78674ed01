import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** Reads db/migrations/NNN_name.sql, checking the numbers run 1, 2, 3 … with no gap or repeat. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const m = FILE_PATTERN.exec(file);
      if (!m) throw new Error(`Migration file name "${file}" must look like 001_name.sql`);
      return { version: Number(m[1]), name: m[2] ?? file, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3 … without gaps; found ${m.version} at position ${i + 1}`);
  });
  return migrations;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database has schema version ${found}, but this version of Yizhan understands up to ${supported}. ` +
        'It was written by a newer Yizhan: upgrade this terminal, or point it at another data directory. ' +
        'The file has not been changed.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Work SQL cannot do, run right after the migration of that name (by name, so renumbering a
 * migration keeps its step): sealing personal data with a key that only the host holds.
 */
export type MigrationSteps = Readonly<Record<string, () => void>>;

/**
 * Brings the schema up to date. All pending migrations (and their steps) run in one transaction
 * together with the PRAGMA user_version bump, so a crash mid-way leaves the previous version
 * intact, never half of one. Returns the schema version now in force.
 */
export function migrate(db: Database, migrations: readonly Migration[], steps: MigrationSteps = {}): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  if (current === latest) return current;
  const apply = db.transaction(() => {
    for (const m of migrations.slice(current)) {
      db.exec(m.sql);
      steps[m.name]?.();
    }
    // PRAGMA does not take bound parameters; latest is an integer we computed.
    db.pragma(`user_version = ${latest}`);
  });
  apply.immediate();
  return latest;
}
