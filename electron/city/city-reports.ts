import type { Pool } from 'pg';
import type { HallOverview } from '../domain/city/city-api.js';

/** What the city's overview reads: every hall on one page with its live state. */
export function cityReports(pool: Pool) {
  return {
    async overview(): Promise<HallOverview[]> {
      const r = await pool.query<{
        hall_id: string;
        name: string;
        waiting: number | null;
        longest_wait_seconds: number | null;
        windows_open: number | null;
        outages: string[] | null;
        state_at: string | null;
        last_sync_at: string | null;
        acked_seq: string | null;
        alerts: string[] | null;
      }>(
        `SELECT h.hall_id, h.name, s.waiting, s.longest_wait_seconds, s.windows_open, s.outages,
                (extract(epoch FROM s.reported_at) * 1000)::bigint AS state_at,
                (extract(epoch FROM p.last_sync_at) * 1000)::bigint AS last_sync_at, p.acked_seq,
                (SELECT array_agg(to_char(r.day, 'YYYY-MM-DD') ORDER BY r.day) FROM reconciliations r WHERE r.hall_id = h.hall_id AND NOT r.ok) AS alerts
         FROM halls h LEFT JOIN hall_state s USING (hall_id) LEFT JOIN hall_progress p USING (hall_id)
         ORDER BY h.hall_id`,
      );
      return r.rows.map((row) => ({
        hallId: row.hall_id,
        name: row.name,
        waiting: row.waiting,
        longestWaitSeconds: row.longest_wait_seconds,
        windowsOpen: row.windows_open,
        outages: row.outages ?? [],
        stateAt: row.state_at === null ? null : Number(row.state_at),
        lastSyncAt: row.last_sync_at === null ? null : Number(row.last_sync_at),
        ackedSeq: Number(row.acked_seq ?? 0),
        alerts: row.alerts ?? [],
      }));
    },
  };
}
