import type { SettingsStore } from '../../db/settings.js';
import { serviceCatalog } from '../domain/catalog/catalog.js';
import type { Catalog, Service } from '../domain/catalog/catalog-schema.js';
import { applyOverrides, CatalogOverridesSchema, type CatalogOverrides } from '../domain/catalog/catalog-overrides.js';

export const CATALOG_OVERRIDES_KEY = 'catalog_overrides';

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
  function load(): { overrides: CatalogOverrides; catalog: Catalog } {
    const base = serviceCatalog();
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
    find: (code: string): Service | undefined => current().catalog.services.find((s) => s.code === code),
    overrides: (): CatalogOverrides => current().overrides,
    /** Validates by merging first (throws on a bad merge, storing nothing), then stores. */
    putOverrides(overrides: CatalogOverrides): Catalog {
      const catalog = applyOverrides(serviceCatalog(), overrides);
      settings.putRaw(CATALOG_OVERRIDES_KEY, JSON.stringify(overrides));
      // Read back on next use rather than cached here: the caller's transaction may still roll back.
      cached = null;
      return catalog;
    },
  };
}

export type CatalogService = ReturnType<typeof catalogService>;
