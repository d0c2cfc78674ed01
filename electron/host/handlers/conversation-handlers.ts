import type { conversationApi } from '../../domain/contract/conversation-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import { heldWindow } from './held-window.js';
import { windowOrThrow } from './window-of.js';

/**
 * 笔谈 (written conversation) between a clerk and a deaf applicant at one window. Lines go only to
 * that window's clerk console and applicant-facing screen, never to the hall, and are not
 * written to the audit log (they are personal).
 */
export function conversationHandlers(ctx: HostContext): HandlersFor<typeof conversationApi> {
  return {
    // The clerk side of a window's 笔谈 is its holder's; the applicant side is the counter screen's.
    conversation: ({ params, terminal, staff }) => {
      if (terminal?.role === 'clerk') heldWindow(ctx, params.id, staff);
      else windowOrThrow(ctx, params.id);
      return { messages: ctx.conversation.list(params.id) };
    },

    sendConversation: ({ params, body, terminal, staff }) => {
      if (terminal?.role === 'clerk') heldWindow(ctx, params.id, staff);
      else windowOrThrow(ctx, params.id);
      // The clerk writes from the console, the applicant from the counter screen: a display
      // terminal cannot speak as the clerk, nor a clerk terminal as the applicant.
      const expected = terminal?.role === 'clerk' ? 'clerk' : 'applicant';
      if (body.from !== expected) throw new ApiError('forbidden', `A ${terminal?.role ?? '?'} terminal writes as the ${expected}`);
      const current = ctx.tickets.current(params.id);
      const message = ctx.conversation.add(params.id, current?.id ?? null, body.from, body.text, ctx.clock());
      ctx.events.sendToWindow(params.id, { type: 'conversation.message', windowId: params.id, message });
      return { message };
    },
  };
}
