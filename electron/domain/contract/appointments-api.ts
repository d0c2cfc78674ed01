import { z } from 'zod';
import { ADMIN, SELF_SERVICE } from './access.js';
import { validateIdNumber } from '../identity/id-number.js';
import { isPersonName, PERSON_NAME_MESSAGE } from './text-rules.js';
import { IdParam, None, route } from './route-spec.js';
import { ISO_DATE_PATTERN } from '../service-day.js';
import { BusinessLineSchema } from './schemas.js';

/** An appointment's one-time code (see createAppointment), as typed or read from its QR code. */
export const AppointmentCodeSchema = z
  .string()
  .trim()
  .min(4)
  .max(32)
  .transform((s) => s.toUpperCase());

/** A booking as the admin screen lists it: the name masked, the ID number only as "given". */
export const AppointmentListItemSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  line: BusinessLineSchema,
  slotStart: z.number().int(),
  maskedName: z.string().nullable(),
  withIdNumber: z.boolean(),
  usedAt: z.number().int().nullable(),
  cancelledAt: z.number().int().nullable(),
});
export type AppointmentListItem = z.infer<typeof AppointmentListItemSchema>;

/** An ID number as a kiosk sends it: upper-case X, checked by GB 11643 rules. */
export const IdNumberInputSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => validateIdNumber(v).ok, 'not a valid resident ID number');

const Slot = z.object({ line: BusinessLineSchema, slotStart: z.number().int().positive() }).strict();

/** Appointments (错时预约): booked by staff, redeemed at a kiosk with their code. */
export const appointmentsApi = {
  /** The bookings of a span of days in the hall (from and to are hall dates, both included, ≤ 31 days). */
  listAppointments: route({
    method: 'GET',
    path: '/api/appointments',
    access: ADMIN,
    staff: 'any',
    params: None,
    query: z.object({ from: z.string().regex(ISO_DATE_PATTERN), to: z.string().regex(ISO_DATE_PATTERN) }).strict(),
    body: None,
    response: z.object({ appointments: z.array(AppointmentListItemSchema) }),
  }),

  /** The citizen cannot come: the code will not become a ticket. */
  cancelAppointment: route({
    method: 'POST',
    path: '/api/appointments/:id/cancel',
    access: ADMIN,
    staff: 'any',
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ appointment: AppointmentListItemSchema }),
  }),

  /** Another slot (or line) for the same booking and code. */
  changeAppointment: route({
    method: 'PUT',
    path: '/api/appointments/:id',
    access: ADMIN,
    staff: 'any',
    params: IdParam,
    query: None,
    body: Slot,
    response: z.object({ appointment: AppointmentListItemSchema }),
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
        name: z
          .string()
          .trim()
          .max(40)
          .refine((v) => v === '' || isPersonName(v), PERSON_NAME_MESSAGE)
          .optional(),
        /** The booked citizen's ID number, so the kiosk can identify them from the appointment code. */
        idNumber: IdNumberInputSchema.optional(),
      })
      .strict(),
    // The answer carries no ID number: the booking screen shows what it sent, masked.
    response: z.object({ appointment: z.object({ id: z.number().int(), code: z.string(), line: BusinessLineSchema, slotStart: z.number().int() }) }),
  }),

  /**
   * What an appointment's QR code stands for: line, slot and the booked name. Its ID number is never
   * handed out: a code alone does not identify anyone (it may be on a paper someone else picked
   * up). When the booking has one (`withIdNumber`), the kiosk asks for the card or the number and
   * checks it with checkAppointment. A used code answers 409, so nothing is read after use.
   */
  appointmentLookup: route({
    method: 'GET',
    path: '/api/appointments/:code',
    access: SELF_SERVICE,
    params: z.object({ code: AppointmentCodeSchema }).strict(),
    query: None,
    body: None,
    response: z.object({
      code: z.string(),
      line: BusinessLineSchema,
      slotStart: z.number().int(),
      name: z.string().nullable(),
      withIdNumber: z.boolean(),
      used: z.boolean(),
    }),
  }),

  /** Whether the person at the kiosk (their card or typed number) is the one the appointment was
   * booked for: 200 when so (or when it names nobody), 409 appointment_not_yours when not. */
  checkAppointment: route({
    method: 'POST',
    path: '/api/appointments/check',
    access: SELF_SERVICE,
    params: None,
    query: None,
    body: z.object({ code: AppointmentCodeSchema, idNumber: IdNumberInputSchema }).strict(),
    response: z.object({ ok: z.literal(true) }),
  }),
} as const;
