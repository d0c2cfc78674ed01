import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { CityRole } from '../domain/city/city-api.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The city's staff: a token each, kept hashed, issued from the command line. */
export function cityStaff(pool: Pool) {
  return {
    async add(staffId: string, role: CityRole): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      await pool.query(
        `INSERT INTO city_staff (staff_id, role, token_hash) VALUES ($1, $2, $3)
         ON CONFLICT (staff_id) DO UPDATE SET role = EXCLUDED.role, token_hash = EXCLUDED.token_hash`,
        [staffId, role, sha256(token)],
      );
      return token;
    },
    async roleOf(token: string): Promise<CityRole | null> {
      const r = await pool.query<{ role: CityRole }>('SELECT role FROM city_staff WHERE token_hash = $1', [sha256(token)]);
      return r.rows[0]?.role ?? null;
    },
  };
}
