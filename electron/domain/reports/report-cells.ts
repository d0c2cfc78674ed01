import type { ChartData } from './report-charts.js';
import { FACT_KINDS, type Dims, type Fact, type FactKind } from './report-facts.js';
import type { FigureRow, Report, ReportFilter, ReportOptions } from './report-figures.js';
import type { ReportGrouping } from './report-groupings.js';
import { nearestRank, selectRank, share, type DurationSummary } from './stats.js';

/**
 * The facts of one (day, hour, line, service, window, staff) folded together: what a per-day
 * rollup stores so that a report of a year need not read a year of events. Nothing is lost that a
 * report needs: counts add up, and the waits and service times are kept whole (sorted), because
 * percentiles are nearest-rank and the target wait is a setting that may change after the fact.
 * Every report, from events or from stored cells, is folded by `groupCells`: a rule lives once.
 */
export interface ReportCell {
  dims: Dims;
  /**
   * Sum of the facts' values per kind other than wait and service: a count, or ms for pause. An
   * absent kind is 0. cellsOf and decodeCell give every kind, in COUNTED_KINDS order (emptyCounts):
   * objects of one shape keep the fold over a year's cells fast.
   */
  counts: Partial<Record<CountedKind, number>>;
  /** Waits (issue → first call) in ms, ascending. */
  waits: number[];
  /** Service stretches in ms, ascending. */
  services: number[];
}

/** The kinds a cell sums; wait and service are kept as values instead. */
export type CountedKind = Exclude<FactKind, 'wait' | 'service'>;
export const COUNTED_KINDS: readonly CountedKind[] = FACT_KINDS.filter((k): k is CountedKind => k !== 'wait' && k !== 'service');

/** Every counted kind at 0, always in the same order (one object shape for all cells). */
export function emptyCounts(): Record<CountedKind, number> {
  const counts = {} as Record<CountedKind, number>;
  for (const k of COUNTED_KINDS) counts[k] = 0;
  return counts;
}

const SEP = '\u0001';
/** A key no real dimension can collide with: null is not the text "null". */
export function dimsKey(d: Dims): string {
  const part = (v: string | number | null) => (v === null ? '\u0000' : String(v));
  return [d.day, d.hour, part(d.line), part(d.service), part(d.window), part(d.staff)].join(SEP);
}

const ascending = (a: number, b: number) => a - b;

/** Facts folded into cells, one per distinct dims (in the order first met). */
export function cellsOf(facts: readonly Fact[]): ReportCell[] {
  const cells = new Map<string, ReportCell>();
  for (const f of facts) {
    const k = dimsKey(f.dims);
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { dims: f.dims, counts: emptyCounts(), waits: [], services: [] }));
    if (f.kind === 'wait') c.waits.push(f.value);
    else if (f.kind === 'service') c.services.push(f.value);
    else c.counts[f.kind] = (c.counts[f.kind] ?? 0) + f.value;
  }
  const out = [...cells.values()];
  for (const c of out) {
    c.waits.sort(ascending);
    c.services.sort(ascending);
  }
  return out;
}

export function matchesFilter(d: Dims, f: ReportFilter): boolean {
  return (
    (f.line === undefined || d.line === f.line) &&
    (f.service === undefined || d.service === f.service) &&
    (f.window === undefined || d.window === f.window) &&
    (f.staff === undefined || d.staff === f.staff)
  );
}

/** How many of the ascending `sorted` are at most `limit` (binary search: a cell's waits are sorted). */
export function countAtMost(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One row being folded: counts summed (by index in COUNTED_KINDS), value lists kept as the cells' sorted runs until the end. */
interface Acc {
  key: string | number | null;
  counts: Float64Array;
  withinTarget: number;
  waits: number[][];
  services: number[][];
}

function add(acc: Acc, c: ReportCell, targetWaitMs: number, values: boolean): void {
  const counts = c.counts;
  for (let i = 0; i < COUNTED_KINDS.length; i++) acc.counts[i] = (acc.counts[i] ?? 0) + (counts[COUNTED_KINDS[i] as CountedKind] ?? 0);
  if (!values) return;
  if (c.waits.length > 0) {
    acc.waits.push(c.waits);
    acc.withinTarget += countAtMost(c.waits, targetWaitMs);
  }
  if (c.services.length > 0) acc.services.push(c.services);
}

/**
 * Count, mean and nearest-rank percentiles of runs of values. The values are whole ms, so their
 * sum is exact in any order and the mean is the same however the runs were cut.
 */
function summarizeRuns(runs: readonly number[][]): DurationSummary {
  let n = 0;
  for (const r of runs) n += r.length;
  if (n === 0) return { count: 0, mean: null, p50: null, p90: null, max: null };
  const all = new Float64Array(n);
  let i = 0;
  let sum = 0;
  let max = -Infinity;
  for (const r of runs) {
    for (const v of r) {
      all[i++] = v;
      sum += v;
    }
    max = Math.max(max, r[r.length - 1] ?? max);
  }
  const k50 = nearestRank(n, 50) - 1;
  const k90 = nearestRank(n, 90) - 1;
  // One run is already sorted (a single cell). Several: select the two ranks (p50 among the values
  // below p90's) rather than sort them all, and take the maximum as it comes.
  if (runs.length === 1) return { count: n, mean: sum / n, p50: all[k50] ?? null, p90: all[k90] ?? null, max: all[n - 1] ?? null };
  selectRank(all, k90);
  const p90 = all[k90] ?? null;
  // Everything before k90 is at most p90: p50 is among them (or is p90 itself).
  if (k50 < k90) selectRank(all, k50, 0, k90 - 1);
  return { count: n, mean: sum / n, p50: all[k50] ?? null, p90, max };
}

const INDEX = new Map(COUNTED_KINDS.map((k, i) => [k, i]));

function finish(acc: Acc): FigureRow {
  const n = (k: CountedKind) => acc.counts[INDEX.get(k) ?? -1] ?? 0;
  const wait = summarizeRuns(acc.waits);
  const called = wait.count;
  return {
    key: acc.key,
    issued: n('issued'),
    called,
    served: n('served'),
    wait,
    service: summarizeRuns(acc.services),
    withinTarget: acc.withinTarget,
    withinTargetRate: share(acc.withinTarget, called),
    noShows: n('noShow'),
    noShowRate: share(n('noShow'), called),
    transfers: n('transfer'),
    recalls: n('recall'),
    pausedMs: n('pause'),
    accepted: n('accepted'),
    deferred: n('deferred'),
    refused: n('refused'),
    completed: n('completed'),
    completionRate: share(n('acceptedDone'), n('accepted')),
    completedWithPromise: n('completedWithPromise'),
    completedTimely: n('completedTimely'),
    timelyRate: share(n('completedTimely'), n('completedWithPromise')),
    ratings: n('rated'),
    satisfied: n('satisfied'),
    satisfactionRate: share(n('satisfied'), n('rated')),
    bad: n('bad'),
    badHandled: n('badHandled'),
    skipped: n('skipped'),
  };
}

function keyOf(d: Dims, by: ReportGrouping): string | number | null {
  return by === 'total' ? 'all' : d[by];
}

function compareKeys(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

const emptyAcc = (key: string | number | null): Acc => ({ key, counts: new Float64Array(COUNTED_KINDS.length), withinTarget: 0, waits: [], services: [] });

/** The fold of every report. `values` false leaves the durations out (their summaries empty): for figures that are counts only. */
function fold(cells: readonly ReportCell[], o: Omit<ReportOptions, 'hourOf'>, values: boolean): Report {
  const groups = new Map<string | number | null, Acc>();
  const total = emptyAcc('all');
  for (const c of cells) {
    if (!matchesFilter(c.dims, o.filter)) continue;
    const key = keyOf(c.dims, o.groupBy);
    let acc = groups.get(key);
    if (!acc) groups.set(key, (acc = emptyAcc(key)));
    add(acc, c, o.targetWaitMs, values);
    add(total, c, o.targetWaitMs, values);
  }
  const sum = finish(total);
  // Grouped by 'total', the one row is the total: summarise its values once, not twice.
  const only = (r: FigureRow): FigureRow => ({ ...r, wait: { ...r.wait }, service: { ...r.service } });
  const rows = o.groupBy === 'total' ? (groups.size > 0 ? [only(sum)] : []) : [...groups.values()].map(finish).sort((a, b) => compareKeys(a.key, b.key));
  return { rows, total: sum };
}

/** Cells grouped into rows (sorted by key, "none" last) and the total of the filtered cells. */
export function groupCells(cells: readonly ReportCell[], o: Omit<ReportOptions, 'hourOf'>): Report {
  return fold(cells, o, true);
}

/** The report screen's charts from cells: daily figures, and the mean wait per day and hour (ordered by day, then hour). */
export function chartDataFromCells(cells: readonly ReportCell[], filter: ReportFilter, targetWaitMs: number): ChartData {
  // The daily chart shows counts and shares of counts only: no need to sort each day's waits.
  const daily = fold(cells, { groupBy: 'day', filter, targetWaitMs }, false).rows.filter((r) => typeof r.key === 'string');
  const days = daily.map((r) => r.key as string);
  const index = new Map(days.map((d, i) => [d, i]));
  const heat = new Map<number, { day: number; hour: number; sum: number; n: number }>();
  for (const c of cells) {
    if (c.waits.length === 0 || !matchesFilter(c.dims, filter)) continue;
    const day = index.get(c.dims.day);
    if (day === undefined) continue;
    const k = day * 24 + c.dims.hour;
    let h = heat.get(k);
    if (!h) heat.set(k, (h = { day, hour: c.dims.hour, sum: 0, n: 0 }));
    for (const v of c.waits) h.sum += v;
    h.n += c.waits.length;
  }
  return {
    days,
    waitCells: [...heat.entries()].sort((a, b) => a[0] - b[0]).map(([, h]) => [h.day, h.hour, h.sum / h.n, h.n]),
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
