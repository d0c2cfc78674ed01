import { reportCellStore } from '../../../db/report-cells.js';
import { reportRows } from '../../../db/report-rows.js';
import type { CatalogLanguage } from '../../domain/catalog/catalog-schema.js';
import { isBusinessLine } from '../../domain/business-lines.js';
import type { ReportQuery } from '../../domain/contract/reports-api.js';
import { chartDataFromCells, groupCells } from '../../domain/reports/report-cells.js';
import { columnNumber, REPORT_COLUMNS } from '../../domain/reports/report-columns.js';
import type { FigureRow, ReportFilter } from '../../domain/reports/report-figures.js';
import type { HostContext } from '../host-context.js';
import { reportWords } from './report-labels.js';

const MIN = 60_000;

/** A report as a table of words and numbers: what the CSV, the XLSX and the printed report hold. */
export interface ReportTable {
  title: string;
  header: string[];
  /** Which header cells are minutes or percentages (for number formats). */
  units: ('label' | 'count' | 'minutes' | 'share')[];
  rows: (string | number | null)[][];
}

/**
 * The reports of one hall: fold the range's cells (the per-day rollup, its dirty days rebuilt from
 * the events first: db/report-cells.ts), and name the keys.
 */
export function reportService(ctx: Pick<HostContext, 'db' | 'timeZone' | 'settings' | 'catalog'>) {
  const rows = reportRows(ctx.db, ctx.timeZone);
  const rollup = reportCellStore(ctx.db, ctx.timeZone);

  function compute(q: ReportQuery) {
    const targetWaitMinutes = ctx.settings.hall().targetWaitMin;
    const filter: ReportFilter = {
      ...(q.line ? { line: q.line } : {}),
      ...(q.service ? { service: q.service } : {}),
      ...(q.window ? { window: q.window } : {}),
      ...(q.staff ? { staff: q.staff } : {}),
    };
    const cells = rollup.cells(q.from, q.to, filter);
    const targetWaitMs = targetWaitMinutes * MIN;
    const report = groupCells(cells, { groupBy: q.groupBy, filter, targetWaitMs });
    const charts = chartDataFromCells(cells, filter, targetWaitMs);
    return { from: q.from, to: q.to, groupBy: q.groupBy, targetWaitMinutes, ...report, charts, staff: rows.staff() };
  }

  function keyLabel(q: ReportQuery, key: FigureRow['key'], language: CatalogLanguage, staff: Map<number, string>): string {
    const w = reportWords(language);
    if (key === null) return w.none;
    switch (q.groupBy) {
      case 'total':
        return w.total;
      case 'line':
        return typeof key === 'string' && isBusinessLine(key) ? w.line[key] : String(key);
      case 'window':
        return typeof key === 'number' ? w.window(key) : String(key);
      case 'hour':
        return typeof key === 'number' ? w.hour(key) : String(key);
      case 'staff':
        return staff.get(Number(key)) ?? `#${key}`;
      case 'service':
        return ctx.catalog.find(String(key))?.name[language === 'en' ? 'en' : 'zh-CN'] ?? String(key);
      case 'day':
        return String(key);
    }
  }

  return {
    compute,
    /** The report as a table in `language` (Mongolian readers get Chinese: see report-labels.ts). */
    table(q: ReportQuery, language: CatalogLanguage): ReportTable {
      const r = compute(q);
      const w = reportWords(language);
      const staff = new Map(r.staff.map((s) => [s.id, `${s.staffNo} ${s.name}`]));
      const wrap = (x: string) => (language === 'en' ? ` (${x})` : `（${x}）`);
      const unitOf = (u: string) => (u === 'minutes' ? wrap(w.unitMinutes) : u === 'share' ? wrap(w.unitPercent) : '');
      const header = [w.group[q.groupBy], ...REPORT_COLUMNS.map((c) => `${w.columns[c.id] ?? c.id}${unitOf(c.unit)}`)];
      const line = (row: FigureRow, label: string) => [label, ...REPORT_COLUMNS.map((c) => columnNumber(c, row))];
      const body = q.groupBy === 'total' ? [] : r.rows.map((row) => line(row, keyLabel(q, row.key, language, staff)));
      return {
        title: `${w.range} ${q.from}${q.to !== q.from ? ` – ${q.to}` : ''}`,
        header,
        units: ['label', ...REPORT_COLUMNS.map((c) => c.unit)],
        rows: [...body, line(r.total, w.total)],
      };
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
