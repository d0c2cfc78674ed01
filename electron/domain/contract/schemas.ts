import { z } from 'zod';
import { BUSINESS_LINES } from '../business-lines.js';
import { TERMINAL_ROLES } from '../roles.js';

/**
 * Shapes that cross the HTTP/WebSocket boundary between host and renderer. Both sides parse with
 * these: the host every request, the renderer every response and pushed event.
 */
export const BusinessLineSchema = z.enum(BUSINESS_LINES);
export const TerminalRoleSchema = z.enum(TERMINAL_ROLES);

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled'] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);

export const TicketSchema = z.object({
  id: z.number().int().positive(),
  number: z.string().regex(/^[A-Z]\d{3,}$/),
  line: BusinessLineSchema,
  serviceDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: TicketStatusSchema,
  issuedAt: z.number().int(),
  calledAt: z.number().int().nullable(),
  windowId: z.number().int().positive().nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const WindowSchema = z.object({
  id: z.number().int().positive(),
  number: z.number().int().positive(),
  name: z.string(),
  lines: z.array(BusinessLineSchema),
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
});
export type Call = z.infer<typeof CallSchema>;

export const QueueStateSchema = z.object({
  serviceDay: z.string(),
  waiting: WaitingCountsSchema,
  /** Most recent first. */
  recentCalls: z.array(CallSchema),
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

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'pairing_code_invalid',
  'too_many_requests',
  'payload_too_large',
  'unsupported_media_type',
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
