import type { SettingsStore } from '../../db/settings.js';
import { serviceCatalog } from '../domain/catalog/catalog.js';
import type { Catalog, Service } from '../domain/catalog/catalog-schema.js';
import { applyOverrides, CatalogOverridesSchema, type CatalogOverrides } from '../domain/catalog/catalog-overrides.js';
import { PublishedCatalogSchema, type PublishedCatalog } from '../domain/city/published-catalog.js';

export const CATALOG_OVERRIDES_KEY = 'catalog_overrides';
/** The city's published national values and their version (issue 16): { version, values }. */
export const CITY_CATALOG_KEY = 'city_catalog';

/**
 * The catalog as this hall runs it: the shipped one with the supervisor's overrides (fees, time
 * limits) applied. Every host reader (submissions, the promised date, the notice print, GET
 * /api/catalog) goes through here, so they all agree. Merged once and cached until the overrides
 * change through `putOverrides`.
 */
export function catalogService(settings: SettingsStore, log: (line: string) => void) {
  let cached: { overrides: CatalogOverrides; catalog: Catalog } | null = null;

  /** A stored value that no longer parses (or no longer merges) is dropped, not fatal: the hall
   * keeps running on the shipped catalog, and the log says why once. */
  /** The shipped catalog with the city's national values, when it published any (a bad stored value is ignored). */
  function national(): Catalog {
    const raw = settings.raw(CITY_CATALOG_KEY);
    if (raw === null) return serviceCatalog();
    try {
      return applyOverrides(serviceCatalog(), PublishedCatalogSchema.parse(JSON.parse(raw)).values);
    } catch (err) {
      log(`catalog: the city's values ignored (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
      return serviceCatalog();
    }
  }

  function load(): { overrides: CatalogOverrides; catalog: Catalog } {
    const base = national();
    const raw = settings.raw(CATALOG_OVERRIDES_KEY);
    if (raw === null) return { overrides: {}, catalog: base };
    try {
      const overrides = CatalogOverridesSchema.parse(JSON.parse(raw));
      return { overrides, catalog: applyOverrides(base, overrides) };
    } catch (err) {
      log(`catalog: stored overrides ignored, the shipped catalog applies (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
      return { overrides: {}, catalog: base };
    }
  }

  function current() {
    cached ??= load();
    return cached;
  }

  return {
    catalog: (): Catalog => current().catalog,
    /** The version of the city's values held (0: none). */
    cityVersion(): number {
      const raw = settings.raw(CITY_CATALOG_KEY);
      const parsed = raw === null ? null : PublishedCatalogSchema.safeParse(JSON.parse(raw));
      return parsed?.success ? parsed.data.version : 0;
    },
    /** Stores the city's new national values; the hall's own overrides stay and apply on top. */
    putCityValues(published: PublishedCatalog): void {
      applyOverrides(serviceCatalog(), published.values);
      settings.putRaw(CITY_CATALOG_KEY, JSON.stringify(published));
      cached = null;
    },
    find: (code: string): Service | undefined => current().catalog.services.find((s) => s.code === code),
    overrides: (): CatalogOverrides => current().overrides,
    /** Validates by merging first (throws on a bad merge, storing nothing), then stores. */
    putOverrides(overrides: CatalogOverrides): Catalog {
      const catalog = applyOverrides(national(), overrides);
      settings.putRaw(CATALOG_OVERRIDES_KEY, JSON.stringify(overrides));
      // Read back on next use rather than cached here: the caller's transaction may still roll back.
      cached = null;
      return catalog;
    },
  };
}

export type CatalogService = ReturnType<typeof catalogService>;
