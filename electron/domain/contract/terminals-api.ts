import { z } from 'zod';
import { ADMIN, EVERY_TERMINAL, SUPERVISORS } from './access.js';
import { IdParam, None, readRoute, route } from './route-spec.js';
import { DEVICE_STATES, DeviceKindSchema } from '../devices/device-contract.js';
import { PrinterStatusSchema } from './print-api.js';
import { TerminalRoleSchema, TerminalSchema } from './schemas.js';

/** Codes are shown as XXXX-XXXX in Crockford base32. */
export const PAIRING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * Whether a terminal is there now, as the hub sees it: its screens' sockets and its agent's link,
 * both checked by heartbeat. `agent` is 'none' for a terminal that never ran an agent (a browser
 * screen, or the hub's own window).
 */
export const TerminalPresenceSchema = z.object({
  terminalId: z.number().int().positive(),
  screens: z.number().int().nonnegative(),
  agent: z.enum(['online', 'offline', 'none']),
  /** The last time the hub heard from any part of this terminal (null: never since it paired). */
  lastContactAt: z.number().int().nullable(),
});
export type TerminalPresence = z.infer<typeof TerminalPresenceSchema>;

/** One row of the admin screen's terminal list: the machine, its agent, devices and printer. */
export const TerminalOverviewSchema = TerminalSchema.extend({
  presence: TerminalPresenceSchema,
  /** What the terminal's agent last reported; null when it never ran one. */
  agent: z.object({ version: z.string(), machine: z.string(), connectedAt: z.number().int() }).nullable(),
  devices: z.array(z.object({ id: z.number().int().positive(), name: z.string(), kind: DeviceKindSchema, state: z.enum(DEVICE_STATES), agent: z.boolean() })),
  /** Where its papers go ('none' when it prints nothing) and the printer's last state. */
  printer: z.object({ description: z.string(), status: PrinterStatusSchema }),
});
export type TerminalOverview = z.infer<typeof TerminalOverviewSchema>;

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

  listTerminals: readRoute('/api/terminals', ADMIN, z.object({ terminals: z.array(TerminalOverviewSchema) })),

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
