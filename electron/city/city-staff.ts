import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { CityRole } from '../domain/city/city-api.js';
import { SESSION_TOUCH_MS, sessionVerdict, type SessionLimits, type SessionVerdict } from '../domain/sessions/session-expiry.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export type CitySession = { verdict: 'live'; staffId: string; role: CityRole } | { verdict: Exclude<SessionVerdict, 'live'> };

/**
 * The city's staff: a token each, kept hashed, issued from the command line. The token signs in;
 * the session it opens is what the screen (cookie) and scripts (Bearer) present, and it expires.
 */
export function cityStaff(pool: Pool, limits: SessionLimits) {
  return {
    /** A new token for the staff member; sessions opened with an earlier one end. */
    async add(staffId: string, role: CityRole, now: number): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      await pool.query(
        `INSERT INTO city_staff (staff_id, role, token_hash) VALUES ($1, $2, $3)
         ON CONFLICT (staff_id) DO UPDATE SET role = EXCLUDED.role, token_hash = EXCLUDED.token_hash`,
        [staffId, role, sha256(token)],
      );
      await pool.query('UPDATE city_sessions SET ended_at = $2 WHERE staff_id = $1 AND ended_at IS NULL', [staffId, now]);
      return token;
    },

    /** Opens a session for the holder of a staff token; null when the token is unknown. */
    async signIn(token: string, now: number): Promise<{ session: string; role: CityRole } | null> {
      const r = await pool.query<{ staff_id: string; role: CityRole }>('SELECT staff_id, role FROM city_staff WHERE token_hash = $1', [sha256(token)]);
      const staff = r.rows[0];
      if (!staff) return null;
      const session = randomBytes(32).toString('base64url');
      await pool.query('INSERT INTO city_sessions (token_hash, staff_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)', [
        sha256(session),
        staff.staff_id,
        now,
      ]);
      return { session, role: staff.role };
    },

    /** The session of this token (null: no such session), kept alive while it is used. */
    async session(token: string, now: number): Promise<CitySession | null> {
      const r = await pool.query<{ staff_id: string; role: CityRole; created_at: string; last_seen_at: string; ended_at: string | null }>(
        `SELECT s.staff_id, c.role, s.created_at, s.last_seen_at, s.ended_at
         FROM city_sessions s JOIN city_staff c USING (staff_id) WHERE s.token_hash = $1`,
        [sha256(token)],
      );
      const row = r.rows[0];
      if (!row) return null;
      const lastSeenAt = Number(row.last_seen_at);
      const verdict = sessionVerdict(
        { createdAt: Number(row.created_at), lastSeenAt, endedAt: row.ended_at === null ? null : Number(row.ended_at) },
        now,
        limits,
      );
      if (verdict !== 'live') return { verdict };
      if (now - lastSeenAt > SESSION_TOUCH_MS) await pool.query('UPDATE city_sessions SET last_seen_at = $2 WHERE token_hash = $1', [sha256(token), now]);
      return { verdict, staffId: row.staff_id, role: row.role };
    },

    async signOut(token: string, now: number): Promise<void> {
      await pool.query('UPDATE city_sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL', [sha256(token), now]);
    },
  };
}
