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
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
    body: None,
    response: z.object({ entries: z.array(AuditEntrySchema), chainIntact: z.boolean() }),
  }),
} as const;
