import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

const FILE_PATTERN = /^(\d{3})_([a-z0-9_]+)\.sql$/;
/** Any constant: two city processes starting together take turns to migrate. */
const MIGRATION_LOCK = 160_016;

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** city/migrations/NNN_name.sql, numbered 1, 2, 3 … without gaps (the hub's rule, db/migrate.ts). */
export function loadPgMigrations(dir: string): PgMigration[] {
  const list = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const m = FILE_PATTERN.exec(file);
      if (!m) throw new Error(`Migration file name "${file}" must look like 001_name.sql`);
      return { version: Number(m[1]), name: m[2] ?? file, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`City migrations must be numbered 1, 2, 3 … without gaps; found ${m.version} at ${i + 1}`);
  });
  return list;
}

/**
 * Applies the pending migrations, each in its own transaction together with its row in
 * schema_migrations (PostgreSQL's DDL is transactional, so a failed one leaves nothing behind).
 * Returns the version now in force.
 */
export async function migratePg(pool: Pool, migrations: readonly PgMigration[]): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = done.rows[0]?.v ?? 0;
    if (current > migrations.length) throw new Error(`The city database has schema ${current}; this city service knows up to ${migrations.length}`);
    for (const m of migrations.slice(current)) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return migrations.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
