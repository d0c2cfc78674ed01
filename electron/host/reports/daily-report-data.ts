import { REPORT_COLUMNS, columnNumber, type ReportColumn } from '../../domain/reports/report-columns.js';
import type { FigureRow, ReportGrouping } from '../../domain/reports/report-figures.js';
import type { DailyReportData } from '../printing/documents/types.js';
import { reportWords } from './report-labels.js';
import type { ReportService } from './report-service.js';

/** The figures of the printed summary, and the few that each window's, line's and clerk's line carries. */
const SUMMARY = REPORT_COLUMNS.map((c) => c.id);
const PER_ROW = ['issued', 'served', 'waitMean', 'serviceMean', 'noShows', 'satisfaction', 'bad'];
const SECTIONS: { by: ReportGrouping; title: string }[] = [
  { by: 'window', title: '按窗口' },
  { by: 'line', title: '按业务类别' },
  { by: 'staff', title: '按工作人员' },
];

function worded(c: ReportColumn, r: FigureRow): string {
  const v = columnNumber(c, r);
  if (v === null) return '—';
  if (c.unit === 'minutes') return `${v.toFixed(1)} 分钟`;
  if (c.unit === 'share') return `${v.toFixed(1)}%`;
  return String(v);
}

/** A day's figures worded for the A4 daily report (Chinese: see daily-report.ts). */
export function dailyReportData(
  reports: ReportService,
  day: string,
  head: { hallName: string; terminalName: string; printedAt: number; timeZone: string },
): DailyReportData {
  const w = reportWords('zh-CN');
  const byId = new Map(REPORT_COLUMNS.map((c) => [c.id, c]));
  const figure = (id: string, r: FigureRow) => {
    const c = byId.get(id);
    return c ? worded(c, r) : '—';
  };
  const total = reports.compute({ from: day, to: day, groupBy: 'total' }).total;
  const sections = SECTIONS.map(({ by, title }) => {
    const table = reports.table({ from: day, to: day, groupBy: by }, 'zh-CN');
    const rows = reports.compute({ from: day, to: day, groupBy: by }).rows;
    const lines = rows.map((r, i) => {
      const label = String(table.rows[i]?.[0] ?? w.none);
      return `${label}：${PER_ROW.map((id) => `${w.columns[id]} ${figure(id, r)}`).join('，')}`;
    });
    return { title, lines: lines.slice(0, 80) };
  }).filter((s) => s.lines.length > 0);
  return {
    ...head,
    day,
    summary: SUMMARY.map((id) => ({ label: w.columns[id] ?? id, value: figure(id, total) })),
    sections,
  };
}
