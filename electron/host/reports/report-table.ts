import type { CatalogLanguage } from '../../domain/catalog/catalog-schema.js';
import { isBusinessLine } from '../../domain/business-lines.js';
import { columnNumber, REPORT_COLUMNS } from '../../domain/reports/report-columns.js';
import type { FigureRow } from '../../domain/reports/report-figures.js';
import { reportWords } from './report-labels.js';

/** A report as a table of words and numbers: what the CSV, the XLSX and the printed report hold. */
export interface ReportTable {
  title: string;
  header: string[];
  /** Which header cells are minutes or percentages (for number formats). */
  units: ('label' | 'count' | 'minutes' | 'share')[];
  rows: (string | number | null)[][];
}

/**
 * A group key the hall and the city word alike (total, line, window, hour, day, none); undefined
 * for the keys each words its own way (a hall's staff by name, the city's by number; services; halls).
 */
export function commonKeyLabel(by: string, key: FigureRow['key'], language: CatalogLanguage): string | undefined {
  const w = reportWords(language);
  if (key === null) return w.none;
  switch (by) {
    case 'total':
      return w.total;
    case 'line':
      return typeof key === 'string' && isBusinessLine(key) ? w.line[key] : String(key);
    case 'window':
      return typeof key === 'number' ? w.window(key) : String(key);
    case 'hour':
      return typeof key === 'number' ? w.hour(key) : String(key);
    case 'day':
      return String(key);
    default:
      return undefined;
  }
}

/**
 * The export table of a report: the first column names the group, then every REPORT_COLUMNS
 * figure with its unit; one row per group (none when the report is the total alone), then the total.
 */
export function reportTable(o: {
  language: CatalogLanguage;
  title: string;
  groupHeader: string;
  rows: readonly FigureRow[] | null;
  total: FigureRow;
  label: (key: FigureRow['key']) => string;
}): ReportTable {
  const w = reportWords(o.language);
  const wrap = (x: string) => (o.language === 'en' ? ` (${x})` : `（${x}）`);
  const unitOf = (u: string) => (u === 'minutes' ? wrap(w.unitMinutes) : u === 'share' ? wrap(w.unitPercent) : '');
  const line = (row: FigureRow, text: string) => [text, ...REPORT_COLUMNS.map((c) => columnNumber(c, row))];
  return {
    title: o.title,
    header: [o.groupHeader, ...REPORT_COLUMNS.map((c) => `${w.columns[c.id] ?? c.id}${unitOf(c.unit)}`)],
    units: ['label', ...REPORT_COLUMNS.map((c) => c.unit)],
    rows: [...(o.rows ?? []).map((row) => line(row, o.label(row.key))), line(o.total, w.total)],
  };
}

/** "统计期间 2026-11-02 – 2026-11-06" (one day: just the day). */
export function rangeWords(language: CatalogLanguage, from: string, to: string): string {
  return `${reportWords(language).range} ${from}${to !== from ? ` – ${to}` : ''}`;
}
