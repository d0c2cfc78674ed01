import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { sha256 } from '../../../db/terminals.js';
import type { StaffRecord, StaffStore } from '../../../db/staff.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import type { TerminalRole } from '../../domain/roles.js';
import { STAFF_SESSION_LIMITS } from '../../domain/sessions/session-expiry.js';

/** Staff sign in on top of their terminal: the session is bound to that terminal and ends when
 * the clerk is idle too long or at the end of a long day. One cookie per terminal role, like the
 * terminal credentials: on a single machine the clerk and admin screens share a browser, and a
 * supervisor signing in on one must not sign the clerk out of the other. */
export function staffCookieName(role: TerminalRole): string {
  return `yz_staff_${role}`;
}
export const IDLE_MS = STAFF_SESSION_LIMITS.idleMs;
export const MAX_AGE_MS = STAFF_SESSION_LIMITS.maxAgeMs;

function tokenOf(req: FastifyRequest, role: TerminalRole): string | null {
  const header = req.headers['x-yizhan-staff'];
  const token = typeof header === 'string' ? header : req.cookies[staffCookieName(role)];
  return token && token.length <= 128 ? token : null;
}

export function staffResolver(staff: StaffStore, clock: () => number) {
  return (req: FastifyRequest, terminal: Terminal): StaffRecord | null => {
    const token = tokenOf(req, terminal.role);
    return token ? staff.sessionStaff(sha256(token), terminal.id, clock(), IDLE_MS, MAX_AGE_MS) : null;
  };
}

export function startSession(staff: StaffStore, reply: FastifyReply, req: FastifyRequest, staffId: number, terminal: Terminal, now: number): string {
  const token = randomBytes(32).toString('base64url');
  staff.createSession(sha256(token), staffId, terminal.id, now);
  // A session cookie (no Max-Age): closing the browser signs the clerk out as well.
  void reply.setCookie(staffCookieName(terminal.role), token, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.protocol === 'https' });
  return token;
}

export function endSession(staff: StaffStore, reply: FastifyReply, req: FastifyRequest, terminal: Terminal, now: number): void {
  const token = tokenOf(req, terminal.role);
  if (token) staff.endSession(sha256(token), now);
  void reply.clearCookie(staffCookieName(terminal.role), { path: '/' });
}
