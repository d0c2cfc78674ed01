import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { api, type Api, type RouteName } from '../../domain/contract/api.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import type { TerminalStore } from '../../../db/terminals.js';
import type { StaffRecord } from '../../../db/staff.js';
import { ApiError } from './api-error.js';
import { authorize } from './guard.js';

/** Finds the signed-in staff member of a request on this terminal (see staff/staff-session.ts). */
export type StaffResolver = (req: FastifyRequest, terminal: Terminal) => StaffRecord | null;

export interface HandlerInput<N extends RouteName> {
  params: z.output<Api[N]['params']>;
  query: z.output<Api[N]['query']>;
  body: z.output<Api[N]['body']>;
  /** The authenticated caller; null only on public routes. */
  terminal: Terminal | null;
  /** The signed-in staff member, when the route requires one (else whoever is signed in, or null). */
  staff: StaffRecord | null;
  req: FastifyRequest;
  reply: FastifyReply;
}

export type Handler<N extends RouteName> = (input: HandlerInput<N>) => z.input<Api[N]['response']> | Promise<z.input<Api[N]['response']>>;
export type Handlers = { [N in RouteName]: Handler<N> };

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  throw new ApiError('bad_request', `Invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/**
 * Registers one Fastify route per entry of the contract table. Every route is guarded by its
 * access list before its input is even parsed, so an unpaired caller learns nothing about shapes.
 * Responses are parsed against the contract too: a handler bug shows up as a logged 500 here
 * rather than as a malformed screen at a kiosk.
 */
export function registerRoutes(app: FastifyInstance, handlers: Handlers, terminals: TerminalStore, staffOf: StaffResolver, clock: () => number): void {
  for (const name of Object.keys(api) as RouteName[]) {
    const spec = api[name];
    const handler = handlers[name] as Handler<RouteName>;
    app.route({
      method: spec.method,
      url: spec.path,
      handler: async (req, reply) => {
        const terminal = authorize(req, spec.access, terminals, clock());
        const staff = terminal ? staffOf(req, terminal) : null;
        const needs = (spec as { staff?: 'any' | readonly string[] }).staff;
        if (needs !== undefined) {
          if (!staff) throw new ApiError('staff_sign_in_required', 'Sign in with your staff number and PIN first');
          if (needs !== 'any' && !needs.includes(staff.role)) throw new ApiError('forbidden', `This needs a ${needs.join(' or ')} sign-in`);
        }
        const input = {
          params: parse(spec.params, req.params, 'params'),
          query: parse(spec.query, req.query, 'query'),
          body: parse(spec.body, req.body, 'body'),
          terminal,
          staff,
          req,
          reply,
        } as HandlerInput<RouteName>;
        const out = await handler(input);
        return spec.response.parse(out);
      },
    });
  }
}
