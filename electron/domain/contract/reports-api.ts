import { z } from 'zod';
import { REPORT_GROUPINGS } from '../reports/report-groupings.js';
import { ADMIN, CLERK, SUPERVISORS } from './access.js';
import { None, readRoute, route } from './route-spec.js';
import { BusinessLineSchema, IsoDateSchema, LanguageSchema } from './schemas.js';

/** A year and a day: longer ranges are the city's reports, not a hall's screen. */
export const REPORT_MAX_DAYS = 366;
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const RealDate = IsoDateSchema.refine(
  (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
  'not a calendar date',
);

const ReportQueryFields = z.object({
  from: RealDate,
  to: RealDate,
  groupBy: z.enum(REPORT_GROUPINGS).default('total'),
  line: BusinessLineSchema.optional(),
  service: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .optional(),
  window: z.coerce.number().int().positive().max(999).optional(),
  staff: z.coerce.number().int().positive().optional(),
});

function inRange<T extends { from: string; to: string }, S extends z.ZodType<T>>(schema: S) {
  return schema
    .refine((q) => q.from <= q.to, { message: 'the range ends before it starts', path: ['to'] })
    .refine((q) => daysBetween(q.from, q.to) < REPORT_MAX_DAYS, { message: `at most ${REPORT_MAX_DAYS} days`, path: ['to'] });
}

/** Which figures: a range of hall days (both included), how to cut them, which part to keep. */
export const ReportQuerySchema = inRange(ReportQueryFields.strict());
const ReportExportQuerySchema = inRange(ReportQueryFields.extend({ format: z.enum(['csv', 'xlsx']), lang: LanguageSchema.default('zh-CN') }).strict());
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

const Ms = z.number().nullable();
const DurationSchema = z.object({ count: z.number().int(), mean: Ms, p50: Ms, p90: Ms, max: Ms });
const Share = z.number().min(0).max(1).nullable();

/** One row of figures (electron/domain/reports/report-figures.ts says what each means). */
export const FigureRowSchema = z.object({
  key: z.union([z.string(), z.number(), z.null()]),
  issued: z.number().int(),
  called: z.number().int(),
  served: z.number().int(),
  wait: DurationSchema,
  service: DurationSchema,
  withinTarget: z.number().int(),
  withinTargetRate: Share,
  noShows: z.number().int(),
  noShowRate: Share,
  transfers: z.number().int(),
  recalls: z.number().int(),
  pausedMs: z.number(),
  accepted: z.number().int(),
  deferred: z.number().int(),
  refused: z.number().int(),
  completed: z.number().int(),
  completionRate: Share,
  completedWithPromise: z.number().int(),
  completedTimely: z.number().int(),
  timelyRate: Share,
  ratings: z.number().int(),
  satisfied: z.number().int(),
  satisfactionRate: Share,
  bad: z.number().int(),
  badHandled: z.number().int(),
  skipped: z.number().int(),
});
export type FigureRowView = z.infer<typeof FigureRowSchema>;

export const ChartDataSchema = z.object({
  days: z.array(IsoDateSchema),
  waitCells: z.array(z.tuple([z.number().int(), z.number().int(), z.number(), z.number().int()])),
  daily: z.array(
    z.object({
      day: IsoDateSchema,
      issued: z.number().int(),
      served: z.number().int(),
      noShows: z.number().int(),
      satisfactionRate: Share,
      ratings: z.number().int(),
    }),
  ),
});

const ReportSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  groupBy: z.enum(REPORT_GROUPINGS),
  targetWaitMinutes: z.number().int(),
  rows: z.array(FigureRowSchema),
  total: FigureRowSchema,
  charts: ChartDataSchema,
  /** Who the staff keys are (a clerk's number and name), for the staff grouping and filter. */
  staff: z.array(z.object({ id: z.number().int(), staffNo: z.string(), name: z.string() })),
});

/** A file for the browser to save: its name, type and bytes (base64), inside the usual JSON answer. */
export const ReportFileSchema = z.object({ filename: z.string(), mime: z.string(), base64: z.string() });

/**
 * Reports (issue 14): figures computed from the events of any range of days. The hall's figures
 * are for supervisors and administrators on the admin screen; a clerk sees only their own day.
 */
export const reportsApi = {
  reportFigures: route({
    method: 'GET',
    path: '/api/reports/figures',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: ReportQuerySchema,
    body: None,
    response: ReportSchema,
  }),

  reportExport: route({
    method: 'GET',
    path: '/api/reports/export',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: ReportExportQuerySchema,
    body: None,
    response: ReportFileSchema,
  }),

  reportDailyPdf: route({
    method: 'GET',
    path: '/api/reports/daily-pdf',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: z.object({ day: RealDate }).strict(),
    body: None,
    response: ReportFileSchema,
  }),

  reportDailyPrint: route({
    method: 'POST',
    path: '/api/reports/daily-print',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: z.object({ day: RealDate }).strict(),
    response: z.object({ jobId: z.number().int().nullable() }),
  }),

  /** The signed-in clerk's own figures today: no parameter can name anyone else. */
  myFigures: readRoute('/api/reports/mine', CLERK, z.object({ day: IsoDateSchema, figures: FigureRowSchema, targetWaitMinutes: z.number().int() }), 'any'),
} as const;
