import { z } from 'zod';
import { CatalogOverridesSchema } from '../catalog/catalog-overrides.js';

/**
 * The national values the city publishes for the service catalog (issue 16): fees and time limits
 * by service code, by version, fetched like the calendar (If-None-Match). A hall's catalog is the
 * shipped one with these applied, then the hall supervisor's own permitted overrides on top.
 */
export const PublishedCatalogSchema = z.object({ version: z.number().int().positive(), values: CatalogOverridesSchema }).strict();
export type PublishedCatalog = z.infer<typeof PublishedCatalogSchema>;

export const catalogEtag = (version: number): string => `"catalog-${version}"`;
