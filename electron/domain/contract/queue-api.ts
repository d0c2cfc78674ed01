import { z } from 'zod';
import { CLERK, EVERY_TERMINAL, SELF_SERVICE } from './access.js';
import { AppointmentCodeSchema, IdNumberInputSchema } from './appointments-api.js';
import { RequestId } from './applications-api.js';
import { IdParam, None, readRoute, route, windowAction } from './route-spec.js';
import { BusinessLineSchema, LanguageSchema, QueueStateSchema, TicketClassSchema, TicketSchema } from './schemas.js';

const TicketResult = z.object({ ticket: TicketSchema });

/**
 * The queue: the hall's state, taking a ticket at a kiosk, and a clerk's steps with the ticket at
 * the window (call, recall, serve, finish, no-show, transfer, reinstate).
 */
export const queueApi = {
  queueState: readRoute('/api/queue', EVERY_TERMINAL, QueueStateSchema),

  issueTicket: route({
    method: 'POST',
    path: '/api/tickets',
    access: SELF_SERVICE,
    params: None,
    query: None,
    body: z
      .object({
        line: BusinessLineSchema,
        ticketClass: TicketClassSchema.default('normal'),
        /** People in a group (tour groups: one ticket for N). */
        groupSize: z.number().int().min(2).max(60).optional(),
        appointmentCode: AppointmentCodeSchema.optional(),
        /** The holder's ID number (card or keypad), for an appointment booked for a named person. */
        idNumber: IdNumberInputSchema.optional(),
        /** The citizen's language, for the slip. */
        language: LanguageSchema.optional(),
        /** Made by the kiosk per ticket it asks for: asking again with it (the answer was lost when
         * the link dropped) returns the ticket already issued, never a second one. */
        requestId: RequestId.optional(),
      })
      .strict()
      .refine((b) => (b.ticketClass === 'group') === (b.groupSize !== undefined), { message: 'groupSize goes with ticketClass "group"', path: ['groupSize'] })
      .refine((b) => (b.ticketClass === 'appointment') === (b.appointmentCode !== undefined), {
        message: 'appointmentCode goes with ticketClass "appointment"',
        path: ['appointmentCode'],
      })
      .refine((b) => b.idNumber === undefined || b.ticketClass === 'appointment', { message: 'idNumber goes with an appointment', path: ['idNumber'] }),
    response: z.object({
      ticket: TicketSchema,
      ahead: z.number().int().nonnegative(),
      estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
      /** True when this answers a repeated request (same requestId): no new ticket was issued. */
      replayed: z.boolean(),
    }),
  }),

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
} as const;
