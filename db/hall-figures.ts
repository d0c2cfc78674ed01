import type { Db } from './open.js';

export interface WaitingGroup {
  line: string;
  ticketClass: string;
  count: number;
  oldestIssuedAt: number;
}

/**
 * The hall dashboard's figures, each one indexed query: tickets waiting (by line and class, the
 * longest, those past the target wait) and services finished (from ticket_events, so today and
 * yesterday are counted the same way the reports count them).
 */
export function hallFigures(db: Db) {
  const waiting = db.prepare<[string], WaitingGroup>(
    `SELECT line, ticket_class AS ticketClass, count(*) AS count, min(issued_at) AS oldestIssuedAt
     FROM tickets WHERE service_day = ? AND status = 'waiting' GROUP BY line, ticket_class ORDER BY line, ticket_class`,
  );
  const longest = db.prepare<[string], { number: string; line: string; issuedAt: number }>(
    `SELECT number, line, issued_at AS issuedAt FROM tickets WHERE service_day = ? AND status = 'waiting' ORDER BY issued_at, id LIMIT 1`,
  );
  const overTarget = db.prepare<[string, number], { n: number }>(
    `SELECT count(*) AS n FROM tickets WHERE service_day = ? AND status = 'waiting' AND issued_at < ?`,
  );
  const finished = db.prepare<[string, number], { n: number }>(
    `SELECT count(*) AS n FROM ticket_events WHERE service_day = ? AND kind = 'finished' AND at <= ?`,
  );
  const unassigned = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM rating_rectifications WHERE status = 'open'`);

  return {
    waiting: (day: string): WaitingGroup[] => waiting.all(day),
    longest: (day: string) => longest.get(day) ?? null,
    overTarget: (day: string, issuedBefore: number): number => overTarget.get(day, issuedBefore)?.n ?? 0,
    /** Services finished on `day` up to `until` (epoch ms). */
    finished: (day: string, until: number): number => finished.get(day, until)?.n ?? 0,
    /** 差评 not yet assigned: new ones the supervisor has to act on. */
    unassignedBadRatings: (): number => unassigned.get()?.n ?? 0,
  };
}

export type HallFigures = ReturnType<typeof hallFigures>;
