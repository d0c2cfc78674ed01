import type { terminalsApi } from '../../domain/contract/terminals-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import { credentialCookieName } from '../../domain/roles.js';
import type { FastifyRequest } from 'fastify';
import { attemptLimiter } from '../http/attempt-limiter.js';
import { authorize } from '../http/guard.js';
import { actorOf } from './actor.js';
import { terminalOverview } from '../agents/terminal-overview.js';

/** Codes issued from the admin screen are meant to be typed at the new terminal soon after. */
export const ADMIN_CODE_TTL_MS = 30 * 60_000;
/** A pairing cookie outlives any reasonable terminal life; revocation, not expiry, ends it. */
const COOKIE_MAX_AGE_S = 10 * 365 * 24 * 3600;

export function terminalsHandlers(ctx: HostContext): HandlersFor<typeof terminalsApi> {
  // 40-bit codes that expire: at 10 wrong guesses a minute per address, guessing is hopeless.
  const pairingAttempts = attemptLimiter({ max: 10, windowMs: 60_000 });

  /** The public health answer tells an admin terminal a little more (the database's path). */
  const isAdmin = (req: FastifyRequest) => {
    try {
      return authorize(req, ['admin'], ctx.terminals, ctx.clock()) !== null;
    } catch {
      return false;
    }
  };

  return {
    health: ({ req }) => ({
      name: 'yizhan',
      version: ctx.version,
      ...(isAdmin(req) ? { databasePath: ctx.databasePath } : {}),
      schemaVersion: ctx.schemaVersion,
      time: ctx.clock(),
    }),

    pair: ({ body, req, reply }) => {
      const now = ctx.clock();
      if (pairingAttempts.blocked(req.ip, now)) throw new ApiError('too_many_requests', 'Too many pairing attempts; wait a minute');
      const paired = ctx.terminals.redeem(body.code, now);
      if (!paired) {
        pairingAttempts.fail(req.ip, now);
        throw new ApiError('pairing_code_invalid', 'The pairing code is unknown, already used or expired');
      }
      void reply.setCookie(credentialCookieName(paired.terminal.role), paired.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: req.protocol === 'https',
        maxAge: COOKIE_MAX_AGE_S,
      });
      ctx.log(`pairing: terminal #${paired.terminal.id} paired as ${paired.terminal.role}`);
      ctx.audit.append({
        at: now,
        actor: `terminal:${paired.terminal.id}`,
        action: 'terminal.pair',
        target: `terminal ${paired.terminal.id}`,
        detail: `${paired.terminal.role} ${paired.terminal.name}`,
      });
      return { terminal: paired.terminal };
    },

    session: ({ terminal }) => {
      if (!terminal) throw new ApiError('unauthorized', 'Not paired');
      return { terminal, timeZone: ctx.timeZone };
    },

    listTerminals: () => ({ terminals: terminalOverview(ctx) }),

    revokeTerminal: ({ params, terminal, staff }) => {
      if (terminal?.id === params.id) throw new ApiError('conflict', 'An admin terminal cannot revoke its own credential');
      const revoked = ctx.db
        .transaction(() => {
          const r = ctx.terminals.revoke(params.id, ctx.clock());
          if (r)
            ctx.audit.append({
              at: ctx.clock(),
              actor: actorOf(staff, terminal),
              action: 'terminal.revoke',
              target: `terminal ${r.id}`,
              detail: `${r.role} ${r.name}`,
            });
          return r;
        })
        .immediate();
      if (!revoked) throw new ApiError('not_found', `No terminal with id ${params.id}`);
      const cut = ctx.events.closeTerminal(revoked.id, 'revoked');
      ctx.agents.closeTerminal(revoked.id, 'revoked');
      ctx.log(`pairing: terminal #${revoked.id} revoked by #${terminal?.id ?? '?'} (${cut} screen connection(s) closed)`);
      return { terminal: revoked };
    },

    createPairingCode: ({ body, terminal, staff }) => {
      const issued = ctx.db
        .transaction(() => {
          const code = ctx.terminals.issueCode(body.role, body.name, ctx.clock(), ADMIN_CODE_TTL_MS);
          // The code itself is a secret: the log says who may pair what, not with which code.
          ctx.audit.append({
            at: ctx.clock(),
            actor: actorOf(staff, terminal),
            action: 'terminal.pairing_code',
            target: `${body.role} ${body.name}`,
            detail: '',
          });
          return code;
        })
        .immediate();
      return { ...issued, role: body.role, name: body.name };
    },
  };
}
