import type { FastifyInstance } from 'fastify';
import { AGENT_PATH, AgentQuerySchema } from '../../domain/contract/agent-link.js';
import { EVERY_TERMINAL } from '../../domain/contract/access.js';
import type { HostContext } from '../host-context.js';
import { ApiError } from '../http/api-error.js';
import { authorize } from '../http/guard.js';

/**
 * The agents' WebSocket: authorised with the terminal's own credential (Bearer, as the agent sends
 * it; the role in the query picks it as for screens) before anything is read, then handed to the
 * registry. Refused sockets are closed with a reason, as the screens' are.
 */
export function registerAgentSocket(app: FastifyInstance, ctx: HostContext, closing: () => boolean): void {
  app.get(AGENT_PATH, { websocket: true }, (socket, req) => {
    if (closing()) {
      socket.close(1001, 'host shutting down');
      return;
    }
    if (!AgentQuerySchema.safeParse(req.query).success) {
      socket.close(1008, 'query must be ?role=<terminal role>');
      return;
    }
    try {
      const terminal = authorize(req, EVERY_TERMINAL, ctx.terminals, ctx.clock());
      if (!terminal) throw new ApiError('unauthorized', 'Not paired');
      ctx.agents.attach(socket, terminal);
    } catch (err) {
      socket.close(1008, err instanceof ApiError ? err.code : 'refused');
    }
  });
}
