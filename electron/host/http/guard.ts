import type { FastifyRequest } from 'fastify';
import type { Access } from '../../domain/contract/api.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import { credentialCookieName, isTerminalRole, TERMINAL_ROLES, type TerminalRole } from '../../domain/roles.js';
import type { TerminalStore } from '../../../db/terminals.js';
import { ApiError } from './api-error.js';

/**
 * Which role the caller says it acts as: header X-Yizhan-Role (the renderer sends its screen's
 * role) or ?role= (a WebSocket cannot set headers). A browser holding several screens' cookies on
 * one machine then uses only the one screen's credential.
 */
function roleHint(req: FastifyRequest): TerminalRole | null {
  const header = req.headers['x-yizhan-role'];
  const query = (req.query as Record<string, unknown> | undefined)?.['role'];
  const hint = typeof header === 'string' ? header : typeof query === 'string' ? query : null;
  return hint !== null && isTerminalRole(hint) ? hint : null;
}

function bearer(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (!auth?.startsWith('Bearer ')) return null;
  const token = auth.slice(7).trim();
  return token.length > 0 && token.length <= 128 ? token : null;
}

/**
 * Finds the terminal behind the request and checks its role against the route's access list.
 * 401 when no valid credential is presented; 403 when one is, but for a role the route refuses.
 */
export function authorize(req: FastifyRequest, access: Access, terminals: TerminalStore, now: number): Terminal | null {
  if (access === 'public') return null;
  const hint = roleHint(req);
  const candidates: string[] = [];
  const token = bearer(req);
  if (token) candidates.push(token);
  for (const role of hint ? [hint] : TERMINAL_ROLES) {
    const cookie = req.cookies[credentialCookieName(role)];
    if (cookie && cookie.length <= 128) candidates.push(cookie);
  }
  let refused: Terminal | null = null;
  for (const candidate of candidates) {
    const terminal = terminals.authenticate(candidate, now);
    if (!terminal || (hint && terminal.role !== hint)) continue;
    if (access.includes(terminal.role)) return terminal;
    refused = terminal;
  }
  if (refused) throw new ApiError('forbidden', `A ${refused.role} terminal may not use this route`);
  throw new ApiError('unauthorized', 'This terminal is not paired (or its credential was revoked)');
}
