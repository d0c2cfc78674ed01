import { cellsOf, groupCells } from './report-cells.js';
import { caseFacts, ratingFacts, ticketFacts, type Fact, type HourOf } from './report-facts.js';
import type { ReportInput } from './report-input.js';
import type { DurationSummary } from './stats.js';
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

/** Every fact of the input, in one list. */
export function reportFacts(input: ReportInput, hourOf: HourOf): Fact[] {
  return [...ticketFacts(input.ticketEvents, hourOf), ...caseFacts(input.caseEvents, hourOf), ...ratingFacts(input.ratings, hourOf)];
}

/**
 * Facts grouped into rows (sorted by key, "none" last) and the total of the filtered facts: folded
 * into cells first, so a report from events and one from the stored rollup are the same code.
 */
export function groupFacts(facts: readonly Fact[], o: Omit<ReportOptions, 'hourOf'>): Report {
  return groupCells(cellsOf(facts), o);
}

/** The report of `input` as `o` asks. */
export function computeReport(input: ReportInput, o: ReportOptions): Report {
  return groupFacts(reportFacts(input, o.hourOf), o);
}
