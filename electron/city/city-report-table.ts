import type { CatalogLanguage } from '../domain/catalog/catalog-schema.js';
import { isBusinessLine } from '../domain/business-lines.js';
import type { CityGrouping, CityReport } from '../domain/city/city-report-api.js';
import { columnNumber, REPORT_COLUMNS } from '../domain/reports/report-columns.js';
import type { FigureRow } from '../domain/reports/report-figures.js';
import { reportWords } from '../host/reports/report-labels.js';
import type { ReportTable } from '../host/reports/report-service.js';

const HALL_WORD = { 'zh-CN': '服务大厅', en: 'Hall' } as const;
const APPROXIMATE = {
  'zh-CN': '（跨度较长：等候与办理时长的百分位为近似值，误差不超过10秒；数量、合计与平均值准确）',
  en: ' (long range: wait and service percentiles approximate, within 10 s; counts, sums and means exact)',
} as const;

/**
 * A city report as the hall's export table: the same columns (REPORT_COLUMNS), units and words
 * (report-labels.ts), so report-files.ts writes the city's CSV and XLSX exactly as the hall's.
 * Staff are numbers here: names stay in the hall.
 */
export function cityReportTable(r: CityReport, language: CatalogLanguage, hallNames: ReadonlyMap<string, string>): ReportTable {
  const w = reportWords(language);
  const lang = language === 'en' ? 'en' : 'zh-CN';
  const wrap = (x: string) => (language === 'en' ? ` (${x})` : `（${x}）`);
  const unitOf = (u: string) => (u === 'minutes' ? wrap(w.unitMinutes) : u === 'share' ? wrap(w.unitPercent) : '');
  const label = (by: CityGrouping, key: FigureRow['key']): string => {
    if (key === null) return w.none;
    switch (by) {
      case 'total':
        return w.total;
      case 'hall':
        return `${hallNames.get(String(key)) ?? key} (${key})`;
      case 'line':
        return typeof key === 'string' && isBusinessLine(key) ? w.line[key] : String(key);
      case 'window':
        return typeof key === 'number' ? w.window(key) : String(key);
      case 'hour':
        return typeof key === 'number' ? w.hour(key) : String(key);
      case 'staff':
        return `#${key}`;
      default:
        return String(key);
    }
  };
  const line = (row: FigureRow, text: string) => [text, ...REPORT_COLUMNS.map((c) => columnNumber(c, row))];
  const body = r.groupBy === 'total' ? [] : r.rows.map((row) => line(row, label(r.groupBy, row.key)));
  const scope = r.hall ? `${hallNames.get(r.hall) ?? r.hall} (${r.hall}) ` : '';
  return {
    title: `${scope}${w.range} ${r.from}${r.to !== r.from ? ` – ${r.to}` : ''}${r.approximate ? APPROXIMATE[lang] : ''}`,
    header: [r.groupBy === 'hall' ? HALL_WORD[lang] : w.group[r.groupBy], ...REPORT_COLUMNS.map((c) => `${w.columns[c.id] ?? c.id}${unitOf(c.unit)}`)],
    units: ['label', ...REPORT_COLUMNS.map((c) => c.unit)],
    rows: [...body, line(r.total, w.total)],
  };
}
