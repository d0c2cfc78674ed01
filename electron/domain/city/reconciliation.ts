import { z } from 'zod';
import { HallIdSchema, type FeedRecord } from './feed.js';

/**
 * Daily reconciliation (issue 16): for each day, the count of a hall's records and a checksum of
 * them, computed the same way by the hall and by the city. The checksum is order-independent (a
 * sum of per-record hashes) so each side may read its rows in any order, and it covers seq, kind,
 * time and the payload's exact text, so a record changed, lost or duplicated shows.
 */
export interface DayDigest {
  readonly day: string;
  readonly count: number;
  readonly checksum: string;
}

/** FNV-1a, 32 bits: pure and fast; this detects accidents (lost or mangled rows), not forgery. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function recordHash(r: Pick<FeedRecord, 'seq' | 'kind' | 'at' | 'payload'>): number {
  return fnv1a(`${r.seq}|${r.kind}|${r.at}|${r.payload}`);
}

/** Digests per day of the given records (any order). */
export function digestByDay(records: Iterable<Pick<FeedRecord, 'seq' | 'kind' | 'at' | 'day' | 'payload'>>): DayDigest[] {
  const days = new Map<string, { count: number; sum: bigint }>();
  for (const r of records) {
    const d = days.get(r.day) ?? { count: 0, sum: 0n };
    d.count += 1;
    d.sum = (d.sum + BigInt(recordHash(r))) % 2n ** 64n;
    days.set(r.day, d);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, d]) => ({ day, count: d.count, checksum: d.sum.toString(16).padStart(16, '0') }));
}

export const DayDigestSchema = z
  .object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), count: z.number().int().nonnegative(), checksum: z.string().regex(/^[0-9a-f]{16}$/) })
  .strict();

export const ReconcileRequestSchema = z.object({ hallId: HallIdSchema, days: z.array(DayDigestSchema).min(1).max(62) }).strict();
export type ReconcileRequest = z.infer<typeof ReconcileRequestSchema>;

export const DayComparisonSchema = z.object({
  day: z.string(),
  hall: DayDigestSchema.nullable(),
  city: DayDigestSchema.nullable(),
  matches: z.boolean(),
});
export type DayComparison = z.infer<typeof DayComparisonSchema>;
export const ReconcileResultSchema = z.object({ hallId: HallIdSchema, days: z.array(DayComparisonSchema), allMatch: z.boolean() });
export type ReconcileResult = z.infer<typeof ReconcileResultSchema>;

/** The comparison of one hall's days; a day missing on one side is a difference. */
export function compareDigests(hall: readonly DayDigest[], city: readonly DayDigest[]): DayComparison[] {
  const days = [...new Set([...hall.map((d) => d.day), ...city.map((d) => d.day)])].sort();
  return days.map((day) => {
    const h = hall.find((d) => d.day === day) ?? null;
    const c = city.find((d) => d.day === day) ?? null;
    return { day, hall: h, city: c, matches: h !== null && c !== null && h.count === c.count && h.checksum === c.checksum };
  });
}
