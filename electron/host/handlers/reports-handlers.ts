import type { reportsApi } from '../../domain/contract/reports-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { renderDocument } from '../printing/documents/index.js';
import { dailyReportData } from '../reports/daily-report-data.js';
import { reportCsv, reportXlsx } from '../reports/report-files.js';
import { reportService } from '../reports/report-service.js';
import { ApiError } from '../http/api-error.js';
import { actorOf } from './actor.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reports: the hall's figures for supervisors (screen, CSV, XLSX, the A4 daily report) and a clerk's own day. */
export function reportsHandlers(ctx: HostContext): HandlersFor<typeof reportsApi> {
  const reports = reportService(ctx);
  const head = (terminalName: string) => ({ hallName: ctx.printing.settings.hallName(), terminalName, printedAt: ctx.clock(), timeZone: ctx.timeZone });

  return {
    reportFigures: ({ query }) => reports.compute(query),

    reportExport: async ({ query, staff, terminal }) => {
      const { format, lang, ...q } = query;
      const table = reports.table(q, lang);
      const name = `report-${q.from}${q.to !== q.from ? `_${q.to}` : ''}-${q.groupBy}`;
      const bytes = format === 'csv' ? reportCsv(table) : await reportXlsx(table, `${q.from} ${q.groupBy}`);
      ctx.audit.append({
        at: ctx.clock(),
        actor: actorOf(staff, terminal),
        action: 'report.export',
        target: `${q.from}..${q.to}`,
        detail: `${format} by ${q.groupBy}`,
      });
      return { filename: `${name}.${format}`, mime: format === 'csv' ? 'text/csv;charset=utf-8' : XLSX_MIME, base64: bytes.toString('base64') };
    },

    reportDailyPdf: async ({ query, terminal }) => {
      const data = dailyReportData(reports, query.day, head(terminal?.name ?? 'admin'));
      const { pdf } = await renderDocument({ kind: 'daily_report', data });
      return { filename: `daily-report-${query.day}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
    },

    reportDailyPrint: ({ body, staff, terminal }) => {
      if (!terminal) throw new ApiError('unauthorized', 'Not paired');
      const t = terminal;
      const data = dailyReportData(reports, body.day, head(t.name));
      const jobId = ctx.db.transaction(() => {
        const [id] = ctx.printing.storeDocuments(t.id, [{ request: { kind: 'daily_report', data }, key: `daily_report:${body.day}:${data.printedAt}` }]);
        ctx.audit.append({
          at: data.printedAt,
          actor: actorOf(staff, terminal),
          action: 'report.print',
          target: body.day,
          detail: id ? `job ${id}` : 'no printer',
        });
        return id ?? null;
      })();
      if (jobId !== null) ctx.printing.documentsStored(t.id);
      return { jobId };
    },

    myFigures: ({ staff }) => {
      if (!staff) throw new ApiError('staff_sign_in_required', 'Sign in first');
      const day = ctx.today();
      // The signed-in clerk's own figures: the route takes no parameter that could name another.
      const r = reports.compute({ from: day, to: day, groupBy: 'total', staff: staff.id });
      return { day, figures: r.total, targetWaitMinutes: r.targetWaitMinutes };
    },
  };
}
