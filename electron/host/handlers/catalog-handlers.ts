import { serviceCatalog } from '../../domain/catalog/catalog.js';
import { describeOverrideChanges } from '../../domain/catalog/catalog-overrides.js';
import { ApiError } from '../http/api-error.js';
import type { catalogApi } from '../../domain/contract/catalog-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { actorOf } from './actor.js';

/**
 * The catalog as this hall offers it (fees and time limits as the supervisor set them), and the
 * supervisor's overrides: read with the shipped values beside them, replaced whole, audited.
 */
export function catalogHandlers(ctx: HostContext): HandlersFor<typeof catalogApi> {
  function answer() {
    return {
      overrides: ctx.catalog.overrides(),
      services: serviceCatalog().services.map((s) => ({
        code: s.code,
        line: s.line,
        name: s.name,
        defaultFeeYuan: s.fee.yuan,
        defaultTimeLimitDays: s.timeLimitDays,
      })),
    };
  }

  return {
    catalog: () => ctx.catalog.catalog(),

    getCatalogOverrides: () => answer(),

    putCatalogOverrides: ({ body, staff, terminal }) => {
      // A code this catalog lacks is a mistake at the screen, not something to keep in storage.
      const known = new Set(serviceCatalog().services.map((s) => s.code));
      const unknown = Object.keys(body).filter((c) => !known.has(c));
      if (unknown.length > 0)
        throw new ApiError(
          'bad_request',
          `Unknown services: ${unknown.join(', ')}`,
          unknown.map((c) => ({ path: `body.${c}`, message: 'unknown service' })),
        );
      const before = ctx.catalog.catalog();
      // The new prices and their audit entry commit together, or neither does.
      const changes = ctx.db
        .transaction(() => {
          let after;
          try {
            after = ctx.catalog.putOverrides(body);
          } catch (err) {
            // The merge is checked again by the catalog schema; say so at the request, store nothing.
            throw new ApiError('bad_request', `The overrides do not make a valid catalog: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
          }
          // Codes and amounts only: the audit trail of a price change names no person.
          const described = describeOverrideChanges(before, after);
          ctx.audit.append({
            at: ctx.clock(),
            actor: actorOf(staff, terminal),
            action: 'catalog.update',
            target: 'catalog',
            detail: described.length > 0 ? described.join('; ') : 'no change',
          });
          return described;
        })
        .immediate();
      ctx.log(`catalog: overrides saved (${changes.length} service(s) changed)`);
      return answer();
    },
  };
}
