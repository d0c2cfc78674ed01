import { reportCellStore } from '../../../db/report-cells.js';
import { reportRows } from '../../../db/report-rows.js';
import type { CatalogLanguage } from '../../domain/catalog/catalog-schema.js';
import type { ReportQuery } from '../../domain/contract/reports-api.js';
import { chartDataFromCells, groupCells } from '../../domain/reports/report-cells.js';
import type { FigureRow, ReportFilter } from '../../domain/reports/report-figures.js';
import type { HostContext } from '../host-context.js';
import { reportWords } from './report-labels.js';
import { commonKeyLabel, rangeWords, reportTable, type ReportTable } from './report-table.js';

const MIN = 60_000;

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
    const common = commonKeyLabel(q.groupBy, key, language);
    if (common !== undefined) return common;
    if (q.groupBy === 'staff') return staff.get(Number(key)) ?? `#${key}`;
    return ctx.catalog.find(String(key))?.name[language === 'en' ? 'en' : 'zh-CN'] ?? String(key);
  }

  return {
    compute,
    /** The report as a table in `language` (Mongolian readers get Chinese: see report-labels.ts). */
    table(q: ReportQuery, language: CatalogLanguage): ReportTable {
      const r = compute(q);
      const staff = new Map(r.staff.map((s) => [s.id, `${s.staffNo} ${s.name}`]));
      return reportTable({
        language,
        title: rangeWords(language, q.from, q.to),
        groupHeader: reportWords(language).group[q.groupBy],
        rows: q.groupBy === 'total' ? null : r.rows,
        total: r.total,
        label: (key) => keyLabel(q, key, language, staff),
      });
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
