import { newOneTimeCode } from '../../../db/terminals.js';
import { publicWindow } from '../../../db/windows.js';
import { validateIdNumber } from '../../domain/identity/id-number.js';
import type { Handlers } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import { actorOf } from './actor.js';

type AdminHandlers = Pick<Handlers, 'getSettings' | 'putSettings' | 'createWindow' | 'putWindow' | 'createAppointment' | 'listAudit'>;

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The supervisor's levers: applied at once (the next call reads them), and every change audited. */
export function adminHandlers(ctx: HostContext): AdminHandlers {
  function windowView(id: number) {
    const w = ctx.windows.get(id);
    if (!w) throw new ApiError('not_found', `No window with id ${id}`);
    return { window: publicWindow(w) };
  }

  return {
    getSettings: () => ctx.settings.hall(),

    putSettings: ({ body, staff, terminal }) => {
      const before = ctx.settings.hall();
      const saved = ctx.settings.putHall(body);
      const changed = Object.keys(saved).filter((k) => JSON.stringify(saved[k as keyof typeof saved]) !== JSON.stringify(before[k as keyof typeof before]));
      ctx.audit.append({ at: ctx.clock(), actor: actorOf(staff, terminal), action: 'settings.update', target: 'hall', detail: changed.join(', ') });
      // Displays show the notice and announce in the chosen languages from the next push.
      ctx.pushState.now();
      return saved;
    },

    createWindow: ({ body, staff, terminal }) => {
      try {
        const id = ctx.windows.create(body);
        ctx.audit.append({
          at: ctx.clock(),
          actor: actorOf(staff, terminal),
          action: 'window.create',
          target: `window ${body.number}`,
          detail: `A ${body.primary.join('/')}; B ${body.backup.join('/')}`,
        });
        return windowView(id);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError('conflict', `Window number ${body.number} exists already`);
        throw err;
      }
    },

    putWindow: ({ params, body, staff, terminal }) => {
      if (!ctx.windows.get(params.id)) throw new ApiError('not_found', `No window with id ${params.id}`);
      try {
        ctx.windows.save(params.id, body);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError('conflict', `Window number ${body.number} exists already`);
        throw err;
      }
      ctx.audit.append({
        at: ctx.clock(),
        actor: actorOf(staff, terminal),
        action: 'window.update',
        target: `window ${body.number}`,
        detail: `A ${body.primary.join('/')}; B ${body.backup.join('/')}`,
      });
      ctx.pushState.now();
      return windowView(params.id);
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

    listAudit: ({ query }) => ({ entries: ctx.audit.recent(query.limit), chainIntact: ctx.audit.verify() }),
  };
}
