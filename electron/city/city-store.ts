import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { hallCredential, hallIdOfCredential } from '../domain/city/enrolment.js';
import type { FeedRecord, HallState } from '../domain/city/feed.js';
import { digestByDay, type DayDigest } from '../domain/city/reconciliation.js';
import { storeReportDays } from './city-report-store.js';
import type { PublishedCalendar } from '../domain/city/published-calendar.js';
import type { PublishedCatalog } from '../domain/city/published-catalog.js';
import type { PublishedRatingRules } from '../domain/city/published-rating-rules.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newCode(): string {
  const pick = () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? 'A';
  const part = () => Array.from({ length: 4 }, pick).join('');
  return `${part()}-${part()}`;
}

async function inTransaction<T>(pool: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await work(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export class EnrolmentRefused extends Error {}

/** The city's reads and writes, all through parameterised statements. */
export function cityStore(pool: Pool) {
  // What the city publishes (calendar, catalog values, 差评 rules): each a table of numbered versions
  // of one JSON column. Table and column names are constants of this file, never input.
  type PublishedTable = 'published_calendar' | 'published_catalog' | 'published_rating_rules';
  async function publish(table: PublishedTable, column: string, value: unknown): Promise<number> {
    const r = await pool.query<{ version: number }>(
      `INSERT INTO ${table} (version, ${column}) SELECT coalesce(max(version), 0) + 1, $1::jsonb FROM ${table} RETURNING version`,
      [JSON.stringify(value)],
    );
    return r.rows[0]?.version ?? 0;
  }
  async function latest<T extends object>(table: PublishedTable, columnAs: string): Promise<T | null> {
    const r = await pool.query<T>(`SELECT version, ${columnAs} FROM ${table} ORDER BY version DESC LIMIT 1`);
    return r.rows[0] ?? null;
  }

  return {
    async issueCode(hallId: string, ttlMs: number, now: number): Promise<string> {
      const code = newCode();
      await pool.query('INSERT INTO enrolment_codes (code_hash, hall_id, expires_at) VALUES ($1, $2, to_timestamp($3 / 1000.0))', [
        sha256(code),
        hallId,
        now + ttlMs,
      ]);
      return code;
    },

    /** Uses a code once; a hall enrolling again (a replaced hub) gets a new credential, the old one stops. */
    async enrol(code: string, hallName: string, now: number): Promise<{ hallId: string; credential: string }> {
      return inTransaction(pool, async (c) => {
        const found = await c.query<{ hall_id: string }>(
          `UPDATE enrolment_codes SET used_at = to_timestamp($2 / 1000.0)
           WHERE code_hash = $1 AND used_at IS NULL AND expires_at > to_timestamp($2 / 1000.0) RETURNING hall_id`,
          [sha256(code), now],
        );
        const hallId = found.rows[0]?.hall_id;
        if (!hallId) throw new EnrolmentRefused('This code is unknown, used or expired');
        const credential = hallCredential(hallId, randomBytes(32).toString('base64url'));
        await c.query(
          `INSERT INTO halls (hall_id, name, credential_hash) VALUES ($1, $2, $3)
           ON CONFLICT (hall_id) DO UPDATE SET name = EXCLUDED.name, credential_hash = EXCLUDED.credential_hash`,
          [hallId, hallName, sha256(credential)],
        );
        await c.query('INSERT INTO hall_progress (hall_id) VALUES ($1) ON CONFLICT DO NOTHING', [hallId]);
        return { hallId, credential };
      });
    },

    /** By the hall the credential names, then its hash compared; the older form by its hash alone. */
    async hallOfCredential(credential: string): Promise<string | null> {
      const named = hallIdOfCredential(credential);
      const r = named
        ? await pool.query<{ hall_id: string; credential_hash: string }>('SELECT hall_id, credential_hash FROM halls WHERE hall_id = $1', [named])
        : await pool.query<{ hall_id: string; credential_hash: string }>('SELECT hall_id, credential_hash FROM halls WHERE credential_hash = $1', [
            sha256(credential),
          ]);
      const row = r.rows[0];
      if (!row) return null;
      const given = Buffer.from(sha256(credential), 'hex');
      const held = Buffer.from(row.credential_hash, 'hex');
      return given.length === held.length && timingSafeEqual(given, held) ? row.hall_id : null;
    },

    /**
     * Stores a batch: rows already held are skipped (ON CONFLICT DO NOTHING), then the hall's
     * high-water mark moves over every seq now held without a gap. The progress row is locked first,
     * so two batches of one hall cannot interleave their marks.
     */
    async ingest(hallId: string, records: readonly FeedRecord[]): Promise<{ ackedSeq: number; inserted: number }> {
      return inTransaction(pool, async (c) => {
        const progress = await c.query<{ acked_seq: string }>('SELECT acked_seq FROM hall_progress WHERE hall_id = $1 FOR UPDATE', [hallId]);
        let acked = Number(progress.rows[0]?.acked_seq ?? 0);
        const inserted = await c.query<{ seq: string }>(
          `INSERT INTO feed_records (hall_id, seq, kind, at, day, payload)
           SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::date[], $6::text[])
           ON CONFLICT (hall_id, seq) DO NOTHING RETURNING seq`,
          [hallId, records.map((r) => r.seq), records.map((r) => r.kind), records.map((r) => r.at), records.map((r) => r.day), records.map((r) => r.payload)],
        );
        const fresh = new Set(inserted.rows.map((row) => Number(row.seq)));
        await storeReportDays(
          c,
          hallId,
          records.filter((r) => fresh.has(r.seq)),
        );
        const held = await c.query<{ seq: string }>('SELECT seq FROM feed_records WHERE hall_id = $1 AND seq > $2 ORDER BY seq LIMIT 100000', [hallId, acked]);
        for (const row of held.rows) {
          if (Number(row.seq) !== acked + 1) break;
          acked += 1;
        }
        await c.query('UPDATE hall_progress SET acked_seq = $2, last_sync_at = now() WHERE hall_id = $1', [hallId, acked]);
        return { ackedSeq: acked, inserted: inserted.rowCount ?? 0 };
      });
    },

    async ackedSeq(hallId: string): Promise<number> {
      const r = await pool.query<{ acked_seq: string }>('SELECT acked_seq FROM hall_progress WHERE hall_id = $1', [hallId]);
      return Number(r.rows[0]?.acked_seq ?? 0);
    },

    async saveState(s: HallState): Promise<void> {
      await pool.query(
        `INSERT INTO hall_state (hall_id, waiting, longest_wait_seconds, windows_open, outages, reported_at)
         VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0))
         ON CONFLICT (hall_id) DO UPDATE SET waiting = EXCLUDED.waiting, longest_wait_seconds = EXCLUDED.longest_wait_seconds,
           windows_open = EXCLUDED.windows_open, outages = EXCLUDED.outages, reported_at = EXCLUDED.reported_at`,
        [s.hallId, s.waiting, s.longestWaitSeconds, s.windowsOpen, JSON.stringify(s.outages), s.at],
      );
    },

    /** The city's digests of one hall's days, computed with the same rule as the hall's. */
    async digests(hallId: string, days: readonly string[]): Promise<DayDigest[]> {
      const r = await pool.query<{ seq: string; kind: FeedRecord['kind']; at: string; day: string; payload: string }>(
        `SELECT seq, kind, at, to_char(day, 'YYYY-MM-DD') AS day, payload FROM feed_records WHERE hall_id = $1 AND day = ANY($2::date[])`,
        [hallId, days],
      );
      return digestByDay(r.rows.map((row) => ({ ...row, seq: Number(row.seq), at: Number(row.at) })));
    },

    /** A new version of the holiday calendar for every hall; returns its number. */
    publishCalendar: (days: PublishedCalendar['days']) => publish('published_calendar', 'days', days),
    latestCalendar: () => latest<PublishedCalendar>('published_calendar', 'days AS days'),
    publishCatalog: (values: PublishedCatalog['values']) => publish('published_catalog', 'vals', values),
    latestCatalog: () => latest<PublishedCatalog>('published_catalog', 'vals AS values'),
    publishRatingRules: (rules: PublishedRatingRules['rules']) => publish('published_rating_rules', 'rules', rules),
    latestRatingRules: () => latest<PublishedRatingRules>('published_rating_rules', 'rules AS rules'),

    async saveReconciliation(hallId: string, rows: readonly { day: string; hall: DayDigest | null; city: DayDigest | null; matches: boolean }[]) {
      for (const d of rows) {
        await pool.query(
          `INSERT INTO reconciliations (hall_id, day, hall_count, hall_checksum, city_count, city_checksum, ok, checked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now())
           ON CONFLICT (hall_id, day) DO UPDATE SET hall_count = EXCLUDED.hall_count, hall_checksum = EXCLUDED.hall_checksum,
             city_count = EXCLUDED.city_count, city_checksum = EXCLUDED.city_checksum, ok = EXCLUDED.ok, checked_at = now()`,
          [hallId, d.day, d.hall?.count ?? null, d.hall?.checksum ?? null, d.city?.count ?? null, d.city?.checksum ?? null, d.matches],
        );
      }
    },
  };
}

export type CityStore = ReturnType<typeof cityStore>;
