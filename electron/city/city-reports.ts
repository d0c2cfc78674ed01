import type { Pool } from 'pg';
import type { HallDayReport, HallOverview } from '../domain/city/city-api.js';

/** What the city's screens read: every hall on one page, and counts per hall and day. */
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

    /** Per hall and day: tickets issued, finished, no-shows, the average wait to the first call, ratings. */
    async report(filter: { hallId?: string | undefined; from: string; to: string }): Promise<HallDayReport[]> {
      const r = await pool.query<{
        hall_id: string;
        day: string;
        issued: string;
        finished: string;
        no_show: string;
        avg_wait: string | null;
        ratings: string;
        satisfied: string;
        dissatisfied: string;
      }>(
        `WITH ev AS (
           SELECT hall_id, day, kind, at, payload::jsonb AS p FROM feed_records
           WHERE day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR hall_id = $3) AND kind IN ('ticket_event', 'rating')
         ), waits AS (
           SELECT i.hall_id, i.day, (min(c.at) - i.at) / 1000.0 AS wait
           FROM ev i JOIN ev c ON c.hall_id = i.hall_id AND c.kind = 'ticket_event' AND c.p->>'kind' = 'called' AND c.p->>'ticketId' = i.p->>'ticketId'
           WHERE i.kind = 'ticket_event' AND i.p->>'kind' = 'issued'
           GROUP BY i.hall_id, i.day, i.p->>'ticketId', i.at
         )
         SELECT e.hall_id, to_char(e.day, 'YYYY-MM-DD') AS day,
                count(*) FILTER (WHERE e.kind = 'ticket_event' AND e.p->>'kind' = 'issued') AS issued,
                count(*) FILTER (WHERE e.kind = 'ticket_event' AND e.p->>'kind' = 'finished') AS finished,
                count(*) FILTER (WHERE e.kind = 'ticket_event' AND e.p->>'kind' = 'no_show') AS no_show,
                (SELECT round(avg(w.wait)) FROM waits w WHERE w.hall_id = e.hall_id AND w.day = e.day) AS avg_wait,
                count(*) FILTER (WHERE e.kind = 'rating' AND (e.p->>'skipped')::int = 0) AS ratings,
                count(*) FILTER (WHERE e.kind = 'rating' AND (e.p->>'level')::int >= 4) AS satisfied,
                count(*) FILTER (WHERE e.kind = 'rating' AND (e.p->>'level')::int <= 2) AS dissatisfied
         FROM ev e GROUP BY e.hall_id, e.day ORDER BY e.hall_id, e.day`,
        [filter.from, filter.to, filter.hallId ?? null],
      );
      return r.rows.map((row) => ({
        hallId: row.hall_id,
        day: row.day,
        issued: Number(row.issued),
        finished: Number(row.finished),
        noShow: Number(row.no_show),
        averageWaitSeconds: row.avg_wait === null ? null : Number(row.avg_wait),
        ratings: Number(row.ratings),
        satisfied: Number(row.satisfied),
        dissatisfied: Number(row.dissatisfied),
      }));
    },
  };
}
