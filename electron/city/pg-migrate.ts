import type { Pool } from 'pg';
import { loadMigrations, type Migration } from '../../db/migrate.js';

/** Any constant: two city processes starting together take turns to migrate. */
const MIGRATION_LOCK = 160_016;

export type PgMigration = Migration;

/** city/migrations/NNN_name.sql, under the hub's own rule for names and numbering (db/migrate.ts). */
export const loadPgMigrations = loadMigrations;

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
