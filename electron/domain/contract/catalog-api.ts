import { z } from 'zod';
import { CatalogSchema, TextSchema } from '../catalog/catalog-schema.js';
import { CatalogOverridesSchema } from '../catalog/catalog-overrides.js';
import { ADMIN, EVERY_TERMINAL, SUPERVISORS } from './access.js';
import { None, readRoute, route } from './route-spec.js';
import { BusinessLineSchema } from './schemas.js';

const CatalogOverridesAnswer = z.object({
  overrides: CatalogOverridesSchema,
  /** Every service of the shipped catalog with its shipped ("default") fee and time limit. */
  services: z.array(
    z.object({ code: z.string(), line: BusinessLineSchema, name: TextSchema, defaultFeeYuan: z.number(), defaultTimeLimitDays: z.number().int() }),
  ),
});

/** The service catalog as the hall offers it, and the supervisor's fee and time-limit overrides. */
export const catalogApi = {
  catalog: readRoute('/api/catalog', EVERY_TERMINAL, CatalogSchema),

  /** The supervisor's fee and time-limit overrides, with each service's shipped values beside them. */
  getCatalogOverrides: readRoute('/api/catalog/overrides', ADMIN, CatalogOverridesAnswer),

  /** Replaces the whole set of overrides (a service left out goes back to its shipped values); audited. */
  putCatalogOverrides: route({
    method: 'PUT',
    path: '/api/catalog/overrides',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: CatalogOverridesSchema,
    response: CatalogOverridesAnswer,
  }),
} as const;
