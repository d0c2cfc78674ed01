import { z } from 'zod';
import { FigureRowSchema, ReportFileSchema } from '../contract/reports-api.js';
import { BusinessLineSchema, IsoDateSchema, LanguageSchema } from '../contract/schemas.js';
import type { ReportFilter } from '../reports/report-figures.js';
import { HallIdSchema } from './feed.js';

/**
 * The city's reports (issue 16): the hall's figures (the same FigureRow, the same columns and
 * files) across halls, from the report cells each hall forwards. Paths beside CITY_PATHS; served
 * by electron/city/city-routes.ts to city supervisors.
 */
export const CITY_REPORT_PATHS = {
  figures: '/city/api/report/figures',
  export: '/city/api/report/export',
  dailyPdf: '/city/api/report/daily-pdf',
} as const;

/** The hall's groupings plus "by hall"; window and staff numbers are a hall's own, so only with one hall chosen. */
export const CITY_GROUPINGS = ['total', 'hall', 'day', 'line', 'service', 'hour', 'window', 'staff'] as const;
export type CityGrouping = (typeof CITY_GROUPINGS)[number];
export const HALL_ONLY_GROUPINGS: readonly CityGrouping[] = ['window', 'staff'];

/** A service code as the hall's report filter takes it (the catalog's codes). */
const ServiceCodeSchema = z.string().regex(/^[a-z0-9_]{1,40}$/);

/** Ten years: the coarse level keeps a long range fast. */
export const CITY_REPORT_MAX_DAYS = 3_660;
const DAY_MS = 86_400_000;
const RealDate = IsoDateSchema.refine(
  (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
  'not a calendar date',
);

/**
 * Which part to keep, as the hall's report filters (ReportFilter): a line and a service anywhere;
 * a window and a clerk only with one hall chosen (their numbers are that hall's own).
 */
const FilterFields = {
  hall: HallIdSchema.optional(),
  line: BusinessLineSchema.optional(),
  service: ServiceCodeSchema.optional(),
  window: z.coerce.number().int().positive().max(999).optional(),
  staff: z.coerce.number().int().positive().optional(),
};
const Fields = z.object({
  from: RealDate,
  to: RealDate,
  groupBy: z.enum(CITY_GROUPINGS).default('total'),
  ...FilterFields,
});
type Q = z.infer<typeof Fields>;
const oneHallFilter = (q: { hall?: string; window?: number; staff?: number }) => q.hall !== undefined || (q.window === undefined && q.staff === undefined);
const ONE_HALL_FILTER = { message: 'a window or staff filter needs one hall chosen', path: ['hall'] };

/** The filter part of a query, as groupCells takes it. */
export function cityReportFilter(q: { line?: string; service?: string; window?: number; staff?: number }): ReportFilter {
  return {
    ...(q.line ? { line: q.line } : {}),
    ...(q.service ? { service: q.service } : {}),
    ...(q.window ? { window: q.window } : {}),
    ...(q.staff ? { staff: q.staff } : {}),
  };
}

function checked<S extends z.ZodType<Q>>(schema: S) {
  return schema
    .refine((q) => q.from <= q.to, { message: 'the range ends before it starts', path: ['to'] })
    .refine((q) => (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / DAY_MS < CITY_REPORT_MAX_DAYS, {
      message: `at most ${CITY_REPORT_MAX_DAYS} days`,
      path: ['to'],
    })
    .refine((q) => q.hall !== undefined || !HALL_ONLY_GROUPINGS.includes(q.groupBy), { message: 'window and staff need one hall chosen', path: ['groupBy'] })
    .refine(oneHallFilter, ONE_HALL_FILTER);
}

export const CityReportQuerySchema = checked(Fields.strict());
export type CityReportQuery = z.infer<typeof CityReportQuerySchema>;
export const CityReportExportQuerySchema = checked(Fields.extend({ format: z.enum(['csv', 'xlsx']), lang: LanguageSchema.default('zh-CN') }).strict());

/** The A4 daily report of one day: across halls (by hall), or of one hall (by window, line and clerk); filtered as the screen is. */
export const CityDailyPdfQuerySchema = z
  .object({ day: RealDate, ...FilterFields })
  .strict()
  .refine(oneHallFilter, ONE_HALL_FILTER);
export type CityDailyPdfQuery = z.infer<typeof CityDailyPdfQuerySchema>;

export const CityReportSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  groupBy: z.enum(CITY_GROUPINGS),
  hall: HallIdSchema.nullable(),
  /** The filter applied (line, service; window and staff with one hall). */
  filter: z.object({ line: z.string().optional(), service: z.string().optional(), window: z.number().optional(), staff: z.number().optional() }),
  /** Read from the coarse level: percentiles are within BUCKET_MS (10 s) above the exact ones; counts, sums and means exact. */
  approximate: z.boolean(),
  /** Hall days in the range with figures (halls that sent none are absent, not zero). */
  hallDays: z.number().int(),
  rows: z.array(FigureRowSchema),
  total: FigureRowSchema,
});
export type CityReport = z.infer<typeof CityReportSchema>;
export const CityReportFileSchema = ReportFileSchema;
