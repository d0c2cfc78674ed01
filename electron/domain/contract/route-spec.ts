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
