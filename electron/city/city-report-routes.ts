import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CITY_REPORT_PATHS, CityReportExportQuerySchema, CityReportQuerySchema } from '../domain/city/city-report-api.js';
import { reportCsv, reportXlsx } from '../host/reports/report-files.js';
import type { CityFigures } from './city-figures.js';
import { cityReportTable } from './city-report-table.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The city's figures and their files (the hall's CSV and XLSX writers), for city supervisors only. */
export function registerCityReportRoutes(
  app: FastifyInstance,
  figures: CityFigures,
  supervisor: (req: FastifyRequest) => Promise<void>,
  parseQuery: <S extends z.ZodType>(schema: S, value: unknown) => z.output<S>,
): void {
  app.get(CITY_REPORT_PATHS.figures, async (req) => {
    await supervisor(req);
    return figures.compute(parseQuery(CityReportQuerySchema, req.query));
  });

  app.get(CITY_REPORT_PATHS.export, async (req) => {
    await supervisor(req);
    const { format, lang, ...q } = parseQuery(CityReportExportQuerySchema, req.query);
    const table = cityReportTable(await figures.compute(q), lang, await figures.hallNames());
    const name = `city-report-${q.from}${q.to !== q.from ? `_${q.to}` : ''}-${q.groupBy}${q.hall ? `-${q.hall}` : ''}`;
    const bytes = format === 'csv' ? reportCsv(table) : await reportXlsx(table, `${q.from} ${q.groupBy}`);
    return { filename: `${name}.${format}`, mime: format === 'csv' ? 'text/csv;charset=utf-8' : XLSX_MIME, base64: bytes.toString('base64') };
  });
}
