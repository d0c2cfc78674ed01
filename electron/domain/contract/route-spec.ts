import { z } from 'zod';
import type { TerminalRole } from '../roles.js';
import type { StaffRole } from './schemas.js';

/** Who may call a route: nobody needs a credential ('public'), or one of these terminal roles. */
export type Access = 'public' | readonly TerminalRole[];

export interface RouteSpec<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  access: Access;
  /** Staff sign-in needed on top of the terminal: any staff member, or one of these roles. */
  staff?: 'any' | readonly StaffRole[];
  /** Only these terminal roles need that sign-in (a clerk console, not the counter screen beside it);
   * absent: every role the route admits. */
  staffOn?: readonly TerminalRole[];
  params: P;
  query: Q;
  body: B;
  response: R;
}

export const None = z.object({}).strict();
export const IdParam = z.object({ id: z.coerce.number().int().positive() }).strict();

export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(spec: RouteSpec<P, Q, B, R>): RouteSpec<P, Q, B, R> {
  return spec;
}

/** Whether a caller of this terminal role must be signed in as staff (and which staff roles). */
export function staffNeeded(spec: Pick<RouteSpec, 'staff' | 'staffOn'>, role: TerminalRole): RouteSpec['staff'] {
  return spec.staff !== undefined && (spec.staffOn === undefined || spec.staffOn.includes(role)) ? spec.staff : undefined;
}

/** A read that needs nothing but its path: no path parameters, no query, no body. */
export function readRoute<R extends z.ZodType>(
  path: string,
  access: Access,
  response: R,
  staff?: RouteSpec['staff'],
): RouteSpec<typeof None, typeof None, typeof None, R> {
  return route({ method: 'GET', path, access, ...(staff ? { staff } : {}), params: None, query: None, body: None, response });
}

/**
 * A clerk's one-word action on a window (open, call-next, recall …): no body, the window's id in
 * the path, any signed-in staff member. The return type is spelt out so that each route keeps its
 * own response type (ResponseOf<'recall'> is { ticket: Ticket }).
 */
export function windowAction<R extends z.ZodType>(action: string, response: R): RouteSpec<typeof IdParam, typeof None, typeof None, R> {
  return route({ method: 'POST', path: `/api/windows/:id/${action}`, access: ['clerk'], staff: 'any', params: IdParam, query: None, body: None, response });
}
