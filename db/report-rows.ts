import type { BusinessLine } from '../electron/domain/business-lines.js';
import type { TicketEventKind } from '../electron/domain/queue/ticket-events.js';
import type { CaseEventInput, RatingInput, ReportInput, ReportedCaseAction, TicketEventInput } from '../electron/domain/reports/report-input.js';
import { plusDays } from '../electron/domain/calendar/working-days.js';
import { hallDay } from '../electron/domain/reports/hall-hour.js';
import { hallInstant } from '../electron/domain/service-day.js';
import type { Db } from './open.js';

/** A rectification in one of these states has been dealt with: answered, closed, or its appeal decided. */
const HANDLED = `'answered', 'closed', 'appeal_upheld', 'appeal_rejected'`;

interface TicketEventSql {
  id: number;
  ticket_id: number | null;
  kind: TicketEventKind;
  window_number: number | null;
  staff_id: number | null;
  at: number;
  service_day: string;
  line: BusinessLine | null;
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
  // Every column read is in the index ticket_events_report (migration 015): no table lookups.
  // Rows come in index order; they are put in write order (id) in JS, cheaper than a sort in SQL.
  ticketEvents: `SELECT e.id, e.ticket_id, e.kind, e.window_number, e.staff_id, e.at, e.service_day, e.line
    FROM ticket_events e INDEXED BY ticket_events_report WHERE e.service_day BETWEEN ? AND ?`,
  // A transfer is counted where it left from: its row carries the line it went to, the detail where from.
  transferredFrom: `SELECT id, json_extract(detail, '$.fromLine') AS from_line FROM ticket_events
    WHERE service_day BETWEEN ? AND ? AND kind = 'transferred'`,
  // The service of each ticket's application (a group's members share one; the first is taken).
  ticketServices: `SELECT a.ticket_id, min(a.service_code) AS service_code FROM tickets t JOIN applications a ON a.ticket_id = t.id
    WHERE t.service_day BETWEEN ? AND ? GROUP BY a.ticket_id`,
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
  const transferredFrom = db.prepare<[string, string], { id: number; from_line: BusinessLine | null }>(REPORT_SQL.transferredFrom);
  const ticketServices = db.prepare<[string, string], { ticket_id: number; service_code: string }>(REPORT_SQL.ticketServices);
  const cases = db.prepare<[number, number], CaseEventSql>(REPORT_SQL.caseEvents);
  const ratings = db.prepare<[string, string], RatingSql>(REPORT_SQL.ratings);
  const staff = db.prepare<[], { id: number; staff_no: string; name: string }>(`SELECT id, staff_no, name FROM staff ORDER BY staff_no`);

  return {
    /** Every staff member ever (a report may name someone since disabled), for the labels of staff keys. */
    staff: () => staff.all().map((r) => ({ id: r.id, staffNo: r.staff_no, name: r.name })),

    read(from: string, to: string): ReportInput {
      const start = hallInstant(from, '00:00', timeZone) ?? 0;
      const end = hallInstant(plusDays(to, 1), '00:00', timeZone) ?? Number.MAX_SAFE_INTEGER;
      const fromLine = new Map(transferredFrom.all(from, to).map((r) => [r.id, r.from_line]));
      const services = new Map(ticketServices.all(from, to).map((r) => [r.ticket_id, r.service_code]));
      const ticketEvents: TicketEventInput[] = tickets
        .all(from, to)
        .sort((a, b) => a.id - b.id)
        .map((r) => ({
          ticketId: r.ticket_id,
          kind: r.kind,
          windowNumber: r.window_number,
          staffId: r.staff_id,
          at: r.at,
          serviceDay: r.service_day,
          line: r.kind === 'transferred' ? (fromLine.get(r.id) ?? r.line) : r.line,
          serviceCode: r.kind === 'issued' && r.ticket_id !== null ? (services.get(r.ticket_id) ?? null) : null,
        }));
      const dayOf = hallDay(timeZone);
      const caseEvents: CaseEventInput[] = cases.all(start, end).map((r) => ({
        applicationId: r.application_id,
        action: r.action,
        at: r.at,
        day: dayOf(r.at),
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
