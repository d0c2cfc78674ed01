import { z } from 'zod';
import type { TerminalRole } from '../roles.js';
import { None, readRoute, route } from './route-spec.js';

/**
 * The on-screen input of the citizens' screens (kiosk, booth, and the applicant-facing counter
 * screen, a display terminal): Chinese written by hand or typed in pinyin, recognised on the
 * host. The screens only draw and send strokes or letters; what comes back is a list of
 * candidates. Both are POSTs, so that what a citizen writes never sits in a URL or a log, and the
 * host keeps none of it after answering.
 */
const CITIZEN_SCREENS: readonly TerminalRole[] = ['kiosk', 'booth', 'display'];

/** Bounds of one handwritten character. The most complex character in common use has 36 strokes
 * (齉); a finger's stroke resampled every few pixels stays well under 200 points. The total keeps
 * a request under the host's 64 KiB body limit. */
export const HANDWRITING_LIMITS = { maxStrokes: 40, maxPointsPerStroke: 200, maxPoints: 2400, maxSide: 2000 } as const;
/** How many candidates one answer may carry. */
export const MAX_CANDIDATES = 30;
/** Letters typed for one pinyin lookup: a few syllables (呼和浩特 is 9 letters, 哈尔滨 7). */
export const MAX_PINYIN_LETTERS = 30;

const Coordinate = z.number().int().min(0).max(HANDWRITING_LIMITS.maxSide);
const Point = z.tuple([Coordinate, Coordinate]);
const Stroke = z.array(Point).min(1).max(HANDWRITING_LIMITS.maxPointsPerStroke);

export const HandwritingRequestSchema = z
  .object({
    /** The writing box in the screen's own units (CSS pixels); every point lies inside it. */
    width: z.number().int().min(16).max(HANDWRITING_LIMITS.maxSide),
    height: z.number().int().min(16).max(HANDWRITING_LIMITS.maxSide),
    strokes: z
      .array(Stroke)
      .min(1, 'write at least one stroke')
      .max(HANDWRITING_LIMITS.maxStrokes, `at most ${HANDWRITING_LIMITS.maxStrokes} strokes`)
      .refine((s) => s.reduce((n, stroke) => n + stroke.length, 0) <= HANDWRITING_LIMITS.maxPoints, `at most ${HANDWRITING_LIMITS.maxPoints} points in all`),
    limit: z.number().int().min(1).max(MAX_CANDIDATES).default(10),
  })
  .strict()
  .refine((b) => b.strokes.every((s) => s.every(([x, y]) => x <= b.width && y <= b.height)), { message: 'a point lies outside the box', path: ['strokes'] });
export type HandwritingRequest = z.infer<typeof HandwritingRequestSchema>;

/** What the candidates are for: a surname ranks the hall's common surnames first, a given name
 * the characters common in names, other text the characters common in writing. */
export const PINYIN_CONTEXTS = ['surname', 'givenName', 'text'] as const;
export type PinyinContext = (typeof PINYIN_CONTEXTS)[number];

export const PinyinRequestSchema = z
  .object({
    /** Lower-case pinyin without tones, ü typed as v. */
    letters: z
      .string()
      .min(1)
      .max(MAX_PINYIN_LETTERS)
      .regex(/^[a-z]+$/, 'pinyin letters a–z only (ü as v)'),
    context: z.enum(PINYIN_CONTEXTS).default('text'),
    offset: z.number().int().min(0).max(2000).default(0),
    limit: z.number().int().min(1).max(MAX_CANDIDATES).default(10),
  })
  .strict();
export type PinyinRequest = z.infer<typeof PinyinRequestSchema>;

export const PinyinCandidateSchema = z.object({
  text: z.string(),
  /** How many of the typed letters (from the start) this candidate stands for. */
  letters: z.number().int().positive(),
});
export type PinyinCandidate = z.infer<typeof PinyinCandidateSchema>;

export const imeApi = {
  /** Which recognisers this host has (a hall machine without the handwriting model still has pinyin). */
  imeStatus: readRoute('/api/ime', CITIZEN_SCREENS, z.object({ handwriting: z.boolean(), pinyin: z.boolean() })),

  recogniseHandwriting: route({
    method: 'POST',
    path: '/api/ime/handwriting',
    access: CITIZEN_SCREENS,
    params: None,
    query: None,
    body: HandwritingRequestSchema,
    response: z.object({ candidates: z.array(z.string()) }),
  }),

  pinyinCandidates: route({
    method: 'POST',
    path: '/api/ime/pinyin',
    access: CITIZEN_SCREENS,
    params: None,
    query: None,
    body: PinyinRequestSchema,
    response: z.object({
      /** The letters split into syllables as the host read them (zhang wei), to show above the keys. */
      syllables: z.array(z.string()),
      candidates: z.array(PinyinCandidateSchema),
      /** More candidates follow this page. */
      more: z.boolean(),
    }),
  }),
} as const;
