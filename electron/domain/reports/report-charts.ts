import { cellsOf, chartDataFromCells } from './report-cells.js';
import type { Fact } from './report-facts.js';
import type { ReportFilter } from './report-figures.js';

/** What the report screen draws: waits by day and hour (heat map), daily volumes, satisfaction by day. */
export interface ChartData {
  days: string[];
  /** [day index, hour, mean wait in ms, tickets called] for each day and hour with a call, by day then hour. */
  waitCells: [number, number, number, number][];
  daily: { day: string; issued: number; served: number; noShows: number; satisfactionRate: number | null; ratings: number }[];
}

/** The charts of a list of facts: folded into cells first, as the stored rollup is (report-cells.ts). */
export function chartData(facts: readonly Fact[], filter: ReportFilter, targetWaitMs: number): ChartData {
  return chartDataFromCells(cellsOf(facts), filter, targetWaitMs);
}
