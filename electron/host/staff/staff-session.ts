import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { sha256 } from '../../../db/terminals.js';
import type { StaffRecord, StaffStore } from '../../../db/staff.js';
import type { Terminal } from '../../domain/contract/schemas.js';

/** Staff sign in on top of their terminal: the session is bound to that terminal and ends when
 * the clerk is idle too long or at the end of a long day. */
export const STAFF_COOKIE = 'yz_staff';
const IDLE_MS = 4 * 3600_000;
const MAX_AGE_MS = 14 * 3600_000;

function tokenOf(req: FastifyRequest): string | null {
  const header = req.headers['x-yizhan-staff'];
  const token = typeof header === 'string' ? header : req.cookies[STAFF_COOKIE];
  return token && token.length <= 128 ? token : null;
}

export function staffResolver(staff: StaffStore, clock: () => number) {
  return (req: FastifyRequest, terminal: Terminal): StaffRecord | null => {
    const token = tokenOf(req);
    return token ? staff.sessionStaff(sha256(token), terminal.id, clock(), IDLE_MS, MAX_AGE_MS) : null;
  };
}

export function startSession(staff: StaffStore, reply: FastifyReply, req: FastifyRequest, staffId: number, terminalId: number, now: number): string {
  const token = randomBytes(32).toString('base64url');
  staff.createSession(sha256(token), staffId, terminalId, now);
  // A session cookie (no Max-Age): closing the browser signs the clerk out as well.
  void reply.setCookie(STAFF_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.protocol === 'https' });
  return token;
}

export function endSession(staff: StaffStore, reply: FastifyReply, req: FastifyRequest, now: number): void {
  const token = tokenOf(req);
  if (token) staff.endSession(sha256(token), now);
  void reply.clearCookie(STAFF_COOKIE, { path: '/' });
}
