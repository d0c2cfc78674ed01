import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';

/**
 * 好差评 (国办发〔2019〕51号, GB/T 39734-2020): five levels, best first as the applicant sees them;
 * the last two are 差评. Stored as numbers (5 非常满意 … 1 非常不满意) so that a report can average
 * them; the screens name them by code (i18n `ratings.level.<code>`).
 */
export const RATING_LEVELS = [
  { value: 5, code: 'very_satisfied' },
  { value: 4, code: 'satisfied' },
  { value: 3, code: 'basically_satisfied' },
  { value: 2, code: 'dissatisfied' },
  { value: 1, code: 'very_dissatisfied' },
] as const;

export type RatingLevel = (typeof RATING_LEVELS)[number]['value'];
export type RatingLevelCode = (typeof RATING_LEVELS)[number]['code'];

/** 差评: 不满意 and 非常不满意. Each opens a rectification item and needs a reason. */
export function isBadRating(level: number): boolean {
  return level <= 2;
}

export function levelCode(level: number): RatingLevelCode | null {
  return RATING_LEVELS.find((l) => l.value === level)?.code ?? null;
}

/**
 * The standard reasons for a 差评 (after GB/T 39735-2020's 评价内容: attitude, efficiency, rules,
 * facilities), i18n `ratings.reason.<code>`. Codes are stored, so they only ever grow.
 */
export const BAD_RATING_REASONS = ['attitude', 'slow', 'unclear', 'extra_trips', 'extra_materials', 'rules', 'facilities', 'other'] as const;
export type BadRatingReason = (typeof BAD_RATING_REASONS)[number];

/** Where a rating was given: on site after the service, or later from the receipt's QR. */
export const RATING_CHANNELS = ['counter', 'kiosk', 'booth'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** How long the counter screen asks before a silence counts as a skip. */
export const COUNTER_RATING_TIMEOUT_MS = 60_000;

/** Working days to put a 差评 right when the hall has not said (the usual local rule). */
export const DEFAULT_RATING_DUE_DAYS = 5;

/** The day a 差评 given on `day` must be put right and answered by. */
export function rectificationDueDay(day: string, workingDays: number, cal: WorkingCalendar): string {
  return addWorkingDays(day, workingDays, cal);
}
