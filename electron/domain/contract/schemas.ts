import { z } from 'zod';
import { BUSINESS_LINES } from '../business-lines.js';
import { CATALOG_LANGUAGES } from '../catalog/catalog-schema.js';
import { TICKET_CLASSES } from '../queue/calling-policy.js';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../retention.js';
import { TERMINAL_ROLES } from '../roles.js';
import { ISO_DATE_PATTERN } from '../service-day.js';
import { TICKET_NUMBER_PATTERN } from '../ticket-number.js';

/**
 * Shapes that cross the HTTP/WebSocket boundary between host and renderer. Both sides parse with
 * these: the host every request, the renderer every response and pushed event.
 */
export const BusinessLineSchema = z.enum(BUSINESS_LINES);
export const TerminalRoleSchema = z.enum(TERMINAL_ROLES);

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled'] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);

export const TicketClassSchema = z.enum(TICKET_CLASSES);

/** A date, YYYY-MM-DD (in the hall's time zone wherever it means a day in the hall). */
export const IsoDateSchema = z.string().regex(ISO_DATE_PATTERN);

export const TicketSchema = z.object({
  id: z.number().int().positive(),
  number: z.string().regex(TICKET_NUMBER_PATTERN),
  line: BusinessLineSchema,
  serviceDay: IsoDateSchema,
  status: TicketStatusSchema,
  ticketClass: TicketClassSchema,
  /** People served on this ticket: 1, or N for a group. */
  groupSize: z.number().int().min(1),
  issuedAt: z.number().int(),
  calledAt: z.number().int().nullable(),
  startedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  windowId: z.number().int().positive().nullable(),
  /** A transfer to one particular window. */
  targetWindowId: z.number().int().positive().nullable(),
  recallCount: z.number().int().nonnegative(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const WINDOW_STATUSES = ['closed', 'open', 'paused'] as const;

export const WindowSchema = z.object({
  id: z.number().int().positive(),
  number: z.number().int().positive(),
  name: z.string(),
  /** Every line served, primary first (kept for screens that do not care about A/B). */
  lines: z.array(BusinessLineSchema),
  /** The AB角: primary (A) lines first, backup (B) lines when A is empty or B waits too long. */
  primary: z.array(BusinessLineSchema),
  backup: z.array(BusinessLineSchema),
  status: z.enum(WINDOW_STATUSES),
  staffName: z.string().nullable(),
});
export type ServiceWindow = z.infer<typeof WindowSchema>;

export const WaitingCountsSchema = z.record(BusinessLineSchema, z.number().int().nonnegative());
export type WaitingCounts = z.infer<typeof WaitingCountsSchema>;

export const CallSchema = z.object({
  ticketId: z.number().int().positive(),
  number: z.string(),
  line: BusinessLineSchema,
  windowNumber: z.number().int().positive(),
  windowName: z.string(),
  calledAt: z.number().int(),
  /** Applicant's name masked (张*明) when the hall enables it and a name is known. */
  maskedName: z.string().nullable(),
});
export type Call = z.infer<typeof CallSchema>;

/** A citizen's language (for a slip, a notice, an announcement): the UI languages the catalog is written in. */
export const LanguageSchema = z.enum(CATALOG_LANGUAGES);
/** Languages a display can announce calls in, in the order the admin screen lists them. */
export const ANNOUNCE_LANGUAGES = CATALOG_LANGUAGES;

export const QueueStateSchema = z.object({
  serviceDay: z.string(),
  waiting: WaitingCountsSchema,
  /** Minutes a newcomer can expect to wait per line; null when no window serving it is open. */
  estimates: z.record(BusinessLineSchema, z.number().int().nonnegative().nullable()),
  /** Most recent first. */
  recentCalls: z.array(CallSchema),
  /** The supervisor's scrolling notice for the display ('' = none). */
  notice: z.string(),
  /** Languages the display announces calls in, in order. */
  announce: z.array(LanguageSchema),
});
export type QueueState = z.infer<typeof QueueStateSchema>;

export const TerminalSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  role: TerminalRoleSchema,
  pairedAt: z.number().int(),
  lastSeenAt: z.number().int().nullable(),
  revoked: z.boolean(),
});
export type Terminal = z.infer<typeof TerminalSchema>;

export const STAFF_ROLES = ['clerk', 'supervisor', 'admin'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const StaffSchema = z.object({
  id: z.number().int().positive(),
  staffNo: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  /** Has set a PIN (through a one-time enrolment code). */
  enrolled: z.boolean(),
  lockedUntil: z.number().int().nullable(),
  disabled: z.boolean(),
});
export type Staff = z.infer<typeof StaffSchema>;

/** A wall-clock time in the hall's zone, 24-hour (09:00, 17:30). */
const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time like 09:00');

/**
 * When the hall is staffed: the same hours on each listed weekday (1 = Monday … 7 = Sunday), in
 * the hall's time zone. No overnight spans: a hall closes the day it opens.
 */
export const OpeningHoursSchema = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    open: HourMinute,
    close: HourMinute,
  })
  .strict()
  .refine((h) => new Set(h.days).size === h.days.length, { message: 'each weekday once', path: ['days'] })
  // HH:MM strings compare correctly as text.
  .refine((h) => h.open < h.close, { message: 'closing time must be after opening time', path: ['close'] });
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/** Policy and display settings a supervisor changes at run time (minutes where people think in minutes). */
export const HallSettingsSchema = z.object({
  backupWaitLimitMin: z.number().int().min(1).max(600),
  appointmentEarlyMin: z.number().int().min(0).max(240),
  appointmentLateMin: z.number().int().min(0).max(240),
  priorityStreakLimit: z.number().int().min(1).max(50),
  normalStarvationMin: z.number().int().min(1).max(600),
  recallLimit: z.number().int().min(0).max(10),
  noShowReinstateMin: z.number().int().min(0).max(480),
  notice: z.string().max(500),
  maskNames: z.boolean(),
  announce: z.array(LanguageSchema).min(1).max(3),
  /** Applicants this old or older are served through the green channel (绿色通道). */
  greenChannelAge: z.number().int().min(50).max(120),
  openingHours: OpeningHoursSchema,
  /** Days after a case is finished (and after an appointment's slot) before its personal data is purged. */
  retentionDays: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS),
  /** The wait a hall promises to keep under (reports: the share called within it; the dashboard's alert). */
  targetWaitMinutes: z.number().int().min(1).max(240),
});
export type HallSettings = z.infer<typeof HallSettingsSchema>;

export const ConversationMessageSchema = z.object({
  id: z.number().int().positive(),
  from: z.enum(['clerk', 'applicant']),
  text: z.string(),
  at: z.number().int(),
});
export type ConversationMessage = z.infer<typeof ConversationMessageSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: z.number().int(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'pairing_code_invalid',
  'staff_sign_in_required',
  'pin_invalid',
  'staff_locked',
  'code_invalid',
  'appointment_invalid',
  /** The appointment was booked for a named person: their ID card or number is asked first. */
  'appointment_identity_required',
  /** The ID card or number shown is not the one the appointment was booked for. */
  'appointment_not_yours',
  'too_many_requests',
  'too_many_attempts',
  /** Too many wrong PINs at one terminal, across staff numbers. */
  'too_many_sign_ins',
  'no_printer',
  /** A folder printer outside the folder the operator named at start (--printer-root). */
  'printer_folder_not_allowed',
  /** The window is held by another staff member (a take-over is explicit). */
  'window_held',
  /** The account has more rights than the signed-in staff member's. */
  'staff_outranks',
  'payload_too_large',
  'unsupported_media_type',
  /** A part of the host is not there or not answering just now (the handwriting recogniser). */
  'unavailable',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Every non-2xx response carries this body. `code` is stable (the renderer translates it);
 * `message` is English for logs and API users; `issues` lists each invalid field. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
