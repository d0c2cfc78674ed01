import type { Dims, Fact, FactKind } from '../../electron/domain/reports/report-facts.js';
import type { FigureRow, Report, ReportFilter, ReportGrouping } from '../../electron/domain/reports/report-figures.js';
import { share, summarize } from '../../electron/domain/reports/stats.js';

/**
 * The reports' fold as it was before the rollup (fact by fact, every value in one list, sorted at
 * the end), kept here as the oracle that the cells' fold (report-cells.ts) must match exactly.
 */
type Counted = FactKind | 'withinTarget';
interface Acc {
  key: string | number | null;
  counts: Partial<Record<Counted, number>>;
  waits: number[];
  services: number[];
}

export function referenceMatches(d: Dims, f: ReportFilter): boolean {
  return (
    (f.line === undefined || d.line === f.line) &&
    (f.service === undefined || d.service === f.service) &&
    (f.window === undefined || d.window === f.window) &&
    (f.staff === undefined || d.staff === f.staff)
  );
}

function add(acc: Acc, f: Fact, targetWaitMs: number): void {
  acc.counts[f.kind] = (acc.counts[f.kind] ?? 0) + f.value;
  if (f.kind === 'wait') {
    acc.waits.push(f.value);
    if (f.value <= targetWaitMs) acc.counts.withinTarget = (acc.counts.withinTarget ?? 0) + 1;
  } else if (f.kind === 'service') acc.services.push(f.value);
}

function finish(acc: Acc): FigureRow {
  const n = (k: Counted) => acc.counts[k] ?? 0;
  const called = acc.waits.length;
  return {
    key: acc.key,
    issued: n('issued'),
    called,
    served: n('served'),
    wait: summarize(acc.waits),
    service: summarize(acc.services),
    withinTarget: n('withinTarget'),
    withinTargetRate: share(n('withinTarget'), called),
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

function compareKeys(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

export function referenceGroup(facts: readonly Fact[], o: { groupBy: ReportGrouping; filter: ReportFilter; targetWaitMs: number }): Report {
  const groups = new Map<string | number | null, Acc>();
  const empty = (key: string | number | null): Acc => ({ key, counts: {}, waits: [], services: [] });
  const total = empty('all');
  for (const f of facts) {
    if (!referenceMatches(f.dims, o.filter)) continue;
    const key = o.groupBy === 'total' ? 'all' : f.dims[o.groupBy];
    let acc = groups.get(key);
    if (!acc) groups.set(key, (acc = empty(key)));
    add(acc, f, o.targetWaitMs);
    add(total, f, o.targetWaitMs);
  }
  return { rows: [...groups.values()].map(finish).sort((a, b) => compareKeys(a.key, b.key)), total: finish(total) };
}

/** The heat map's cells as the charts computed them before, sorted by day then hour. */
export function referenceWaitCells(facts: readonly Fact[], days: readonly string[], filter: ReportFilter): [number, number, number, number][] {
  const index = new Map(days.map((d, i) => [d, i]));
  const cells = new Map<string, { day: number; hour: number; sum: number; n: number }>();
  for (const f of facts) {
    if (f.kind !== 'wait' || !referenceMatches(f.dims, filter)) continue;
    const day = index.get(f.dims.day);
    if (day === undefined) continue;
    const k = `${day}:${f.dims.hour}`;
    const c = cells.get(k) ?? { day, hour: f.dims.hour, sum: 0, n: 0 };
    c.sum += f.value;
    c.n += 1;
    cells.set(k, c);
  }
  return [...cells.values()].sort((a, b) => a.day - b.day || a.hour - b.hour).map((c) => [c.day, c.hour, c.sum / c.n, c.n]);
}
