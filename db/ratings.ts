import type { RatingChannel } from '../electron/domain/ratings/rating-levels.js';
import type { FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';

/** The service a rating is about: the ticket's last finish, where, by whom, and its case if any. */
export interface RatedService {
  ticketId: number;
  number: string;
  line: string;
  serviceDay: string;
  finishedAt: number;
  windowId: number | null;
  windowNumber: number | null;
  staffId: number | null;
  applicationId: number | null;
  caseNumber: string | null;
  serviceCode: string | null;
}

export interface RatingRow {
  id: number;
  ticket_id: number;
  level: number | null;
  skipped: number;
  channel: RatingChannel;
  at: number;
}

export interface NewRating {
  service: RatedService;
  level: number | null;
  channel: RatingChannel;
  reasons: readonly string[];
  comment: string;
  at: number;
  /** The service day of the rating (a 差评's due day counts from it). */
  day: string;
}

const SERVICE = `
  SELECT t.id AS ticketId, t.number, t.line, t.service_day AS serviceDay, t.finished_at AS finishedAt,
    e.window_id AS windowId, e.window_number AS windowNumber, e.staff_id AS staffId,
    a.id AS applicationId, a.case_number AS caseNumber, a.service_code AS serviceCode
  FROM tickets t
  LEFT JOIN ticket_events e ON e.id = (SELECT max(id) FROM ticket_events WHERE ticket_id = t.id AND kind = 'finished')
  LEFT JOIN applications a ON a.id = (SELECT max(id) FROM applications WHERE ticket_id = t.id)
  WHERE t.id = ? AND t.status = 'done' AND t.finished_at IS NOT NULL`;

/**
 * 好差评 rows: one per served ticket (UNIQUE ticket_id), never the citizen's ID. The citizen's
 * own words are sealed. Writes run inside the caller's transaction (with the rectification item
 * and the audit line).
 */
export function ratingStore(db: Db, cipher: FieldCipher) {
  const service = db.prepare<[number], RatedService>(SERVICE);
  const lastFinished = db.prepare<[number], { id: number }>(
    `SELECT id FROM tickets WHERE window_id = ? AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1`,
  );
  const byTicket = db.prepare<[number], RatingRow>(`SELECT id, ticket_id, level, skipped, channel, at FROM service_ratings WHERE ticket_id = ?`);
  const ticketOfCase = db.prepare<[string], { ticket_id: number | null }>(`SELECT ticket_id FROM applications WHERE case_number = ?`);
  const insert = db.prepare<Record<string, unknown>, { id: number }>(
    `INSERT INTO service_ratings (ticket_id, application_id, window_id, window_number, staff_id, line, service_code, level, skipped, channel,
       reasons, comment_enc, at, service_day)
     VALUES (@ticketId, @applicationId, @windowId, @windowNumber, @staffId, @line, @serviceCode, @level, @skipped, @channel,
       @reasons, @comment, @at, @day)
     ON CONFLICT (ticket_id) DO UPDATE SET level = excluded.level, skipped = excluded.skipped, channel = excluded.channel,
       reasons = excluded.reasons, comment_enc = excluded.comment_enc, at = excluded.at, service_day = excluded.service_day
     WHERE service_ratings.skipped = 1 AND excluded.skipped = 0
     RETURNING id`,
  );

  return {
    service: (ticketId: number): RatedService | null => service.get(ticketId) ?? null,
    /** The ticket last finished at a window (what its counter screen asks about). */
    lastFinishedAt: (windowId: number): RatedService | null => {
      const t = lastFinished.get(windowId);
      return t ? (service.get(t.id) ?? null) : null;
    },
    byTicket: (ticketId: number): RatingRow | null => byTicket.get(ticketId) ?? null,
    ticketOfCase: (caseNumber: string): number | null => ticketOfCase.get(caseNumber)?.ticket_id ?? null,
    /**
     * Stores a rating or a skip; a later rating replaces a skip (一事一评 from the receipt's QR),
     * nothing replaces a rating. Null when the ticket was rated already.
     */
    put(r: NewRating): number | null {
      const s = r.service;
      const row = insert.get({
        ticketId: s.ticketId,
        applicationId: s.applicationId,
        windowId: s.windowId,
        windowNumber: s.windowNumber,
        staffId: s.staffId,
        line: s.line,
        serviceCode: s.serviceCode,
        level: r.level,
        skipped: r.level === null ? 1 : 0,
        channel: r.channel,
        reasons: JSON.stringify(r.reasons),
        comment: r.comment === '' ? null : cipher.seal('service_ratings', 'comment_enc', r.comment),
        at: r.at,
        day: r.day,
      });
      return row?.id ?? null;
    },
    comment(ratingId: number): string {
      const r = db.prepare<[number], { c: Buffer | null }>(`SELECT comment_enc AS c FROM service_ratings WHERE id = ?`).get(ratingId);
      return r?.c ? cipher.open('service_ratings', 'comment_enc', r.c) : '';
    },
  };
}

export type RatingStore = ReturnType<typeof ratingStore>;
