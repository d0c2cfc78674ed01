import type { z } from 'zod';
import type { Terminal, Ticket } from '../../domain/contract/schemas.js';
import { ticketRequestStore } from '../../../db/ticket-requests.js';
import { classAtArrival } from '../../domain/queue/calling-policy.js';
import { policyOf, reinstatableSince } from '../../domain/queue/hall-settings.js';
import type { WindowWithStaff } from '../../domain/queue/public-window.js';
import type { IssuedTicket } from '../../../db/tickets.js';
import type { queueApi } from '../../domain/contract/queue-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import type { AuditAction } from '../../domain/audit-actions.js';
import { estimateFor, maskedFor, queueState } from '../queue/queue-state.js';
import { actorOf } from './actor.js';
import type { StaffRecord } from '../../../db/staff.js';
import { heldWindow } from './held-window.js';
import { windowOrThrow } from './window-of.js';
import { holderOrRefuse } from './appointment-holder.js';

type IssueBody = z.output<(typeof queueApi)['issueTicket']['body']>;

export function queueHandlers(ctx: HostContext): HandlersFor<typeof queueApi> {
  /** A clerk's action and its audit line commit together or not at all; screens hear of it after. */
  function atomically<T>(fn: () => T): T {
    return ctx.db.transaction(fn).immediate();
  }

  function ticketOrConflict(t: Ticket | null, message: string): Ticket {
    if (!t) throw new ApiError('conflict', message);
    return t;
  }

  function announce(t: Ticket, w: WindowWithStaff, recall: boolean): void {
    if (t.calledAt === null) return;
    ctx.events.broadcast({
      type: 'ticket.called',
      recall,
      call: {
        ticketId: t.id,
        number: t.number,
        line: t.line,
        windowNumber: w.number,
        windowName: w.name,
        calledAt: t.calledAt,
        maskedName: maskedFor(ctx.settings.hall().maskNames, ctx.tickets.applicantName(t.id)),
      },
    });
  }

  /** The conversation belongs to one applicant: gone from the counter screen when they leave. */
  function endConversation(windowId: number): void {
    if (ctx.conversation.clear(windowId)) ctx.events.sendToWindow(windowId, { type: 'conversation.cleared', windowId });
  }

  /** 好差评: the counter screen facing the applicant asks about the service just finished. */
  function askRating(windowId: number): void {
    ctx.events.sendToWindow(windowId, { type: 'rating.asked', windowId });
  }

  const requests = ticketRequestStore(ctx.db);
  /** Requests being issued now, by key. */
  const issuing = new Map<string, Promise<unknown>>();

  /** The answer to a repeated request: the ticket it made, with the queue as it stands now. */
  function replayed(requestId: string, terminalId: number | null) {
    const earlier = requests.find(requestId);
    if (!earlier) return null;
    if (earlier.terminalId !== terminalId) throw new ApiError('conflict', 'This requestId was used by another terminal');
    const { ticket, ahead } = earlier;
    return { ticket, ahead, estimatedWaitMinutes: estimateFor(ctx, ticket.line, ahead), replayed: true };
  }

  /** Issues one ticket (group commit) with its slip job and, when the kiosk sent one, its request
   * key: all in the ticket's own transaction. */
  async function issue(body: IssueBody, terminal: Terminal | null) {
    const base = { line: body.line, terminalId: terminal?.id ?? null, language: body.language ?? null };
    // The slip's print job is stored in the ticket's own transaction: a ticket never lacks its slip.
    // (The estimate is worked out only for a terminal that prints: this runs inside the write lock.)
    const withSlip = (t: IssuedTicket) => {
      ctx.printing.storeSlip(t, terminal, body.language, () => estimateFor(ctx, body.line, t.ahead));
      if (body.requestId !== undefined) requests.record(body.requestId, t.ticket.id, terminal?.id ?? null, ctx.clock());
    };
    let issued;
    if (body.ticketClass === 'appointment' && body.appointmentCode) {
      const code = body.appointmentCode; // upper-cased by the contract
      issued = ctx.db
        .transaction(() => {
          const now = ctx.clock();
          const a = ctx.appointments.byCode(code);
          if (!a || a.line !== body.line || a.used_at !== null || a.cancelled_at !== null) {
            throw new ApiError('appointment_invalid', 'Unknown or already used appointment code for this business line');
          }
          holderOrRefuse(a.id_number, body.idNumber);
          if (!ctx.appointments.use(a.id, now)) throw new ApiError('appointment_invalid', 'This appointment was used already');
          const ticketClass = classAtArrival('appointment', a.slot_start, now, policyOf(ctx.settings.hall()));
          return ctx.tickets.issue({ ...base, ticketClass, appointmentId: a.id, appointmentSlot: a.slot_start }, ctx.today(), now, ([t]) => t && withSlip(t));
        })
        .immediate();
      ctx.pushState.soon();
    } else {
      // Resolves only after the ticket's transaction has committed (and synced): see issue-batcher.
      issued = await ctx.issuer.issue({ ...base, ticketClass: body.ticketClass, groupSize: body.groupSize ?? 1 }, withSlip);
    }
    const answer = { ...issued, estimatedWaitMinutes: estimateFor(ctx, body.line, issued.ahead), replayed: false };
    ctx.printing.slipsStored(terminal);
    return answer;
  }

  return {
    queueState: () => queueState(ctx),

    issueTicket: async ({ body, terminal }) => {
      const requestId = body.requestId;
      if (requestId === undefined) return issue(body, terminal);
      // A repeat that arrives while the first is still being issued waits for it, then replays it.
      const first = issuing.get(requestId);
      if (first) await first.catch(() => undefined);
      const again = replayed(requestId, terminal?.id ?? null);
      if (again) return again;
      const running = issue(body, terminal);
      issuing.set(requestId, running);
      try {
        return await running;
      } finally {
        issuing.delete(requestId);
      }
    },

    callNext: ({ params, staff, terminal }) => {
      const w = heldWindow(ctx, params.id, staff);
      if (w.status !== 'open') throw new ApiError('conflict', w.status === 'paused' ? 'The window is paused: resume first' : 'Open the window first');
      const current = ctx.tickets.current(w.id);
      if (current?.status === 'called') throw new ApiError('conflict', `${current.number} was called but not started: start serving or mark no-show first`);
      const actor = actorOf(staff, terminal);
      const result = atomically(() => {
        const r = ctx.tickets.callNext(w, ctx.today(), ctx.clock(), policyOf(ctx.settings.hall()));
        if (r.finished) ctx.audit.append({ at: ctx.clock(), actor, action: 'ticket.finish', target: r.finished.number, detail: `window ${w.number}` });
        if (r.ticket)
          ctx.audit.append({ at: ctx.clock(), actor, action: 'ticket.call', target: r.ticket.number, detail: `window ${w.number}; ${r.choice?.reason ?? ''}` });
        return r;
      });
      if (result.finished) {
        endConversation(w.id);
        askRating(w.id);
      }
      // The call goes out first: it is what a waiting hall listens for; the new state follows.
      if (result.ticket) announce(result.ticket, w, false);
      if (result.ticket || result.finished) ctx.pushState.now();
      return { ticket: result.ticket, finished: result.finished };
    },

    recall: ({ params, staff, terminal }) => {
      const w = heldWindow(ctx, params.id, staff);
      const limit = ctx.settings.hall().recallLimit;
      const t = atomically(() => {
        const recalled = ctx.tickets.recall(w.id, ctx.clock(), limit);
        if (recalled)
          ctx.audit.append({
            at: ctx.clock(),
            actor: actorOf(staff, terminal),
            action: 'ticket.recall',
            target: recalled.number,
            detail: `window ${w.number}; recall ${recalled.recallCount}`,
          });
        return recalled;
      });
      if (!t) {
        const current = ctx.tickets.current(w.id);
        throw new ApiError('conflict', current?.status === 'called' ? `Recalled ${limit} times already: mark no-show` : 'No called ticket to recall');
      }
      announce(t, w, true);
      ctx.pushState.now();
      return { ticket: t };
    },

    startServing: ({ params, staff, terminal }) =>
      act(params.id, staff, 'ticket.start', (w) => ctx.tickets.start(w.id, ctx.clock()), 'No called ticket to start', actorOf(staff, terminal)),

    finishServing: ({ params, staff, terminal }) =>
      act(params.id, staff, 'ticket.finish', (w) => ctx.tickets.finish(w.id, ctx.clock()), 'No ticket being served', actorOf(staff, terminal), true),

    markNoShow: ({ params, staff, terminal }) =>
      act(
        params.id,
        staff,
        'ticket.no_show',
        (w) => ctx.tickets.noShow(w.id, ctx.clock()),
        'Only a called ticket can be marked no-show',
        actorOf(staff, terminal),
        true,
      ),

    transfer: ({ params, body, staff, terminal }) => {
      const target = body.toWindowId !== undefined ? windowOrThrow(ctx, body.toWindowId) : null;
      return act(
        params.id,
        staff,
        'ticket.transfer',
        (w) => {
          const current = ctx.tickets.current(w.id);
          if (!current) return null;
          const toLine = body.toLine ?? (target && !target.lines.includes(current.line) ? target.lines[0] : current.line) ?? current.line;
          return ctx.tickets.transfer(w.id, toLine, target?.id ?? null, ctx.clock());
        },
        'No ticket at this window to transfer',
        actorOf(staff, terminal),
        true,
        `to ${body.toLine ?? ''}${target ? ` window ${target.number}` : ''}`,
      );
    },

    reinstate: ({ params, staff, terminal }) => {
      // Putting a latecomer back in the queue is for a clerk serving at a window.
      if (!ctx.windows.list().some((w) => w.staffId !== null && w.staffId === staff?.id)) {
        throw new ApiError('conflict', 'Open a window first: a no-show is reinstated by a clerk serving at one');
      }
      const notBefore = reinstatableSince(ctx.settings.hall(), ctx.clock());
      const t = atomically(() => {
        const back = ticketOrConflict(ctx.tickets.reinstate(params.id, notBefore, ctx.clock()), 'Only a recent no-show can be reinstated');
        ctx.audit.append({ at: ctx.clock(), actor: actorOf(staff, terminal), action: 'ticket.reinstate', target: back.number, detail: '' });
        return back;
      });
      ctx.pushState.now();
      return { ticket: t };
    },
  };

  function act(
    windowId: number,
    staff: StaffRecord | null,
    action: AuditAction,
    run: (w: WindowWithStaff) => Ticket | null,
    refusal: string,
    actor: string,
    ends = false,
    detail = '',
  ) {
    const w = heldWindow(ctx, windowId, staff);
    const t = atomically(() => {
      const done = ticketOrConflict(run(w), refusal);
      ctx.audit.append({ at: ctx.clock(), actor, action, target: done.number, detail: detail || `window ${w.number}` });
      return done;
    });
    if (ends) endConversation(w.id);
    if (action === 'ticket.finish') askRating(w.id);
    ctx.pushState.now();
    return { ticket: t };
  }
}
