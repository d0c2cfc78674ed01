import { reinstatableSince } from '../../domain/queue/hall-settings.js';
import { publicWindow } from '../../domain/queue/public-window.js';
import type { windowsApi } from '../../domain/contract/windows-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import type { AuditAction } from '../../domain/audit-actions.js';
import type { WindowEventKind } from '../../domain/queue/ticket-events.js';
import { actorOf } from './actor.js';
import { heldWindow } from './held-window.js';
import { windowOrThrow } from './window-of.js';

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The windows: their state for a clerk, a clerk opening and closing one, a supervisor defining them. */
export function windowsHandlers(ctx: HostContext): HandlersFor<typeof windowsApi> {
  function setStatus(id: number, status: 'open' | 'paused' | 'closed', kind: WindowEventKind, staffId: number | null, actor: string, actorStaffId = staffId) {
    const w = windowOrThrow(ctx, id);
    // The change and its audit line commit together, or neither does.
    ctx.db
      .transaction(() => {
        ctx.windows.setStatus(w.id, status, staffId, { kind, staffId: actorStaffId, serviceDay: ctx.today(), at: ctx.clock() });
        ctx.audit.append({ at: ctx.clock(), actor, action: `window.${status}`, target: `window ${w.number}`, detail: '' });
      })
      .immediate();
    // Open windows change every estimated wait.
    ctx.pushState.now();
    return { window: publicWindow(windowOrThrow(ctx, id)) };
  }

  /** Saves a supervisor's window definition; a number another window has is a conflict, not a 500. */
  function define(save: () => number, body: { number: number; primary: string[]; backup: string[] }, action: AuditAction, actor: string) {
    let id;
    try {
      id = save();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError('conflict', `Window number ${body.number} exists already`);
      throw err;
    }
    ctx.audit.append({
      at: ctx.clock(),
      actor,
      action,
      target: `window ${body.number}`,
      detail: `A ${body.primary.join('/')}; B ${body.backup.join('/')}`,
    });
    return { window: publicWindow(windowOrThrow(ctx, id)) };
  }

  return {
    listWindows: () => ({ windows: ctx.windows.list().map(publicWindow) }),

    windowState: ({ params, staff }) => {
      const w = heldWindow(ctx, params.id, staff);
      const settings = ctx.settings.hall();
      const notBefore = reinstatableSince(settings, ctx.clock());
      return {
        window: publicWindow(w),
        current: ctx.tickets.current(w.id),
        waiting: ctx.tickets.waiting(ctx.today()),
        recallLimit: settings.recallLimit,
        noShows: ctx.tickets.noShowsAt(w.id, ctx.today(), notBefore),
      };
    },

    // A closed window is anyone's to open; one held by a colleague is theirs (take it over instead).
    openWindow: ({ params, staff, terminal }) => {
      const w = windowOrThrow(ctx, params.id);
      if (w.staffId !== null && w.staffId !== staff?.id) heldWindow(ctx, params.id, staff);
      return setStatus(params.id, 'open', 'window_opened', staff?.id ?? null, actorOf(staff, terminal));
    },
    pauseWindow: ({ params, staff, terminal }) => {
      heldWindow(ctx, params.id, staff);
      return setStatus(params.id, 'paused', 'window_paused', staff?.id ?? null, actorOf(staff, terminal));
    },
    resumeWindow: ({ params, staff, terminal }) => {
      heldWindow(ctx, params.id, staff);
      return setStatus(params.id, 'open', 'window_resumed', staff?.id ?? null, actorOf(staff, terminal));
    },
    closeWindow: ({ params, staff, terminal }) => {
      heldWindow(ctx, params.id, staff);
      return setStatus(params.id, 'closed', 'window_closed', null, actorOf(staff, terminal), staff?.id ?? null);
    },

    /**
     * AB角: a colleague takes over a window whose holder is away. A supervisor may always; a clerk
     * only while the window is paused (its holder stepped away), never from under someone serving.
     * The holder's console loses the window at once; the audit line names both.
     */
    takeOverWindow: ({ params, staff, terminal }) => {
      const w = windowOrThrow(ctx, params.id);
      if (!staff) throw new ApiError('staff_sign_in_required', 'Sign in first');
      if (w.staffId === null) throw new ApiError('conflict', `Window ${w.number} is closed: open it instead`);
      if (w.staffId === staff.id) return { window: publicWindow(w) };
      const supervisor = staff.role === 'supervisor' || staff.role === 'admin';
      if (!supervisor && w.status !== 'paused') {
        throw new ApiError(
          'window_held',
          `${w.staffName ?? 'A colleague'} is serving at window ${w.number}: only a paused window can be taken over by a clerk`,
        );
      }
      ctx.db
        .transaction(() => {
          ctx.windows.setStatus(w.id, w.status, staff.id, { kind: 'window_taken_over', staffId: staff.id, serviceDay: ctx.today(), at: ctx.clock() });
          ctx.audit.append({
            at: ctx.clock(),
            actor: actorOf(staff, terminal),
            action: 'window.take_over',
            target: `window ${w.number}`,
            detail: `from staff ${w.staffId ?? '?'} (${w.status})`,
          });
        })
        .immediate();
      // The former holder's screens stop following the window's 笔谈 now, not at their next read.
      ctx.events.revalidateWatchers(w.id);
      ctx.pushState.now();
      return { window: publicWindow(windowOrThrow(ctx, w.id)) };
    },

    createWindow: ({ body, staff, terminal }) => define(() => ctx.windows.create(body), body, 'window.create', actorOf(staff, terminal)),

    putWindow: ({ params, body, staff, terminal }) => {
      windowOrThrow(ctx, params.id);
      const save = () => {
        ctx.windows.save(params.id, body);
        return params.id;
      };
      const answer = define(save, body, 'window.update', actorOf(staff, terminal));
      // Displays and estimates follow the window's new lines at once.
      ctx.pushState.now();
      return answer;
    },
  };
}
