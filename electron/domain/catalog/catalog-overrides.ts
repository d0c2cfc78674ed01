import { z } from 'zod';
import { CatalogSchema, CODE_PATTERN, type Catalog, type Service, type Text } from './catalog-schema.js';

/**
 * A supervisor's changes to the shipped catalog: per service, its fee and its time limit. The
 * catalog in the repo holds the usual national values; where the hall's own rule differs, the
 * supervisor sets it here and every screen and print shows the merged catalog (applyOverrides).
 * Stored as one JSON object in the `settings` table (key `catalog_overrides`).
 */

/** Yuan with at most two decimals (fen): 12.5 and 12.34 pass, 12.345 does not. */
const FeeYuan = z
  .number()
  .min(0)
  .max(10_000)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'a fee has at most two decimals' });

export const ServiceOverrideSchema = z
  .object({
    feeYuan: FeeYuan.optional(),
    /** Working days; 0 = on the spot (the service becomes 即办, and only then). */
    timeLimitDays: z.number().int().min(0).max(60).optional(),
  })
  .strict();
export type ServiceOverride = z.infer<typeof ServiceOverrideSchema>;

export const CatalogOverridesSchema = z.record(z.string().regex(CODE_PATTERN), ServiceOverrideSchema);
export type CatalogOverrides = z.infer<typeof CatalogOverridesSchema>;

/**
 * The fee note replacing the shipped one when the fee changes: the shipped note names the old
 * amount ("护照 120 元"), which would contradict the new fee. The Mongolian is a draft awaiting a
 * native speaker's review, as the rest of the catalog's (the catalog's `needsReview` says so).
 */
export const HALL_FEE_NOTE: Text = {
  'zh-CN': '收费标准由本大厅核定',
  // "Price set by the hall": U+202F before the ablative case suffix, U+180E before the final vowel.
  mn: 'ᠲᠠᠨᠬᠢᠮ\u202Fᠠᠴᠠ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠦᠨ\u180Eᠡ',
  en: 'Fee as set by this hall',
};

function applyOne(service: Service, o: ServiceOverride | undefined): Service {
  if (!o) return service;
  let next = service;
  if (o.feeYuan !== undefined && o.feeYuan !== service.fee.yuan) next = { ...next, fee: { yuan: o.feeYuan, note: HALL_FEE_NOTE } };
  if (o.timeLimitDays !== undefined && o.timeLimitDays !== service.timeLimitDays)
    next = { ...next, timeLimitDays: o.timeLimitDays, instant: o.timeLimitDays === 0 };
  return next;
}

/**
 * The catalog with the overrides applied, validated again (a bad merge throws rather than reaching
 * a kiosk). Codes the catalog does not know are ignored: a service dropped by a newer catalog must
 * not stop the hall. An override equal to the shipped value changes nothing, note included.
 */
export function applyOverrides(catalog: Catalog, overrides: CatalogOverrides): Catalog {
  return CatalogSchema.parse({ ...catalog, services: catalog.services.map((s) => applyOne(s, overrides[s.code])) });
}

/** One line per changed service for the audit log: codes and amounts only, no personal data. */
export function describeOverrideChanges(before: Catalog, after: Catalog): string[] {
  const old = new Map(before.services.map((s) => [s.code, s]));
  const lines: string[] = [];
  for (const s of after.services) {
    const b = old.get(s.code);
    if (!b) continue;
    const parts: string[] = [];
    if (b.fee.yuan !== s.fee.yuan) parts.push(`fee ${b.fee.yuan}→${s.fee.yuan}`);
    if (b.timeLimitDays !== s.timeLimitDays) parts.push(`days ${b.timeLimitDays}→${s.timeLimitDays}`);
    if (parts.length > 0) lines.push(`${s.code}: ${parts.join(', ')}`);
  }
  return lines;
}
