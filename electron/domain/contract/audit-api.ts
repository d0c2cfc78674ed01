import { z } from 'zod';
import { ADMIN, SUPERVISORS } from './access.js';
import { None, route } from './route-spec.js';
import { AuditEntrySchema } from './schemas.js';

/** The append-only, hash-chained audit log, read by a supervisor. */
export const auditApi = {
  listAudit: route({
    method: 'GET',
    path: '/api/audit',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: z
      .object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        /** Entries older than this id (the next page of a list read newest first). */
        before: z.coerce.number().int().positive().optional(),
        /** A staff number or terminal id as the actor column names them (staff:S001, terminal:4). */
        actor: z.string().trim().min(1).max(40).optional(),
        /** A family (staff, window …) or one action (staff.sign_in). */
        action: z
          .string()
          .regex(/^[a-z_]+(\.[a-z_]+)?$/)
          .max(40)
          .optional(),
        from: z.coerce.number().int().nonnegative().optional(),
        to: z.coerce.number().int().nonnegative().optional(),
      })
      .strict(),
    body: None,
    response: z.object({
      entries: z.array(AuditEntrySchema),
      /** The id to pass as `before` for the next page, or null at the oldest. */
      next: z.number().int().nullable(),
      chainIntact: z.boolean(),
    }),
  }),
} as const;
