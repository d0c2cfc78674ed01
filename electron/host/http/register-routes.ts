import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Api } from '../../domain/contract/api.js';
import { staffNeeded, type RouteSpec } from '../../domain/contract/route-spec.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import type { TerminalStore } from '../../../db/terminals.js';
import type { StaffRecord } from '../../../db/staff.js';
import { forbiddenCharacterAt } from '../../domain/contract/text-rules.js';
import { ApiError } from './api-error.js';
import { authorize } from './guard.js';

/** Finds the signed-in staff member of a request on this terminal (see staff/staff-session.ts). */
export type StaffResolver = (req: FastifyRequest, terminal: Terminal) => StaffRecord | null;

/** A route table: one contract file's routes, or the whole merged `api`. */
export type RouteTable = Readonly<Record<string, RouteSpec>>;

export interface HandlerInput<S extends RouteSpec> {
  params: z.output<S['params']>;
  query: z.output<S['query']>;
  body: z.output<S['body']>;
  /** The authenticated caller; null only on public routes. */
  terminal: Terminal | null;
  /** The signed-in staff member, when the route requires one (else whoever is signed in, or null). */
  staff: StaffRecord | null;
  req: FastifyRequest;
  reply: FastifyReply;
}

export type Handler<S extends RouteSpec> = (input: HandlerInput<S>) => z.input<S['response']> | Promise<z.input<S['response']>>;
/** A handler for every route of a table and nothing else: what each handlers/<x>-handlers.ts returns for contract/<x>-api.ts. */
export type HandlersFor<T extends RouteTable> = { [N in keyof T]: Handler<T[N]> };
export type Handlers = HandlersFor<Api>;

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  // One rule for every text of every route, before any schema: no control characters.
  const bad = forbiddenCharacterAt(value);
  if (bad) {
    const path = [where, ...bad.map(String)].join('.');
    throw new ApiError('bad_request', `Invalid ${where}: ${path} holds a control or format character`, [
      { path, message: 'control or format characters are not accepted' },
    ]);
  }
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  throw new ApiError('bad_request', `Invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

export interface RouteGuard {
  terminals: TerminalStore;
  staffOf: StaffResolver;
  clock: () => number;
}

/**
 * Registers one Fastify route per entry of a contract table. Every route is guarded by its
 * access list before its input is even parsed, so an unpaired caller learns nothing about shapes.
 * Responses are parsed against the contract too: a handler bug shows up as a logged 500 here
 * rather than as a malformed screen at a kiosk.
 */
export function registerRoutes<T extends RouteTable>(app: FastifyInstance, table: T, handlers: HandlersFor<T>, guard: RouteGuard): void {
  const { terminals, staffOf, clock } = guard;
  for (const name of Object.keys(table)) {
    const spec: RouteSpec = table[name] as RouteSpec;
    const handler = handlers[name] as Handler<RouteSpec>;
    app.route({
      method: spec.method,
      url: spec.path,
      handler: async (req, reply) => {
        const terminal = authorize(req, spec.access, terminals, clock());
        const staff = terminal ? staffOf(req, terminal) : null;
        const needs = terminal ? staffNeeded(spec, terminal.role) : spec.staff;
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
        };
        const out = await handler(input);
        return spec.response.parse(out);
      },
    });
  }
}
