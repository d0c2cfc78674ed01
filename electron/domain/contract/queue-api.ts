import { z } from 'zod';
import type { TerminalRole } from '../roles.js';
import { IdParam, None, route } from './route-spec.js';
import { validateIdNumber } from '../identity/id-number.js';
import {
  AuditEntrySchema,
  BusinessLineSchema,
  ConversationMessageSchema,
  HallSettingsSchema,
  QueueStateSchema,
  StaffRoleSchema,
  StaffSchema,
  TicketClassSchema,
  TicketSchema,
  WaitingCountsSchema,
  WindowSchema,
} from './schemas.js';

/**
 * Routes of the queue: tickets, windows and their clerks, staff sign-in, the supervisor's settings,
 * appointments, the written conversation (笔谈) and the audit log. `staff` says which signed-in
 * staff roles a route needs on top of the terminal role ('any' = any signed-in staff member).
 */
const EVERY_TERMINAL: readonly TerminalRole[] = ['kiosk', 'booth', 'clerk', 'display', 'admin'];
const CLERK: readonly TerminalRole[] = ['clerk'];
const ADMIN: readonly TerminalRole[] = ['admin'];
const SUPERVISORS = ['supervisor', 'admin'] as const;

const PinSchema = z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits');
const StaffNoSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{2,20}$/, 'a staff number is 2 to 20 letters or digits');
const OneTimeCodeSchema = z
  .string()
  .trim()
  .max(32)
  .transform((s) => s.toUpperCase());
const TicketResult = z.object({ ticket: TicketSchema });
const WindowResult = z.object({ window: WindowSchema });
const WindowInput = z
  .object({
    number: z.number().int().min(1).max(999),
    name: z.string().trim().min(1).max(40),
    primary: z.array(BusinessLineSchema).min(1),
    backup: z.array(BusinessLineSchema),
  })
  .strict()
  .refine((w) => !w.backup.some((l) => w.primary.includes(l)), { message: 'a line cannot be both primary and backup', path: ['backup'] });

function windowAction<R extends z.ZodType>(path: string, response: R) {
  return route({ method: 'POST', path: `/api/windows/:id/${path}`, access: CLERK, staff: 'any', params: IdParam, query: None, body: None, response });
}

export const queueApi = {
  queueState: route({ method: 'GET', path: '/api/queue', access: EVERY_TERMINAL, params: None, query: None, body: None, response: QueueStateSchema }),

  issueTicket: route({
    method: 'POST',
    path: '/api/tickets',
    access: ['kiosk', 'booth'],
    params: None,
    query: None,
    body: z
      .object({
        line: BusinessLineSchema,
        ticketClass: TicketClassSchema.default('normal'),
        /** People in a group (tour groups: one ticket for N). */
        groupSize: z.number().int().min(2).max(60).optional(),
        appointmentCode: z.string().trim().min(4).max(32).optional(),
        /** The citizen's language, for the slip. */
        language: z.enum(['zh-CN', 'mn', 'en']).optional(),
      })
      .strict()
      .refine((b) => (b.ticketClass === 'group') === (b.groupSize !== undefined), { message: 'groupSize goes with ticketClass "group"', path: ['groupSize'] })
      .refine((b) => (b.ticketClass === 'appointment') === (b.appointmentCode !== undefined), {
        message: 'appointmentCode goes with ticketClass "appointment"',
        path: ['appointmentCode'],
      }),
    response: z.object({ ticket: TicketSchema, ahead: z.number().int().nonnegative(), estimatedWaitMinutes: z.number().int().nonnegative().nullable() }),
  }),

  listWindows: route({
    method: 'GET',
    path: '/api/windows',
    access: ['clerk', 'admin', 'display'],
    params: None,
    query: None,
    body: None,
    response: z.object({ windows: z.array(WindowSchema) }),
  }),

  windowState: route({
    method: 'GET',
    path: '/api/windows/:id',
    access: CLERK,
    params: IdParam,
    query: None,
    body: None,
    response: z.object({
      window: WindowSchema,
      current: TicketSchema.nullable(),
      waiting: WaitingCountsSchema,
      recallLimit: z.number().int(),
      /** Today's no-shows at this window that may still be reinstated. */
      noShows: z.array(TicketSchema),
    }),
  }),

  openWindow: windowAction('open', WindowResult),
  pauseWindow: windowAction('pause', WindowResult),
  resumeWindow: windowAction('resume', WindowResult),
  closeWindow: windowAction('close', WindowResult),
  callNext: windowAction('call-next', z.object({ ticket: TicketSchema.nullable(), finished: TicketSchema.nullable() })),
  recall: windowAction('recall', TicketResult),
  startServing: windowAction('start', TicketResult),
  finishServing: windowAction('finish', TicketResult),
  markNoShow: windowAction('no-show', TicketResult),

  transfer: route({
    method: 'POST',
    path: '/api/windows/:id/transfer',
    access: CLERK,
    staff: 'any',
    params: IdParam,
    query: None,
    body: z
      .object({ toLine: BusinessLineSchema.optional(), toWindowId: z.number().int().positive().optional() })
      .strict()
      .refine((b) => b.toLine !== undefined || b.toWindowId !== undefined, { message: 'name a line or a window to transfer to' }),
    response: TicketResult,
  }),

  reinstate: route({
    method: 'POST',
    path: '/api/tickets/:id/reinstate',
    access: CLERK,
    staff: 'any',
    params: IdParam,
    query: None,
    body: None,
    response: TicketResult,
  }),

  conversation: route({
    method: 'GET',
    path: '/api/windows/:id/conversation',
    access: ['clerk', 'display'],
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ messages: z.array(ConversationMessageSchema) }),
  }),

  sendConversation: route({
    method: 'POST',
    path: '/api/windows/:id/conversation',
    access: ['clerk', 'display'],
    params: IdParam,
    query: None,
    body: z.object({ text: z.string().trim().min(1).max(500), from: z.enum(['clerk', 'applicant']) }).strict(),
    response: z.object({ message: ConversationMessageSchema }),
  }),

  staffMe: route({
    method: 'GET',
    path: '/api/staff/me',
    access: ['clerk', 'admin'],
    params: None,
    query: None,
    body: None,
    response: z.object({ staff: StaffSchema.nullable(), setupRequired: z.boolean() }),
  }),

  staffSetup: route({
    method: 'POST',
    path: '/api/staff/setup',
    access: ADMIN,
    params: None,
    query: None,
    body: z.object({ setupCode: OneTimeCodeSchema, staffNo: StaffNoSchema, name: z.string().trim().min(1).max(40), pin: PinSchema }).strict(),
    response: z.object({ staff: StaffSchema }),
  }),

  staffSignIn: route({
    method: 'POST',
    path: '/api/staff/sign-in',
    access: ['clerk', 'admin'],
    params: None,
    query: None,
    body: z.object({ staffNo: StaffNoSchema, pin: PinSchema }).strict(),
    response: z.object({ staff: StaffSchema }),
  }),

  staffSignOut: route({
    method: 'POST',
    path: '/api/staff/sign-out',
    access: ['clerk', 'admin'],
    params: None,
    query: None,
    body: None,
    response: z.object({ ok: z.literal(true) }),
  }),

  staffEnroll: route({
    method: 'POST',
    path: '/api/staff/enroll',
    access: ['clerk', 'admin'],
    params: None,
    query: None,
    body: z.object({ staffNo: StaffNoSchema, code: OneTimeCodeSchema, pin: PinSchema }).strict(),
    response: z.object({ staff: StaffSchema }),
  }),

  listStaff: route({
    method: 'GET',
    path: '/api/staff',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: None,
    response: z.object({ staff: z.array(StaffSchema) }),
  }),

  createStaff: route({
    method: 'POST',
    path: '/api/staff',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: z.object({ staffNo: StaffNoSchema, name: z.string().trim().min(1).max(40), role: StaffRoleSchema }).strict(),
    response: z.object({ staff: StaffSchema, enrollmentCode: z.string() }),
  }),

  resetStaff: route({
    method: 'POST',
    path: '/api/staff/:id/reset',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ staff: StaffSchema, enrollmentCode: z.string() }),
  }),

  getSettings: route({ method: 'GET', path: '/api/settings', access: ADMIN, params: None, query: None, body: None, response: HallSettingsSchema }),

  putSettings: route({
    method: 'PUT',
    path: '/api/settings',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: HallSettingsSchema.strict(),
    response: HallSettingsSchema,
  }),

  createWindow: route({
    method: 'POST',
    path: '/api/windows',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: WindowInput,
    response: WindowResult,
  }),

  putWindow: route({
    method: 'PUT',
    path: '/api/windows/:id',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: WindowInput,
    response: WindowResult,
  }),

  createAppointment: route({
    method: 'POST',
    path: '/api/appointments',
    access: ADMIN,
    staff: 'any',
    params: None,
    query: None,
    body: z
      .object({
        line: BusinessLineSchema,
        slotStart: z.number().int().positive(),
        name: z.string().trim().max(40).optional(),
        /** The booked citizen's ID number, so the kiosk can identify them from the appointment code. */
        idNumber: z
          .string()
          .trim()
          .toUpperCase()
          .refine((v) => validateIdNumber(v).ok, 'not a valid resident ID number')
          .optional(),
      })
      .strict(),
    // The answer carries no ID number: the booking screen shows what it sent, masked.
    response: z.object({ appointment: z.object({ id: z.number().int(), code: z.string(), line: BusinessLineSchema, slotStart: z.number().int() }) }),
  }),

  listAudit: route({
    method: 'GET',
    path: '/api/audit',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
    body: None,
    response: z.object({ entries: z.array(AuditEntrySchema), chainIntact: z.boolean() }),
  }),
} as const;
