import type { Handlers } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';

type QueueHandlers = Pick<Handlers, 'queueState' | 'issueTicket' | 'listWindows' | 'windowState' | 'callNext'>;

export function queueHandlers(ctx: HostContext): QueueHandlers {
  function windowOrThrow(id: number) {
    const w = ctx.windows.get(id);
    if (!w) throw new ApiError('not_found', `No window with id ${id}`);
    return w;
  }

  return {
    queueState: () => ctx.tickets.state(ctx.today()),

    // Resolves only after the ticket's transaction has committed (and synced): see issue-batcher.
    issueTicket: ({ body, terminal }) => ctx.issuer.issue({ line: body.line, terminalId: terminal?.id ?? null }),

    listWindows: () => ({ windows: ctx.windows.list() }),

    windowState: ({ params }) => {
      const window = windowOrThrow(params.id);
      const waiting = ctx.tickets.waiting(ctx.today());
      return { window, current: ctx.tickets.current(window.id), waiting };
    },

    callNext: ({ params }) => {
      const window = windowOrThrow(params.id);
      const result = ctx.tickets.callNext(window.id, window.lines, ctx.today(), ctx.clock());
      if (result.ticket || result.finished) ctx.pushState.now();
      if (result.ticket && result.ticket.calledAt !== null) {
        ctx.events.broadcast({
          type: 'ticket.called',
          call: {
            ticketId: result.ticket.id,
            number: result.ticket.number,
            line: result.ticket.line,
            windowNumber: window.number,
            windowName: window.name,
            calledAt: result.ticket.calledAt,
          },
        });
      }
      return result;
    },
  };
}
