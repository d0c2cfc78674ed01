import { z } from 'zod';
import { ADMIN, EVERY_TERMINAL, SUPERVISORS } from './access.js';
import { IdParam, None, readRoute, route } from './route-spec.js';
import { TerminalRoleSchema, TerminalSchema } from './schemas.js';

/** Codes are shown as XXXX-XXXX in Crockford base32. */
export const PAIRING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Terminals: the host's health, pairing a terminal with a one-time code, its session, and revoking it. */
export const terminalsApi = {
  health: readRoute(
    '/api/health',
    'public',
    z.object({
      name: z.literal('yizhan'),
      version: z.string(),
      /** Only to an admin terminal: where the data lives is nobody else's business. */
      databasePath: z.string().optional(),
      schemaVersion: z.number().int(),
      time: z.number().int(),
    }),
  ),

  pair: route({
    method: 'POST',
    path: '/api/pair',
    access: 'public',
    params: None,
    query: None,
    // People type codes in lower case or with look-alike letters, so normalise before matching.
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

  /**
   * Every screen's first call (through ScreenGate): who this terminal is, and the hall's IANA time
   * zone (the host's --time-zone), in which every screen shows dates and times and finds "today".
   */
  session: route({
    method: 'GET',
    path: '/api/session',
    access: EVERY_TERMINAL,
    params: None,
    query: z.object({ role: TerminalRoleSchema }).strict(),
    body: None,
    response: z.object({ terminal: TerminalSchema, timeZone: z.string().min(1) }),
  }),

  listTerminals: readRoute('/api/terminals', ADMIN, z.object({ terminals: z.array(TerminalSchema) })),

  revokeTerminal: route({
    method: 'DELETE',
    path: '/api/terminals/:id',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ terminal: TerminalSchema }),
  }),

  createPairingCode: route({
    method: 'POST',
    path: '/api/pairing-codes',
    access: ADMIN,
    staff: SUPERVISORS,
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
} as const;
