import type { Fact } from './report-facts.js';
import { groupFacts, matchesFilter, type ReportFilter } from './report-figures.js';

/** What the report screen draws: waits by day and hour (heat map), daily volumes, satisfaction by day. */
export interface ChartData {
  days: string[];
  /** [day index, hour, mean wait in ms, tickets called] for each day and hour with a call. */
  waitCells: [number, number, number, number][];
  daily: { day: string; issued: number; served: number; noShows: number; satisfactionRate: number | null; ratings: number }[];
}

export function chartData(facts: readonly Fact[], filter: ReportFilter, targetWaitMs: number): ChartData {
  const daily = groupFacts(facts, { groupBy: 'day', filter, targetWaitMs }).rows.filter((r) => typeof r.key === 'string');
  const days = daily.map((r) => r.key as string);
  const index = new Map(days.map((d, i) => [d, i]));
  const cells = new Map<string, { day: number; hour: number; sum: number; n: number }>();
  for (const f of facts) {
    if (f.kind !== 'wait') continue;
    const d = f.dims;
    if (!matchesFilter(d, filter)) continue;
    const day = index.get(d.day);
    if (day === undefined) continue;
    const k = `${day}:${d.hour}`;
    const c = cells.get(k) ?? { day, hour: d.hour, sum: 0, n: 0 };
    c.sum += f.value;
    c.n += 1;
    cells.set(k, c);
  }
  return {
    days,
    waitCells: [...cells.values()].map((c) => [c.day, c.hour, c.sum / c.n, c.n]),
    daily: daily.map((r) => ({
      day: r.key as string,
      issued: r.issued,
      served: r.served,
      noShows: r.noShows,
      satisfactionRate: r.satisfactionRate,
      ratings: r.ratings,
    })),
  };
}
