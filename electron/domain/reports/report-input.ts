import type { BusinessLine } from '../business-lines.js';
import type { TicketEventKind } from '../queue/ticket-events.js';

/**
 * The rows a report is computed from, as the database hands them over (db/report-rows.ts). They
 * are events, never a ticket's or case's latest columns: a recall, a transfer or a reinstatement
 * overwrites those, the events keep every step. Times are epoch ms.
 */
export interface TicketEventInput {
  ticketId: number | null;
  kind: TicketEventKind;
  windowNumber: number | null;
  staffId: number | null;
  at: number;
  /** The ticket's service day (or the window's, for window events): the key of a day's figures, even after midnight. */
  serviceDay: string;
  line: BusinessLine | null;
  /** The service of the ticket's application, on its 'issued' row (null for a ticket without one). */
  serviceCode: string | null;
}

/** The case steps a report counts. */
export const REPORTED_CASE_ACTIONS = ['accept', 'accept_deferred', 'refuse', 'complete'] as const;
export type ReportedCaseAction = (typeof REPORTED_CASE_ACTIONS)[number];

export interface CaseEventInput {
  applicationId: number;
  action: ReportedCaseAction;
  at: number;
  /** The hall's day of `at` (a case event has no service day of its own). */
  day: string;
  line: BusinessLine;
  serviceCode: string;
  windowNumber: number | null;
  staffId: number | null;
  /** The promised completion date (承诺办结日期), YYYY-MM-DD, if the case has one. */
  promisedBy: string | null;
  /** On an acceptance: whether the case has been completed since (by the time of the report). */
  completedSince: boolean;
}

export interface RatingInput {
  level: number | null;
  skipped: boolean;
  at: number;
  serviceDay: string;
  line: BusinessLine | null;
  serviceCode: string | null;
  windowNumber: number | null;
  staffId: number | null;
  /** The 差评's rectification has been answered or closed (or an appeal decided). */
  handled: boolean;
}

export interface ReportInput {
  ticketEvents: readonly TicketEventInput[];
  caseEvents: readonly CaseEventInput[];
  ratings: readonly RatingInput[];
}
