import { caseFacts, ratingFacts, ticketFacts, type Dims, type Fact, type FactKind, type HourOf } from './report-facts.js';
import type { ReportInput } from './report-input.js';
import { share, summarize, type DurationSummary } from './stats.js';

import type { ReportGrouping } from './report-groupings.js';

export { REPORT_GROUPINGS, type ReportGrouping } from './report-groupings.js';

/** Only facts with these dimensions (absent: any). */
export interface ReportFilter {
  line?: string;
  service?: string;
  window?: number;
  staff?: number;
}

export interface ReportOptions {
  groupBy: ReportGrouping;
  filter: ReportFilter;
  /** The hall's target wait (hall setting targetWaitMin), in ms. */
  targetWaitMs: number;
  hourOf: HourOf;
}

/** One row of a report. Durations in ms; shares in [0, 1] or null when there is nothing to divide. */
export interface FigureRow {
  /** The group's value: a day, line, service code, window number, staff id or hour; null = none (e.g. never called). */
  key: string | number | null;
  issued: number;
  called: number;
  served: number;
  wait: DurationSummary;
  service: DurationSummary;
  /** Called within the target wait, among the tickets called. */
  withinTarget: number;
  withinTargetRate: number | null;
  /** No-shows in the end (a reinstated and served no-show is not one), among the tickets called. */
  noShows: number;
  noShowRate: number | null;
  transfers: number;
  recalls: number;
  pausedMs: number;
  accepted: number;
  /** 容缺受理 (accepted with missing material); also counted in `accepted`. */
  deferred: number;
  refused: number;
  completed: number;
  /** 办结率: of the cases accepted in the range, the share completed since. */
  completionRate: number | null;
  /** Time-limit compliance: of the cases completed in the range with a promised date, the share on time. */
  completedWithPromise: number;
  completedTimely: number;
  timelyRate: number | null;
  ratings: number;
  satisfied: number;
  /** Share of 满意 and above (levels 4–5) among the ratings given. */
  satisfactionRate: number | null;
  bad: number;
  badHandled: number;
  skipped: number;
}

export interface Report {
  rows: FigureRow[];
  total: FigureRow;
}

type Counted = FactKind | 'withinTarget';

interface Acc {
  key: string | number | null;
  counts: Partial<Record<Counted, number>>;
  waits: number[];
  services: number[];
}

function keyOf(d: Dims, by: ReportGrouping): string | number | null {
  return by === 'total' ? 'all' : d[by];
}

export function matchesFilter(d: Dims, f: ReportFilter): boolean {
  return (
    (f.line === undefined || d.line === f.line) &&
    (f.service === undefined || d.service === f.service) &&
    (f.window === undefined || d.window === f.window) &&
    (f.staff === undefined || d.staff === f.staff)
  );
}

function emptyAcc(key: string | number | null): Acc {
  return { key, counts: {}, waits: [], services: [] };
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

/** Every fact of the input, in one list. */
export function reportFacts(input: ReportInput, hourOf: HourOf): Fact[] {
  return [...ticketFacts(input.ticketEvents, hourOf), ...caseFacts(input.caseEvents, hourOf), ...ratingFacts(input.ratings, hourOf)];
}

/** Facts grouped into rows (sorted by key, "none" last) and the total of the filtered facts. */
export function groupFacts(facts: readonly Fact[], o: Omit<ReportOptions, 'hourOf'>): Report {
  const groups = new Map<string | number | null, Acc>();
  const total = emptyAcc('all');
  for (const f of facts) {
    if (!matchesFilter(f.dims, o.filter)) continue;
    const key = keyOf(f.dims, o.groupBy);
    let acc = groups.get(key);
    if (!acc) groups.set(key, (acc = emptyAcc(key)));
    add(acc, f, o.targetWaitMs);
    add(total, f, o.targetWaitMs);
  }
  const rows = [...groups.values()].map(finish).sort((a, b) => compareKeys(a.key, b.key));
  return { rows, total: finish(total) };
}

function compareKeys(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** The report of `input` as `o` asks. */
export function computeReport(input: ReportInput, o: ReportOptions): Report {
  return groupFacts(reportFacts(input, o.hourOf), o);
}
