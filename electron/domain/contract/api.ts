import { z } from 'zod';
import type { TerminalRole } from '../roles.js';
import { IdParam, None, route } from './route-spec.js';
import { queueApi } from './queue-api.js';
import { TerminalRoleSchema, TerminalSchema } from './schemas.js';
import { deviceApi } from '../devices/device-api.js';
import { printApi } from './print-api.js';
import { applicationsApi } from './applications-api.js';
import { hallApi } from './hall-api.js';

/**
 * The HTTP API as data: method, path, who may call it, and the schema of everything that crosses.
 * The host registers its handlers from this table (so a route cannot exist without a role list and
 * schemas) and the renderer's client calls through it (so both sides agree by construction).
 */
export type { Access, RouteSpec } from './route-spec.js';

const EVERY_TERMINAL: readonly TerminalRole[] = ['kiosk', 'booth', 'clerk', 'display', 'admin'];

export const PAIRING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export const api = {
  ...queueApi,
  health: route({
    method: 'GET',
    path: '/api/health',
    access: 'public',
    params: None,
    query: None,
    body: None,
    response: z.object({
      name: z.literal('yizhan'),
      version: z.string(),
      databasePath: z.string(),
      schemaVersion: z.number().int(),
      time: z.number().int(),
    }),
  }),

  pair: route({
    method: 'POST',
    path: '/api/pair',
    access: 'public',
    params: None,
    query: None,
    // Codes are shown as XXXX-XXXX in Crockford base32; people type them in lower case or with
    // look-alike letters, so normalise before matching.
    body: z
      .object({
        code: z
          .string()
          .trim()
          .max(32)
          .transform((s) => s.toUpperCase().replace(/[O]/g, '0').replace(/[IL]/g, '1'))
          .pipe(z.string().regex(PAIRING_CODE_PATTERN, 'expected a pairing code like ABCD-1234')),
      })
      .strict(),
    response: z.object({ terminal: TerminalSchema }),
  }),

  session: route({
    method: 'GET',
    path: '/api/session',
    access: EVERY_TERMINAL,
    params: None,
    query: z.object({ role: TerminalRoleSchema }).strict(),
    body: None,
    response: z.object({ terminal: TerminalSchema }),
  }),

  listTerminals: route({
    method: 'GET',
    path: '/api/terminals',
    access: ['admin'],
    params: None,
    query: None,
    body: None,
    response: z.object({ terminals: z.array(TerminalSchema) }),
  }),

  revokeTerminal: route({
    method: 'DELETE',
    path: '/api/terminals/:id',
    access: ['admin'],
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ terminal: TerminalSchema }),
  }),

  createPairingCode: route({
    method: 'POST',
    path: '/api/pairing-codes',
    access: ['admin'],
    params: None,
    query: None,
    body: z
      .object({
        role: TerminalRoleSchema,
        name: z.string().trim().min(1).max(60),
      })
      .strict(),
    response: z.object({ code: z.string(), role: TerminalRoleSchema, name: z.string(), expiresAt: z.number().int() }),
  }),

  ...deviceApi,
  ...printApi,
  ...applicationsApi,
  ...hallApi,
} as const;

export type Api = typeof api;
export type RouteName = keyof Api;
export type RequestOf<N extends RouteName> = {
  params: z.input<Api[N]['params']>;
  query: z.input<Api[N]['query']>;
  body: z.input<Api[N]['body']>;
};
export type ResponseOf<N extends RouteName> = z.infer<Api[N]['response']>;

/** Fill `:name` placeholders of a route path. */
export function pathFor(path: string, params: Record<string, string | number>): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(v));
  });
}

export const EVENTS_PATH = '/api/events';
/** `role` picks which of the browser's screen credentials the socket uses (see guard.ts). A window's
 * 笔谈 is followed with a `watch` message on the open socket, so a page keeps one socket. */
export const EventsQuerySchema = z.object({ role: TerminalRoleSchema }).strict();
