import { z } from 'zod';
import { ADMIN, STAFF_TERMINALS, SUPERVISORS } from './access.js';
import { IdParam, None, readRoute, route } from './route-spec.js';
import { StaffRoleSchema, StaffSchema } from './schemas.js';
import { isPersonName, PERSON_NAME_MESSAGE } from './text-rules.js';

/** A staff PIN: digits only, so it can be typed on the on-screen keypad. */
export const PIN_PATTERN = /^\d{4,12}$/;
export const PIN_MAX_LENGTH = 12;
/** A staff number (工号): letters and digits. */
export const STAFF_NO_PATTERN = /^[0-9A-Za-z]{2,20}$/;
export const STAFF_NO_MAX_LENGTH = 20;

const PinSchema = z.string().regex(PIN_PATTERN, 'a PIN is 4 to 12 digits');
const StaffNoSchema = z.string().trim().regex(STAFF_NO_PATTERN, 'a staff number is 2 to 20 letters or digits');
const StaffName = z.string().trim().min(1).max(40).refine(isPersonName, PERSON_NAME_MESSAGE);
/** The first-administrator setup code and enrolment codes, as typed. */
const OneTimeCodeSchema = z
  .string()
  .trim()
  .max(32)
  .transform((s) => s.toUpperCase());
const StaffAnswer = z.object({ staff: StaffSchema });
const StaffWithCode = z.object({ staff: StaffSchema, enrollmentCode: z.string() });

/**
 * Staff: the first administrator's setup, enrolment with a one-time code, sign-in with staff number
 * and PIN on a clerk or admin terminal, and the supervisor's list of staff.
 */
/** A supervisor's one-word action on an account (the handler checks rank). */
function accountAction(action: string) {
  return route({
    method: 'POST',
    path: `/api/staff/:id/${action}`,
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ staff: StaffSchema }),
  });
}

export const staffApi = {
  staffMe: readRoute('/api/staff/me', STAFF_TERMINALS, z.object({ staff: StaffSchema.nullable(), setupRequired: z.boolean() })),

  staffSetup: route({
    method: 'POST',
    path: '/api/staff/setup',
    access: ADMIN,
    params: None,
    query: None,
    body: z.object({ setupCode: OneTimeCodeSchema, staffNo: StaffNoSchema, name: StaffName, pin: PinSchema }).strict(),
    response: StaffAnswer,
  }),

  staffSignIn: route({
    method: 'POST',
    path: '/api/staff/sign-in',
    access: STAFF_TERMINALS,
    params: None,
    query: None,
    body: z.object({ staffNo: StaffNoSchema, pin: PinSchema }).strict(),
    response: StaffAnswer,
  }),

  staffSignOut: route({
    method: 'POST',
    path: '/api/staff/sign-out',
    access: STAFF_TERMINALS,
    params: None,
    query: None,
    body: None,
    response: z.object({ ok: z.literal(true) }),
  }),

  staffEnroll: route({
    method: 'POST',
    path: '/api/staff/enroll',
    access: STAFF_TERMINALS,
    params: None,
    query: None,
    body: z.object({ staffNo: StaffNoSchema, code: OneTimeCodeSchema, pin: PinSchema }).strict(),
    response: StaffAnswer,
  }),

  listStaff: readRoute('/api/staff', ADMIN, z.object({ staff: z.array(StaffSchema) }), SUPERVISORS),

  createStaff: route({
    method: 'POST',
    path: '/api/staff',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: z.object({ staffNo: StaffNoSchema, name: StaffName, role: StaffRoleSchema }).strict(),
    response: StaffWithCode,
  }),

  resetStaff: route({
    method: 'POST',
    path: '/api/staff/:id/reset',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: None,
    response: StaffWithCode,
  }),

  /** A staff member who leaves, or must not work for now: signed out everywhere at once. */
  disableStaff: accountAction('disable'),
  enableStaff: accountAction('enable'),

  setStaffRole: route({
    method: 'PUT',
    path: '/api/staff/:id/role',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: z.object({ role: StaffRoleSchema }).strict(),
    response: z.object({ staff: StaffSchema }),
  }),
} as const;
