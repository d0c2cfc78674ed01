import type { auditApi } from '../../domain/contract/audit-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';

/** The audit log as a supervisor reads it, with the verdict of its hash chain. */
export function auditHandlers(ctx: HostContext): HandlersFor<typeof auditApi> {
  return {
    listAudit: ({ query }) => {
      const { limit, ...filter } = query;
      // The chain is verified for the first page; the pages after it carry that verdict.
      return { ...ctx.audit.find(filter, limit), chainIntact: filter.before === undefined ? ctx.audit.verify() : ctx.audit.lastVerdict() };
    },
  };
}
