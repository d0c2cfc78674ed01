import { z } from 'zod';

/**
 * The 好差评 rules the city publishes for every hall (issue 16), by version, fetched like the
 * calendar and the catalog (If-None-Match). A city sets:
 * - dueDays: the working days within which a 差评's rectification item must be answered. A hall may
 *   hold itself to a shorter deadline than the city's, never a longer one: the shorter wins.
 * - callbackRequired: whether an item closes only after its callback (回访) is recorded. This one
 *   is the city's alone; a hall without the city's rules requires it (100 % 回访).
 */
export const CityRatingRulesSchema = z.object({ dueDays: z.number().int().min(1).max(30), callbackRequired: z.boolean() }).strict();
export type CityRatingRules = z.infer<typeof CityRatingRulesSchema>;

export const PublishedRatingRulesSchema = z.object({ version: z.number().int().positive(), rules: CityRatingRulesSchema }).strict();
export type PublishedRatingRules = z.infer<typeof PublishedRatingRulesSchema>;

export const ratingRulesEtag = (version: number): string => `"rating-rules-${version}"`;

/** Where a rule in force comes from: the hall's own setting (or its default), or the city's. */
export const RuleSourceSchema = z.enum(['hall', 'city']);

/** The rules a hall runs with, and whence each comes (the admin screen shows both). */
export const RatingRulesInForceSchema = z.object({
  dueDays: z.number().int().positive(),
  dueDaysFrom: RuleSourceSchema,
  hallDueDays: z.number().int().positive(),
  cityDueDays: z.number().int().positive().nullable(),
  callbackRequired: z.boolean(),
  callbackFrom: RuleSourceSchema,
  /** The version of the city's rules held (0: none yet). */
  cityVersion: z.number().int().nonnegative(),
});
export type RatingRulesInForce = z.infer<typeof RatingRulesInForceSchema>;

/** The permitted override: the hall's deadline applies only when shorter than the city's. */
export function ratingRulesInForce(hallDueDays: number, city: PublishedRatingRules | null): RatingRulesInForce {
  if (!city) {
    return { dueDays: hallDueDays, dueDaysFrom: 'hall', hallDueDays, cityDueDays: null, callbackRequired: true, callbackFrom: 'hall', cityVersion: 0 };
  }
  const hallShorter = hallDueDays < city.rules.dueDays;
  return {
    dueDays: hallShorter ? hallDueDays : city.rules.dueDays,
    dueDaysFrom: hallShorter ? 'hall' : 'city',
    hallDueDays,
    cityDueDays: city.rules.dueDays,
    callbackRequired: city.rules.callbackRequired,
    callbackFrom: 'city',
    cityVersion: city.version,
  };
}
