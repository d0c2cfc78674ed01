import { describe, expect, it } from 'vitest';
import { parseReportDay, reportDayPayload } from '../../electron/domain/city/report-day.js';
import { addEncodedSummary, BUCKET_MS, emptySummary, encodeSummary, summarizeDay, summaryRow } from '../../electron/domain/city/report-summary.js';
import { groupCells, type ReportCell } from '../../electron/domain/reports/report-cells.js';

const DAY = '2026-11-02';
const cells: ReportCell[] = [
  {
    dims: { day: DAY, hour: 9, line: 'household', service: 'hukou_move', window: 1, staff: 7 },
    counts: { issued: 3, served: 2, noShow: 1, rated: 2, satisfied: 1 },
    waits: [-60_000, 125_000, 600_001],
    services: [300_000, 420_000],
  },
  { dims: { day: DAY, hour: 10, line: 'traffic', service: null, window: null, staff: null }, counts: { issued: 1, pause: 90_000 }, waits: [], services: [] },
  {
    dims: { day: DAY, hour: 10, line: 'household', service: 'hukou_move', window: 2, staff: 8 },
    counts: { issued: 2, accepted: 1, acceptedDone: 1 },
    waits: [10_000, 3_600_000],
    services: [],
  },
];

/** The pure parts of the city's reports: the report_day payload and the coarse level's summaries. */
describe('city report summaries', () => {
  it('carries a day of cells in a report_day payload and back, exactly', () => {
    const back = parseReportDay(DAY, reportDayPayload(cells, 20));
    // The codec may spell an absent count as 0: the same figures.
    const nonZero = (c: ReportCell) => ({ ...c, counts: Object.fromEntries(Object.entries(c.counts).filter(([, n]) => n !== 0)) });
    expect({ ...back, cells: back.cells.map(nonZero) }).toEqual({ day: DAY, targetWaitMin: 20, cells });
    expect(() => parseReportDay(DAY, '{"targetWaitMin":20,"cells":[[9,null,null,null,null,"AAAA"]]}')).toThrow();
    expect(() => parseReportDay(DAY, '{"cells":[]}')).toThrow();
  });

  it('keeps counts, sums, maxima and within-target exact through the stored bytes; percentiles within a bucket above', () => {
    const target = 10 * 60_000;
    const exact = groupCells(cells, { groupBy: 'line', filter: {}, targetWaitMs: target });
    const rows = summarizeDay(cells, target).filter(([dim]) => dim === 'line');
    for (const e of exact.rows) {
      const s = rows.find(([, v]) => v === e.key)?.[2] ?? emptySummary();
      const stored = emptySummary();
      addEncodedSummary(stored, encodeSummary(s));
      const a = summaryRow(e.key, stored);
      expect({ ...a, wait: null, service: null }).toEqual({ ...e, wait: null, service: null });
      for (const d of ['wait', 'service'] as const) {
        expect([a[d].count, a[d].mean, a[d].max]).toEqual([e[d].count, e[d].mean, e[d].max]);
        for (const p of ['p50', 'p90'] as const) {
          const over = e[d][p] === null ? null : (a[d][p] ?? Number.NaN) - (e[d][p] ?? 0);
          expect(over === null ? a[d][p] : over >= 0 && over < BUCKET_MS).toBe(over === null ? null : true);
        }
      }
    }
  });
});
