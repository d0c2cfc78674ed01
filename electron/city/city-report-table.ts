import type { CatalogLanguage } from '../domain/catalog/catalog-schema.js';
import { findService } from '../domain/catalog/catalog.js';
import type { CityGrouping, CityReport } from '../domain/city/city-report-api.js';
import type { FigureRow } from '../domain/reports/report-figures.js';
import { reportWords } from '../host/reports/report-labels.js';
import { commonKeyLabel, rangeWords, reportTable, type ReportTable } from '../host/reports/report-table.js';

const HALL_WORD = { 'zh-CN': '服务大厅', en: 'Hall' } as const;
/** A clerk by the hall's number for them: their names stay in the hall (the city holds no staff register). */
const STAFF_NUMBER = { 'zh-CN': (n: string) => `工作人员 #${n}`, en: (n: string) => `Staff #${n}` } as const;
const APPROXIMATE = {
  'zh-CN': '（跨度较长：等候与办理时长的百分位为近似值，误差不超过10秒；数量、合计与平均值准确）',
  en: ' (long range: wait and service percentiles approximate, within 10 s; counts, sums and means exact)',
} as const;

/** A row's key in words, for the files and the printed daily report. */
export function cityKeyLabel(by: CityGrouping, key: FigureRow['key'], language: CatalogLanguage, hallNames: ReadonlyMap<string, string>): string {
  const common = commonKeyLabel(by, key, language);
  if (common !== undefined) return common;
  switch (by) {
    case 'hall':
      return `${hallNames.get(String(key)) ?? key} (${key})`;
    case 'staff':
      return STAFF_NUMBER[language === 'en' ? 'en' : 'zh-CN'](String(key));
    case 'service':
      return findService(String(key))?.name[language === 'en' ? 'en' : 'zh-CN'] ?? String(key);
    default:
      return String(key);
  }
}

/** The filter in words (line, service, window, clerk), for the files' title and the printed report; empty when none. */
export function cityFilterWords(filter: CityReport['filter'], language: CatalogLanguage): string {
  const parts = [
    filter.line === undefined ? null : cityKeyLabel('line', filter.line, language, new Map()),
    filter.service === undefined ? null : cityKeyLabel('service', filter.service, language, new Map()),
    filter.window === undefined ? null : cityKeyLabel('window', filter.window, language, new Map()),
    filter.staff === undefined ? null : cityKeyLabel('staff', filter.staff, language, new Map()),
  ].filter((p): p is string => p !== null);
  return parts.join(language === 'en' ? ', ' : '、');
}

/**
 * A city report as the hall's export table: the same columns (REPORT_COLUMNS), units and words
 * (report-labels.ts), so report-files.ts writes the city's CSV and XLSX exactly as the hall's.
 * Services by the national catalog's names (shipped with the app, the same in every hall); staff
 * by number, labelled as such: names stay in the hall.
 */
export function cityReportTable(r: CityReport, language: CatalogLanguage, hallNames: ReadonlyMap<string, string>): ReportTable {
  const w = reportWords(language);
  const lang = language === 'en' ? 'en' : 'zh-CN';
  const only = cityFilterWords(r.filter, language);
  const scope = `${r.hall ? `${hallNames.get(r.hall) ?? r.hall} (${r.hall}) ` : ''}${only ? `${only} ` : ''}`;
  return reportTable({
    language,
    title: `${scope}${rangeWords(language, r.from, r.to)}${r.approximate ? APPROXIMATE[lang] : ''}`,
    groupHeader: r.groupBy === 'hall' ? HALL_WORD[lang] : w.group[r.groupBy],
    rows: r.groupBy === 'total' ? null : r.rows,
    total: r.total,
    label: (key) => cityKeyLabel(r.groupBy, key, language, hallNames),
  });
}
