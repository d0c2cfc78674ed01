import { z } from 'zod';
import { BackOfficeSystemSchema } from '../back-office/back-office.js';
import { ADMIN, STAFF_TERMINALS, SUPERVISORS } from './access.js';
import { IdParam, None, readRoute, route } from './route-spec.js';

/** One back office as the outage line shows it: reachable or since when not, and what waits. */
export const BackOfficeLinkStatusSchema = z.object({
  system: BackOfficeSystemSchema,
  state: z.enum(['up', 'unreachable', 'not_configured']),
  /** When it stopped answering (epoch ms); null while it answers. */
  since: z.number().int().nullable(),
  /** Messages waiting to be sent, and when the oldest was queued. */
  waiting: z.number().int().min(0),
  oldestAt: z.number().int().nullable(),
  dead: z.number().int().min(0),
  /** When it answered again after its last outage (epoch ms); null before any outage ended. */
  upSince: z.number().int().nullable(),
  /** The worker's pace (electron/domain/delivery/delivery-pace.ts): delivered per minute lately,
   * and when what waits will be sent at that rate. */
  pace: z.object({
    perMinute: z.number().min(0),
    outlook: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('clear') }),
      z.object({ kind: z.literal('draining'), clearInMs: z.number().int().min(0) }),
      z.object({ kind: z.literal('stalled') }),
      z.object({ kind: z.literal('unknown') }),
    ]),
  }),
});
export type BackOfficeLinkStatus = z.infer<typeof BackOfficeLinkStatusSchema>;
export const BackOfficeStatusSchema = z.object({ links: z.array(BackOfficeLinkStatusSchema) });

const LinkSettingsSchema = z.object({
  system: BackOfficeSystemSchema,
  baseUrl: z.string(),
  timeoutMs: z.number().int(),
  /** Never the credential itself: only whether one is stored. */
  credentialSet: z.boolean(),
});
const SettingsSchema = z.object({ links: z.array(LinkSettingsSchema), verifyLimitMs: z.number().int() });

export const DeadLetterSchema = z.object({
  id: z.number().int(),
  caseNumber: z.string(),
  system: BackOfficeSystemSchema,
  kind: z.enum(['submit', 'status']),
  sequence: z.number().int(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

const UrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine((u) => u === '' || /^https?:\/\/[^\s]+$/.test(u), 'must be an http(s) URL, or empty to switch the link off');

/**
 * The back offices behind the hall: their state for the outage line (clerks and admins), their
 * links (a supervisor sets URL, credential and timeout; the credential is never shown back), and
 * the dead letters a supervisor retries or cancels (both audited).
 */
export const backOfficeApi = {
  backOfficeStatus: readRoute('/api/back-office/status', STAFF_TERMINALS, BackOfficeStatusSchema, 'any'),
  backOfficeSettings: readRoute('/api/back-office/settings', ADMIN, SettingsSchema, SUPERVISORS),

  putBackOfficeLink: route({
    method: 'PUT',
    path: '/api/back-office/links/:system',
    access: ADMIN,
    staff: SUPERVISORS,
    params: z.object({ system: BackOfficeSystemSchema }).strict(),
    query: None,
    body: z
      .object({
        baseUrl: UrlSchema,
        timeoutMs: z.number().int().min(100).max(120_000),
        /** A new credential; absent keeps the stored one, null removes it. */
        credential: z.string().min(1).max(500).nullable().optional(),
      })
      .strict(),
    response: SettingsSchema,
  }),

  putBackOfficeVerifyLimit: route({
    method: 'PUT',
    path: '/api/back-office/verify-limit',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: z.object({ verifyLimitMs: z.number().int().min(200).max(30_000) }).strict(),
    response: SettingsSchema,
  }),

  deadLetters: readRoute('/api/back-office/dead-letters', ADMIN, z.object({ deadLetters: z.array(DeadLetterSchema) }), SUPERVISORS),

  retryDeadLetter: route({
    method: 'POST',
    path: '/api/back-office/dead-letters/:id/retry',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ deadLetters: z.array(DeadLetterSchema) }),
  }),

  cancelDeadLetter: route({
    method: 'POST',
    path: '/api/back-office/dead-letters/:id/cancel',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ deadLetters: z.array(DeadLetterSchema) }),
  }),
} as const;
