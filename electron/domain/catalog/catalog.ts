import { CatalogSchema, type Catalog, type CatalogInput, type Service } from './catalog-schema.js';
import { householdServices } from './services-household.js';
import { trafficServices } from './services-traffic.js';
import { borderPorts, exitEntryServices } from './services-exit-entry.js';

/**
 * The service catalog shipped with this version: data in the repo, one file per business line,
 * validated against catalog-schema.ts when first used (a broken catalog stops the host at start
 * rather than showing a kiosk with holes). Fees and time limits are the usual national values;
 * a supervisor adjusts them per hall.
 *
 * The Mongolian (traditional script) was drafted by the development team and must be reviewed by
 * a native speaker before the hall goes live: hence `needsReview: ['mn']`.
 */
export const CATALOG_INPUT: CatalogInput = {
  version: '2026-11-24',
  needsReview: ['mn'],
  services: [...householdServices, ...trafficServices, ...exitEntryServices],
  ports: borderPorts,
};

let parsed: Catalog | null = null;

export function serviceCatalog(): Catalog {
  parsed ??= CatalogSchema.parse(CATALOG_INPUT);
  return parsed;
}

export function findService(code: string): Service | undefined {
  return serviceCatalog().services.find((s) => s.code === code);
}
