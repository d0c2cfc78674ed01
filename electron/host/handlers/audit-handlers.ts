import type { auditApi } from '../../domain/contract/audit-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';

/** The audit log as a supervisor reads it, with the verdict of its hash chain. */
export function auditHandlers(ctx: HostContext): HandlersFor<typeof auditApi> {
  return {
    listAudit: ({ query }) => ({ entries: ctx.audit.recent(query.limit), chainIntact: ctx.audit.verify() }),
  };
}
