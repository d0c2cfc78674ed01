import { REPORT_COLUMNS, columnNumber, type ReportColumn } from '../../domain/reports/report-columns.js';
import type { FigureRow } from '../../domain/reports/report-figures.js';
import type { DailyReportData } from '../printing/documents/types.js';
import { reportWords } from './report-labels.js';
import type { ReportService } from './report-service.js';

/** The figures of the printed summary, and the few that each window's, line's, clerk's (or hall's) line carries. */
const SUMMARY = REPORT_COLUMNS.map((c) => c.id);
const PER_ROW = ['issued', 'served', 'waitMean', 'serviceMean', 'noShows', 'satisfaction', 'bad'];
/** The sections a daily report may have, in print order; a section with no lines is left out. */
export type DailySection = 'hall' | 'window' | 'line' | 'staff';
const TITLES: Record<DailySection, string> = { hall: '按服务大厅', window: '按窗口', line: '按业务类别', staff: '按工作人员' };
const HALL_SECTIONS = ['window', 'line', 'staff'] as const satisfies readonly DailySection[];

/** A day's figures before they are worded: the total, and each section's rows already named. */
export interface DailyFigures {
  total: FigureRow;
  sections: { by: DailySection; rows: { label: string; row: FigureRow }[] }[];
}

export interface DailyHead {
  hallName: string;
  terminalName: string;
  printedAt: number;
  timeZone: string;
  /** The page's title when not the hall's own (the city's report across halls). */
  title?: string;
}

function worded(c: ReportColumn, r: FigureRow): string {
  const v = columnNumber(c, r);
  if (v === null) return '—';
  if (c.unit === 'minutes') return `${v.toFixed(1)} 分钟`;
  if (c.unit === 'share') return `${v.toFixed(1)}%`;
  return String(v);
}

/**
 * A day's figures worded for the A4 daily report (Chinese: see daily-report.ts). The hall's report
 * and the city's (across halls or of one hall) are worded here, once.
 */
export function wordDailyReport(figures: DailyFigures, day: string, head: DailyHead): DailyReportData {
  const w = reportWords('zh-CN');
  const byId = new Map(REPORT_COLUMNS.map((c) => [c.id, c]));
  const figure = (id: string, r: FigureRow) => {
    const c = byId.get(id);
    return c ? worded(c, r) : '—';
  };
  const sections = figures.sections
    .map(({ by, rows }) => ({
      title: TITLES[by],
      lines: rows.slice(0, 80).map(({ label, row }) => `${label}：${PER_ROW.map((id) => `${w.columns[id]} ${figure(id, row)}`).join('，')}`),
    }))
    .filter((s) => s.lines.length > 0);
  const { title, ...rest } = head;
  return {
    ...rest,
    ...(title ? { title } : {}),
    day,
    summary: SUMMARY.map((id) => ({ label: w.columns[id] ?? id, value: figure(id, figures.total) })),
    sections,
  };
}

/** The hall's own day: by window, line and clerk, named as its CSV names them (clerks by name). */
export function dailyReportData(reports: ReportService, day: string, head: DailyHead): DailyReportData {
  const w = reportWords('zh-CN');
  const total = reports.compute({ from: day, to: day, groupBy: 'total' }).total;
  const sections = HALL_SECTIONS.map((by) => {
    const q = { from: day, to: day, groupBy: by } as const;
    const table = reports.table(q, 'zh-CN');
    const rows = reports.compute(q).rows.map((row, i) => ({ label: String(table.rows[i]?.[0] ?? w.none), row }));
    return { by, rows };
  });
  return wordDailyReport({ total, sections }, day, head);
}
