import { newOneTimeCode } from '../../../db/terminals.js';
import type { AppointmentRow } from '../../../db/appointments.js';
import type { AppointmentListItem, appointmentsApi } from '../../domain/contract/appointments-api.js';
import { maskName } from '../../domain/identity/mask.js';
import { hallInstant, serviceDay } from '../../domain/service-day.js';
import { validateIdNumber } from '../../domain/identity/id-number.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import { holderOrRefuse } from './appointment-holder.js';
import type { HostContext } from '../host-context.js';
import type { AuditAction } from '../../domain/audit-actions.js';
import { actorOf } from './actor.js';

/** Booking an appointment (staff), and a kiosk identifying its citizen from the code. */
export function appointmentsHandlers(ctx: HostContext): HandlersFor<typeof appointmentsApi> {
  const item = (a: AppointmentRow): AppointmentListItem => ({
    id: a.id,
    code: a.code,
    line: a.line,
    slotStart: a.slot_start,
    maskedName: a.name ? maskName(a.name) : null,
    withIdNumber: a.id_number !== null,
    usedAt: a.used_at,
    cancelledAt: a.cancelled_at,
  });
  /** The booking a route names, still open for a change: not used, not cancelled. */
  const open = (id: number): AppointmentRow => {
    const a = ctx.appointments.byId(id);
    if (!a) throw new ApiError('not_found', `No appointment ${id}`);
    if (a.used_at !== null) throw new ApiError('conflict', 'This appointment was used already: its ticket exists');
    if (a.cancelled_at !== null) throw new ApiError('conflict', 'This appointment was cancelled');
    return a;
  };
  const audited = (action: AuditAction, a: AppointmentRow, detail: string, actor: string, change: () => boolean) =>
    ctx.db
      .transaction(() => {
        if (!change()) throw new ApiError('conflict', 'The appointment changed meanwhile: read the list again');
        ctx.audit.append({ at: ctx.clock(), actor, action, target: `appointment ${a.id}`, detail });
      })
      .immediate();

  return {
    listAppointments: ({ query }) => {
      const from = hallInstant(query.from, '00:00', ctx.timeZone);
      const last = hallInstant(query.to, '00:00', ctx.timeZone);
      if (from === null || last === null || last < from)
        throw new ApiError('bad_request', 'from and to must be dates, from first', [{ path: 'query.to', message: 'not after from' }]);
      if (last - from > 31 * 86_400_000)
        throw new ApiError('bad_request', 'At most 31 days at a time', [{ path: 'query.to', message: 'at most 31 days after from' }]);
      // Up to the hall's midnight after `to` (a day is not always 24 h where clocks change).
      const end = hallInstant(serviceDay(last + 36 * 3_600_000, ctx.timeZone), '00:00', ctx.timeZone) ?? last + 86_400_000;
      return { appointments: ctx.appointments.between(from, end).map(item) };
    },

    cancelAppointment: ({ params, staff, terminal }) => {
      const a = open(params.id);
      audited('appointment.cancel', a, `${a.line} ${new Date(a.slot_start).toISOString()}`, actorOf(staff, terminal), () =>
        ctx.appointments.cancel(a.id, ctx.clock()),
      );
      return { appointment: item(ctx.appointments.byId(a.id) ?? a) };
    },

    changeAppointment: ({ params, body, staff, terminal }) => {
      const a = open(params.id);
      const detail = `${a.line} ${new Date(a.slot_start).toISOString()} → ${body.line} ${new Date(body.slotStart).toISOString()}`;
      audited('appointment.change', a, detail, actorOf(staff, terminal), () => ctx.appointments.move(a.id, body.line, body.slotStart));
      return { appointment: item(ctx.appointments.byId(a.id) ?? a) };
    },

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
      if (a.cancelled_at !== null) throw new ApiError('conflict', 'This appointment was cancelled');
      return { code: a.code, line: a.line, slotStart: a.slot_start, name: a.name, withIdNumber: a.id_number !== null, used: false };
    },

    checkAppointment: ({ body }) => {
      const a = ctx.appointments.byCode(body.code);
      if (!a || a.used_at !== null || a.cancelled_at !== null) throw new ApiError('appointment_invalid', 'Unknown, used or cancelled appointment code');
      holderOrRefuse(a.id_number, body.idNumber);
      return { ok: true as const };
    },
  };
}
