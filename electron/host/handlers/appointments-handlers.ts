import { newOneTimeCode } from '../../../db/terminals.js';
import type { appointmentsApi } from '../../domain/contract/appointments-api.js';
import { validateIdNumber } from '../../domain/identity/id-number.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import { actorOf } from './actor.js';

/** Booking an appointment (staff), and a kiosk identifying its citizen from the code. */
export function appointmentsHandlers(ctx: HostContext): HandlersFor<typeof appointmentsApi> {
  return {
    createAppointment: ({ body, staff, terminal }) => {
      // The contract checked the number's form; a birth date after today is refused here.
      if (body.idNumber !== undefined && !validateIdNumber(body.idNumber, ctx.today()).ok) {
        throw new ApiError('bad_request', 'The ID number is not valid', [{ path: 'body.idNumber', message: 'not a valid resident ID number' }]);
      }
      const a = ctx.appointments.create(
        { code: newOneTimeCode(), line: body.line, slotStart: body.slotStart, name: body.name ?? null, idNumber: body.idNumber ?? null },
        ctx.clock(),
      );
      ctx.audit.append({
        at: ctx.clock(),
        actor: actorOf(staff, terminal),
        action: 'appointment.create',
        target: `appointment ${a.id}`,
        detail: `${a.line} ${new Date(a.slot_start).toISOString()}`,
      });
      return { appointment: { id: a.id, code: a.code, line: a.line, slotStart: a.slot_start } };
    },

    appointmentLookup: ({ params }) => {
      const a = ctx.appointments.byCode(params.code);
      if (!a) throw new ApiError('not_found', 'No appointment with this code');
      // A used booking's details are not handed out again (the code may be on a discarded paper).
      if (a.used_at !== null) throw new ApiError('conflict', 'This appointment was used already');
      return { code: a.code, line: a.line, slotStart: a.slot_start, name: a.name, idNumber: a.id_number, used: false };
    },
  };
}
