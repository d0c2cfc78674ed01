import type { SettingsStore } from '../../../db/settings.js';
import {
  PublishedRatingRulesSchema,
  ratingRulesInForce,
  type PublishedRatingRules,
  type RatingRulesInForce,
} from '../../domain/city/published-rating-rules.js';

/** The city's published 好差评 rules and their version (issue 16): { version, rules }. */
export const CITY_RATING_RULES_KEY = 'city_rating_rules';

/** The city's rules held, or null (none yet, or a stored value that no longer parses). */
function held(settings: SettingsStore): PublishedRatingRules | null {
  const raw = settings.raw(CITY_RATING_RULES_KEY);
  if (raw === null) return null;
  const parsed = PublishedRatingRulesSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/** The hall's 好差评 rules: its own setting beneath the city's, as the domain's rule merges them. */
export function ratingRules(settings: SettingsStore) {
  return {
    inForce: (): RatingRulesInForce => ratingRulesInForce(settings.hall().ratingDueDays, held(settings)),
    cityVersion: (): number => held(settings)?.version ?? 0,
    putCity(published: PublishedRatingRules): void {
      settings.putRaw(CITY_RATING_RULES_KEY, JSON.stringify(PublishedRatingRulesSchema.parse(published)));
    },
  };
}
