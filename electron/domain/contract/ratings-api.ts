import { z } from 'zod';
import { ADMIN, SELF_SERVICE } from './access.js';
import { CaseNumberSchema, ID_LAST4_PATTERN } from './applications-api.js';
import { IdParam, None, route } from './route-spec.js';
import { IsoDateSchema } from './schemas.js';
import { BAD_RATING_REASONS, isBadRating, RATING_CHANNELS } from '../ratings/rating-levels.js';
import { RECTIFICATION_STATUSES } from '../ratings/rectification-steps.js';

/** The counter screen facing the applicant: a display terminal, nobody signed in. */
const COUNTER_SCREEN = ['display'] as const;

/**
 * A rating as the applicant gives it: a level (5 非常满意 … 1 非常不满意) or null for a skip; a
 * 差评 (1–2) names at least one standard reason, and may carry a few words of the citizen's own.
 */
const RatingBody = {
  level: z.number().int().min(1).max(5).nullable(),
  reasons: z.array(z.enum(BAD_RATING_REASONS)).max(BAD_RATING_REASONS.length).default([]),
  comment: z.string().trim().max(200).default(''),
};
const needsReason = (b: { level: number | null; reasons: readonly string[] }) => b.level === null || !isBadRating(b.level) || b.reasons.length > 0;
const REASON_MESSAGE = { message: 'a 差评 (level 1 or 2) names at least one reason', path: ['reasons'] };
const onlyBad = (b: { level: number | null; reasons: readonly string[]; comment: string }) =>
  (b.level !== null && isBadRating(b.level)) || (b.reasons.length === 0 && b.comment === '');
const ONLY_BAD_MESSAGE = { message: 'reasons and comment go with a 差评 only', path: ['reasons'] };

/** The service the counter screen asks about: the ticket just finished at its window. */
export const RatingAskSchema = z.object({
  ticketId: z.number().int().positive(),
  number: z.string(),
  finishedAt: z.number().int(),
  /** Until when the screen asks (host clock); after that a silence is stored as a skip. */
  askUntil: z.number().int(),
});

export const RectificationSchema = z.object({
  id: z.number().int().positive(),
  status: z.enum(RECTIFICATION_STATUSES),
  dueDay: IsoDateSchema,
  overdue: z.boolean(),
  assignee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  callbackResult: z.string(),
  fix: z.string(),
  answer: z.string(),
  appealReason: z.string(),
  openedAt: z.number().int(),
  updatedAt: z.number().int(),
  closedAt: z.number().int().nullable(),
  version: z.number().int(),
  rating: z.object({
    level: z.number().int(),
    reasons: z.array(z.string()),
    channel: z.enum(RATING_CHANNELS),
    at: z.number().int(),
    ticketNumber: z.string(),
    windowNumber: z.number().int().nullable(),
    clerk: z.string().nullable(),
    caseNumber: z.string().nullable(),
    serviceCode: z.string().nullable(),
  }),
});
export type Rectification = z.infer<typeof RectificationSchema>;

/** The text a step writes (the callback's result, the fix, the answer, the appeal's reason). */
const StepText = z.string().trim().min(1).max(1000);

export const RectificationStepBodySchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('assign'), version: z.number().int().min(0), staffId: z.number().int().positive() }).strict(),
  z.object({ step: z.enum(['callback', 'fix', 'answer', 'appeal']), version: z.number().int().min(0), text: StepText }).strict(),
  z.object({ step: z.enum(['close', 'uphold_appeal', 'reject_appeal']), version: z.number().int().min(0) }).strict(),
]);
export type RectificationStepBody = z.infer<typeof RectificationStepBodySchema>;

/**
 * 好差评: the counter screen's question after a service, the rating later from the receipt's QR at
 * a kiosk or booth (一事一评), and the handling of each 差评 (supervisors; a clerk sees only the
 * items assigned to them).
 */
export const ratingsApi = {
  ratingAsk: route({
    method: 'GET',
    path: '/api/windows/:id/rating',
    access: COUNTER_SCREEN,
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ ask: RatingAskSchema.nullable() }),
  }),

  rateAtCounter: route({
    method: 'POST',
    path: '/api/windows/:id/rating',
    access: COUNTER_SCREEN,
    params: IdParam,
    query: None,
    body: z
      .object({ ticketId: z.number().int().positive(), ...RatingBody })
      .strict()
      .refine(needsReason, REASON_MESSAGE)
      .refine(onlyBad, ONLY_BAD_MESSAGE),
    /** answerWithinDays: a 差评 opened an item to be answered within so many working days. */
    response: z.object({ stored: z.enum(['rated', 'skipped']), answerWithinDays: z.number().int().nullable() }),
  }),

  /** From the receipt's QR: the case number and the ID ending, as the progress query asks. */
  rateByCase: route({
    method: 'POST',
    path: '/api/ratings/by-case',
    access: SELF_SERVICE,
    params: None,
    query: None,
    body: z
      .object({
        case: CaseNumberSchema,
        last4: z.string().trim().toUpperCase().regex(ID_LAST4_PATTERN, 'expected the last 4 characters of the ID number'),
        ...RatingBody,
        level: z.number().int().min(1).max(5),
      })
      .strict()
      .refine(needsReason, REASON_MESSAGE)
      .refine(onlyBad, ONLY_BAD_MESSAGE),
    response: z.object({ stored: z.literal('rated'), answerWithinDays: z.number().int().nullable() }),
  }),

  rectifications: route({
    method: 'GET',
    path: '/api/rectifications',
    access: ADMIN,
    staff: 'any',
    params: None,
    query: z.object({ filter: z.enum(['open', 'overdue', 'all']).default('open') }).strict(),
    body: None,
    response: z.object({ items: z.array(RectificationSchema), today: IsoDateSchema, overdue: z.number().int().nonnegative() }),
  }),

  rectification: route({
    method: 'GET',
    path: '/api/rectifications/:id',
    access: ADMIN,
    staff: 'any',
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ item: RectificationSchema, comment: z.string() }),
  }),

  rectificationStep: route({
    method: 'POST',
    path: '/api/rectifications/:id',
    access: ADMIN,
    staff: 'any',
    params: IdParam,
    query: None,
    body: RectificationStepBodySchema,
    response: z.object({ item: RectificationSchema }),
  }),
} as const;
