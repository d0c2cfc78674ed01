import { z } from 'zod';
import { FigureRowSchema, ReportFileSchema } from '../contract/reports-api.js';
import { IsoDateSchema, LanguageSchema } from '../contract/schemas.js';
import { HallIdSchema } from './feed.js';

/**
 * The city's reports (issue 16): the hall's figures (the same FigureRow, the same columns and
 * files) across halls, from the report cells each hall forwards. Paths beside CITY_PATHS; served
 * by electron/city/city-routes.ts to city supervisors.
 */
export const CITY_REPORT_PATHS = {
  figures: '/city/api/report/figures',
  export: '/city/api/report/export',
} as const;

/** The hall's groupings plus "by hall"; window and staff numbers are a hall's own, so only with one hall chosen. */
export const CITY_GROUPINGS = ['total', 'hall', 'day', 'line', 'service', 'hour', 'window', 'staff'] as const;
export type CityGrouping = (typeof CITY_GROUPINGS)[number];
export const HALL_ONLY_GROUPINGS: readonly CityGrouping[] = ['window', 'staff'];

/** Ten years: the coarse level keeps a long range fast. */
export const CITY_REPORT_MAX_DAYS = 3_660;
const DAY_MS = 86_400_000;
const RealDate = IsoDateSchema.refine(
  (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
  'not a calendar date',
);

const Fields = z.object({
  from: RealDate,
  to: RealDate,
  hall: HallIdSchema.optional(),
  groupBy: z.enum(CITY_GROUPINGS).default('total'),
});
type Q = z.infer<typeof Fields>;

function checked<S extends z.ZodType<Q>>(schema: S) {
  return schema
    .refine((q) => q.from <= q.to, { message: 'the range ends before it starts', path: ['to'] })
    .refine((q) => (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / DAY_MS < CITY_REPORT_MAX_DAYS, {
      message: `at most ${CITY_REPORT_MAX_DAYS} days`,
      path: ['to'],
    })
    .refine((q) => q.hall !== undefined || !HALL_ONLY_GROUPINGS.includes(q.groupBy), { message: 'window and staff need one hall chosen', path: ['groupBy'] });
}

export const CityReportQuerySchema = checked(Fields.strict());
export type CityReportQuery = z.infer<typeof CityReportQuerySchema>;
export const CityReportExportQuerySchema = checked(Fields.extend({ format: z.enum(['csv', 'xlsx']), lang: LanguageSchema.default('zh-CN') }).strict());

export const CityReportSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  groupBy: z.enum(CITY_GROUPINGS),
  hall: HallIdSchema.nullable(),
  /** Read from the coarse level: percentiles are within BUCKET_MS (10 s) above the exact ones; counts, sums and means exact. */
  approximate: z.boolean(),
  /** Hall days in the range with figures (halls that sent none are absent, not zero). */
  hallDays: z.number().int(),
  rows: z.array(FigureRowSchema),
  total: FigureRowSchema,
});
export type CityReport = z.infer<typeof CityReportSchema>;
export const CityReportFileSchema = ReportFileSchema;
