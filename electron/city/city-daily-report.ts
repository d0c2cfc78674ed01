import type { CityDailyPdfQuery, CityGrouping } from '../domain/city/city-report-api.js';
import type { DailyReportData } from '../host/printing/documents/types.js';
import { wordDailyReport, type DailySection } from '../host/reports/daily-report-data.js';
import type { CityFigures } from './city-figures.js';
import { cityFilterWords, cityKeyLabel } from './city-report-table.js';

/** Across halls a day is read hall by hall; window and clerk numbers mean something only within one hall. */
const ACROSS: readonly DailySection[] = ['hall'];
const ONE_HALL: readonly DailySection[] = ['window', 'line', 'staff'];

/**
 * The city's A4 daily report: the hall's daily report (the same document and wording,
 * daily-report-data.ts) from the city's figures, of every hall or of one.
 */
export async function cityDailyReport(figures: CityFigures, q: CityDailyPdfQuery, head: { printedAt: number; timeZone: string }): Promise<DailyReportData> {
  const hallNames = await figures.hallNames();
  const { day, ...only } = q;
  const base = { from: day, to: day, ...only };
  const read = (groupBy: CityGrouping) => figures.compute({ ...base, groupBy });
  const whole = await read('total');
  const total = whole.total;
  const sections = [];
  for (const by of q.hall ? ONE_HALL : ACROSS) {
    const rows = (await read(by)).rows.map((row) => ({ label: cityKeyLabel(by, row.key, 'zh-CN', hallNames), row }));
    sections.push({ by, rows });
  }
  const filter = cityFilterWords(whole.filter, 'zh-CN');
  const scope = q.hall ? `${hallNames.get(q.hall) ?? q.hall}（${q.hall}）` : `全市各服务大厅（${whole.hallDays} 个大厅报送）`;
  const hallName = filter ? `${scope} 仅统计：${filter}` : scope;
  return wordDailyReport({ total, sections }, q.day, {
    hallName,
    terminalName: '市级平台',
    title: q.hall ? '大厅运行日报' : '全市服务大厅运行日报',
    ...head,
  });
}
