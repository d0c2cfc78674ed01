import type { BusinessLine } from '../electron/domain/business-lines.js';
import type { TicketEventKind } from '../electron/domain/queue/ticket-events.js';
import type { CaseEventInput, RatingInput, ReportInput, ReportedCaseAction, TicketEventInput } from '../electron/domain/reports/report-input.js';
import { plusDays } from '../electron/domain/calendar/working-days.js';
import { hallInstant, serviceDay } from '../electron/domain/service-day.js';
import type { Db } from './open.js';

/** A rectification in one of these states has been dealt with: answered, closed, or its appeal decided. */
const HANDLED = `'answered', 'closed', 'appeal_upheld', 'appeal_rejected'`;

interface TicketEventSql {
  ticket_id: number | null;
  kind: TicketEventKind;
  window_number: number | null;
  staff_id: number | null;
  at: number;
  service_day: string;
  line: BusinessLine | null;
  service_code: string | null;
}

interface CaseEventSql {
  application_id: number;
  action: ReportedCaseAction;
  at: number;
  line: BusinessLine;
  service_code: string;
  window_number: number | null;
  staff_id: number | null;
  promised_by: string | null;
  completed_since: number;
}

interface RatingSql {
  level: number | null;
  skipped: number;
  at: number;
  service_day: string;
  line: BusinessLine | null;
  service_code: string | null;
  window_number: number | null;
  staff_id: number | null;
  handled: number;
}

/** The report queries, exported so a unit test can read their plans (EXPLAIN QUERY PLAN). */
export const REPORT_SQL = {
  // A transfer is counted where it left from: its row carries the line it went to.
  ticketEvents: `SELECT e.ticket_id, e.kind, e.window_number, e.staff_id, e.at, e.service_day,
      CASE WHEN e.kind = 'transferred' THEN json_extract(e.detail, '$.fromLine') ELSE e.line END AS line,
      CASE WHEN e.kind = 'issued' THEN (SELECT a.service_code FROM applications a WHERE a.ticket_id = e.ticket_id ORDER BY a.id LIMIT 1) END AS service_code
    FROM ticket_events e WHERE e.service_day BETWEEN ? AND ? ORDER BY e.at, e.id`,
  // `+c.action`: the completion check goes through the case's own events (application_id), never
  // through every completion of the hall that the action index would offer.
  caseEvents: `SELECT ev.application_id, ev.action, ev.at, a.line, a.service_code, w.number AS window_number, ev.staff_id, a.promised_by,
      EXISTS (SELECT 1 FROM application_events c WHERE c.application_id = ev.application_id AND +c.action = 'complete') AS completed_since
    FROM application_events ev JOIN applications a ON a.id = ev.application_id LEFT JOIN windows w ON w.id = ev.window_id
    WHERE ev.action IN ('accept', 'accept_deferred', 'refuse', 'complete') AND ev.at >= ? AND ev.at < ? ORDER BY ev.at, ev.id`,
  ratings: `SELECT r.level, r.skipped, r.at, r.service_day, r.line, r.service_code, r.window_number, r.staff_id,
      coalesce(x.status IN (${HANDLED}), 0) AS handled
    FROM service_ratings r LEFT JOIN rating_rectifications x ON x.rating_id = r.id
    WHERE r.service_day BETWEEN ? AND ?`,
} as const;

/**
 * Reads the events of a range of days (both included) for the report functions in
 * electron/domain/reports. Ticket steps and ratings are keyed by their service day, so a ticket
 * served after midnight stays in the day it was issued; case steps, which have no service day,
 * are read by the hall-time instants of the range.
 */
export function reportRows(db: Db, timeZone: string) {
  const tickets = db.prepare<[string, string], TicketEventSql>(REPORT_SQL.ticketEvents);
  const cases = db.prepare<[number, number], CaseEventSql>(REPORT_SQL.caseEvents);
  const ratings = db.prepare<[string, string], RatingSql>(REPORT_SQL.ratings);
  const staff = db.prepare<[], { id: number; staff_no: string; name: string }>(`SELECT id, staff_no, name FROM staff ORDER BY staff_no`);

  return {
    /** Every staff member ever (a report may name someone since disabled), for the labels of staff keys. */
    staff: () => staff.all().map((r) => ({ id: r.id, staffNo: r.staff_no, name: r.name })),

    read(from: string, to: string): ReportInput {
      const start = hallInstant(from, '00:00', timeZone) ?? 0;
      const end = hallInstant(plusDays(to, 1), '00:00', timeZone) ?? Number.MAX_SAFE_INTEGER;
      const ticketEvents: TicketEventInput[] = tickets.all(from, to).map((r) => ({
        ticketId: r.ticket_id,
        kind: r.kind,
        windowNumber: r.window_number,
        staffId: r.staff_id,
        at: r.at,
        serviceDay: r.service_day,
        line: r.line,
        serviceCode: r.service_code,
      }));
      const caseEvents: CaseEventInput[] = cases.all(start, end).map((r) => ({
        applicationId: r.application_id,
        action: r.action,
        at: r.at,
        day: serviceDay(r.at, timeZone),
        line: r.line,
        serviceCode: r.service_code,
        windowNumber: r.window_number,
        staffId: r.staff_id,
        promisedBy: r.promised_by,
        completedSince: r.completed_since === 1,
      }));
      const rated: RatingInput[] = ratings.all(from, to).map((r) => ({
        level: r.level,
        skipped: r.skipped === 1,
        at: r.at,
        serviceDay: r.service_day,
        line: r.line,
        serviceCode: r.service_code,
        windowNumber: r.window_number,
        staffId: r.staff_id,
        handled: r.handled === 1,
      }));
      return { ticketEvents, caseEvents, ratings: rated };
    },
  };
}

export type ReportRows = ReturnType<typeof reportRows>;
