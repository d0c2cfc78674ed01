import type { Pool } from 'pg';
import { cityReportFilter, type CityGrouping, type CityReport, type CityReportQuery } from '../domain/city/city-report-api.js';
import { parseReportDay } from '../domain/city/report-day.js';
import { addEncodedSummary, emptySummary, summaryRow, type Summary, type SummaryDim } from '../domain/city/report-summary.js';
import { groupCells, type ReportCell } from '../domain/reports/report-cells.js';
import type { FigureRow, Report, ReportFilter } from '../domain/reports/report-figures.js';
import { share } from '../domain/reports/stats.js';

const MIN = 60_000;
/**
 * Up to this many hall days a report folds the exact cells (every wait kept, percentiles exact,
 * the hall's own numbers); beyond it, the per-day summaries (percentiles to BUCKET_MS). A month of
 * a dozen halls is still exact; a year of a hall too.
 */
export const EXACT_HALL_DAYS = 400;
/**
 * A filter the summaries cannot apply to the grouping asked for (a line by hour, a service by line,
 * two filters at once) is read from the exact cells up to this many hall days: some seconds (the
 * benchmark folds ~600 exact hall days a second), e.g. a year of eight halls or five years of one.
 * Beyond it the city refuses with a message that says how to narrow the query, rather than hand a
 * supervisor a figure that silently ignores their filter or a request that runs for minutes.
 */
export const FILTERED_EXACT_HALL_DAYS = 2_000;

/** The figures of more hall days than a filtered exact report reads. */
export class FilterTooWide extends Error {
  constructor(
    readonly hallDays: number,
    readonly limit: number,
  ) {
    super(
      `This filter cannot be read from the daily summaries for this grouping, and the range holds ${hallDays} hall days (at most ${limit} for a filtered report read in full): choose one hall, a shorter range, or group by total, hall, day or the filtered line or service`,
    );
  }
}

type Key = string | number | null;

const firstOfNextMonth = (day: string) => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The calendar months wholly inside [from, to]: [start, end) as first days of months, or null when none. */
export function wholeMonths(from: string, to: string): { start: string; end: string } | null {
  const start = from.endsWith('-01') ? from : firstOfNextMonth(from);
  const after = nextDay(to);
  const end = after.endsWith('-01') ? after : `${to.slice(0, 7)}-01`;
  return start < end ? { start, end } : null;
}

function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

interface HallDay {
  hallId: string;
  targetWaitMs: number;
  cells: ReportCell[];
}

/**
 * groupCells with each hall day's own target wait: one fold for every figure, and, when the halls'
 * targets differ, one more per target only for "called within target" (the cells' waits are exact,
 * so the counts add up).
 */
function foldCells(days: readonly HallDay[], groupBy: Exclude<CityGrouping, 'hall'>, filter: ReportFilter): Report {
  const cells = days.flatMap((d) => d.cells);
  const targets = [...new Set(days.map((d) => d.targetWaitMs))];
  if (targets.length <= 1) return groupCells(cells, { groupBy, filter, targetWaitMs: targets[0] ?? 0 });
  const report = groupCells(cells, { groupBy, filter, targetWaitMs: 0 });
  const within = new Map<Key, number>();
  let total = 0;
  for (const t of targets) {
    const part = groupCells(
      days.filter((d) => d.targetWaitMs === t).flatMap((d) => d.cells),
      { groupBy, filter, targetWaitMs: t },
    );
    for (const r of part.rows) within.set(r.key, (within.get(r.key) ?? 0) + r.withinTarget);
    total += part.total.withinTarget;
  }
  const patch = (r: FigureRow, n: number): FigureRow => ({ ...r, withinTarget: n, withinTargetRate: share(n, r.called) });
  return { rows: report.rows.map((r) => patch(r, within.get(r.key) ?? 0)), total: patch(report.total, total) };
}

function exactReport(days: readonly HallDay[], groupBy: CityGrouping, filter: ReportFilter): Report {
  if (groupBy !== 'hall') return foldCells(days, groupBy, filter);
  const halls = [...new Set(days.map((d) => d.hallId))].sort();
  const filtered = Object.keys(filter).length > 0;
  const rows = halls.flatMap((h) => {
    const own = foldCells(
      days.filter((d) => d.hallId === h),
      'total',
      filter,
    );
    // As groupCells leaves out a group no kept cell falls in: a hall with none of the filtered part has no row.
    return filtered && own.rows.length === 0 ? [] : [{ ...own.total, key: h }];
  });
  return { rows, total: foldCells(days, 'total', filter).total };
}

interface CoarsePlan {
  dim: SummaryDim;
  /** Only this value of the dimension (the filter), or every value. */
  val: string | null;
}

/**
 * How the per-dimension summaries answer a grouping under a filter, or null when they cannot: a
 * summary row is a hall day cut by one dimension, so one line or one service filter goes with a
 * grouping that needs no other dimension (total, hall, day) or with that same dimension.
 */
function coarsePlan(groupBy: keyof typeof SUMMARY_DIM, filter: ReportFilter): CoarsePlan | null {
  const set = Object.entries(filter);
  if (set.length === 0) return { dim: SUMMARY_DIM[groupBy], val: null };
  const [only] = set;
  if (set.length > 1 || !only) return null;
  const [dim, val] = only;
  if (dim !== 'line' && dim !== 'service') return null;
  return groupBy === 'total' || groupBy === 'hall' || groupBy === 'day' || groupBy === dim ? { dim, val: String(val) } : null;
}

const SUMMARY_DIM: Record<Exclude<CityGrouping, 'window' | 'staff'>, SummaryDim> = {
  total: 'total',
  hall: 'total',
  day: 'total',
  line: 'line',
  service: 'service',
  hour: 'hour',
};

/** The city's figures: exact from the forwarded cells for short ranges, from the summaries for long ones. */
export function cityFigures(pool: Pool, options: { exactHallDays?: number; filteredHallDays?: number } = {}) {
  const exactHallDays = options.exactHallDays ?? EXACT_HALL_DAYS;
  const filteredHallDays = options.filteredHallDays ?? FILTERED_EXACT_HALL_DAYS;
  async function hallDays(q: CityReportQuery): Promise<number> {
    const r = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM report_days WHERE day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR hall_id = $3)`,
      [q.from, q.to, q.hall ?? null],
    );
    return Number(r.rows[0]?.n ?? 0);
  }

  async function exact(q: CityReportQuery): Promise<Report> {
    const r = await pool.query<{ hall_id: string; day: string; target_wait_min: number; payload: string }>(
      `SELECT d.hall_id, to_char(d.day, 'YYYY-MM-DD') AS day, d.target_wait_min, f.payload
       FROM report_days d JOIN feed_records f ON f.hall_id = d.hall_id AND f.seq = d.seq
       WHERE d.day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR d.hall_id = $3)`,
      [q.from, q.to, q.hall ?? null],
    );
    const days = r.rows.map((row) => {
      const parsed = parseReportDay(row.day, row.payload);
      return { hallId: row.hall_id, targetWaitMs: parsed.targetWaitMin * MIN, cells: parsed.cells };
    });
    return exactReport(days, q.groupBy, cityReportFilter(q));
  }

  /** The summary rows of a range: whole calendar months from the month table (not for by day), the edges from the day table. */
  async function summaryRows(q: CityReportQuery, plan: CoarsePlan, byDay: boolean) {
    const months = byDay ? null : wholeMonths(q.from, q.to);
    const params = [plan.dim, q.from, q.to, q.hall ?? null, plan.val];
    const days = await pool.query<{ hall_id: string; day: string; val: string; figures: Buffer }>(
      `SELECT hall_id, to_char(day, 'YYYY-MM-DD') AS day, val, figures FROM report_summaries
       WHERE dim = $1 AND day BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR hall_id = $4) AND ($5::text IS NULL OR val = $5)
         AND NOT (day >= $6::date AND day < $7::date)`,
      [...params, months?.start ?? q.to, months?.end ?? q.to],
    );
    if (!months) return days.rows;
    const whole = await pool.query<{ hall_id: string; day: string; val: string; figures: Buffer }>(
      `SELECT hall_id, to_char(month, 'YYYY-MM-DD') AS day, val, figures FROM report_month_summaries
       WHERE dim = $1 AND month >= $2::date AND month < $3::date AND ($4::text IS NULL OR hall_id = $4) AND ($5::text IS NULL OR val = $5)`,
      [plan.dim, months.start, months.end, q.hall ?? null, plan.val],
    );
    return [...days.rows, ...whole.rows];
  }

  async function coarse(q: CityReportQuery, groupBy: keyof typeof SUMMARY_DIM, plan: CoarsePlan): Promise<Report> {
    const rows = await summaryRows(q, plan, groupBy === 'day');
    const groups = new Map<Key, Summary>();
    const keyOf = (row: { hall_id: string; day: string; val: string }): Key => {
      if (groupBy === 'total') return 'all';
      if (groupBy === 'hall') return row.hall_id;
      if (groupBy === 'day') return row.day;
      if (row.val === '') return null;
      return groupBy === 'hour' ? Number(row.val) : row.val;
    };
    const total = emptySummary();
    for (const row of rows) {
      const key = keyOf(row);
      let s = groups.get(key);
      if (!s) groups.set(key, (s = emptySummary()));
      addEncodedSummary(s, row.figures);
      addEncodedSummary(total, row.figures);
    }
    const out = [...groups.entries()].map(([k, s]) => summaryRow(k, s)).sort((a, b) => compareKeys(a.key, b.key));
    return { rows: out, total: summaryRow('all', total) };
  }

  return {
    async hallNames(): Promise<Map<string, string>> {
      const r = await pool.query<{ hall_id: string; name: string }>('SELECT hall_id, name FROM halls');
      return new Map(r.rows.map((row) => [row.hall_id, row.name]));
    },
    async compute(q: CityReportQuery): Promise<CityReport> {
      const n = await hallDays(q);
      const g = q.groupBy;
      const filter = cityReportFilter(q);
      const head = { from: q.from, to: q.to, groupBy: g, hall: q.hall ?? null, filter, hallDays: n };
      const plan = g === 'window' || g === 'staff' ? null : coarsePlan(g, filter);
      if (n <= exactHallDays || g === 'window' || g === 'staff') return { ...head, approximate: false, ...(await exact(q)) };
      if (plan) return { ...head, approximate: true, ...(await coarse(q, g, plan)) };
      // The summaries cannot cut this filter by this grouping: the exact cells, as long as that stays a wait of seconds.
      if (n <= filteredHallDays) return { ...head, approximate: false, ...(await exact(q)) };
      throw new FilterTooWide(n, filteredHallDays);
    },
  };
}

export type CityFigures = ReturnType<typeof cityFigures>;
