import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CITY_REPORT_PATHS, CityDailyPdfQuerySchema, CityReportExportQuerySchema, CityReportQuerySchema } from '../domain/city/city-report-api.js';
import { renderDocument } from '../host/printing/documents/index.js';
import { reportCsv, reportXlsx } from '../host/reports/report-files.js';
import { cityDailyReport } from './city-daily-report.js';
import { ApiError } from '../host/http/api-error.js';
import { FilterTooWide, type CityFigures } from './city-figures.js';
import { cityReportTable } from './city-report-table.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a file's name says of the hall and the filter, so two files of one day do not overwrite each other. */
const fileSuffix = (q: { hall?: string; line?: string; service?: string; window?: number; staff?: number }) =>
  [q.hall, q.line, q.service, q.window && `w${q.window}`, q.staff && `s${q.staff}`].filter(Boolean).map((p) => `-${p}`);

export interface CityReportRouteDeps {
  figures: CityFigures;
  supervisor: (req: FastifyRequest) => Promise<void>;
  parseQuery: <S extends z.ZodType>(schema: S, value: unknown) => z.output<S>;
  clock: () => number;
  /** The zone the printed report's time is shown in (the halls'). */
  timeZone: string;
}

/** The city's figures and their files (the hall's CSV and XLSX writers, its A4 daily report), for city supervisors only. */
export function registerCityReportRoutes(app: FastifyInstance, deps: CityReportRouteDeps): void {
  const { supervisor, parseQuery } = deps;
  // A filtered report too wide to read in full is the caller's query to narrow: a 400 that says how.
  const figures: CityFigures = {
    ...deps.figures,
    compute: (q) =>
      deps.figures.compute(q).catch((err: unknown) => {
        throw err instanceof FilterTooWide ? new ApiError('bad_request', err.message) : err;
      }),
  };
  app.get(CITY_REPORT_PATHS.figures, async (req) => {
    await supervisor(req);
    return figures.compute(parseQuery(CityReportQuerySchema, req.query));
  });

  app.get(CITY_REPORT_PATHS.export, async (req) => {
    await supervisor(req);
    const { format, lang, ...q } = parseQuery(CityReportExportQuerySchema, req.query);
    const table = cityReportTable(await figures.compute(q), lang, await figures.hallNames());
    const only = fileSuffix(q);
    const name = `city-report-${q.from}${q.to !== q.from ? `_${q.to}` : ''}-${q.groupBy}${only.join('')}`;
    const bytes = format === 'csv' ? reportCsv(table) : await reportXlsx(table, `${q.from} ${q.groupBy}`);
    return { filename: `${name}.${format}`, mime: format === 'csv' ? 'text/csv;charset=utf-8' : XLSX_MIME, base64: bytes.toString('base64') };
  });

  app.get(CITY_REPORT_PATHS.dailyPdf, async (req) => {
    await supervisor(req);
    const q = parseQuery(CityDailyPdfQuerySchema, req.query);
    const data = await cityDailyReport(figures, q, { printedAt: deps.clock(), timeZone: deps.timeZone });
    const { pdf } = await renderDocument({ kind: 'daily_report', data });
    return { filename: `city-daily-report-${q.day}${fileSuffix(q).join('')}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
  });
}
