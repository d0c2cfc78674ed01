import type { Pool } from 'pg';
import type { CityGrouping, CityReport, CityReportQuery } from '../domain/city/city-report-api.js';
import { parseReportDay } from '../domain/city/report-day.js';
import { addEncodedSummary, emptySummary, summaryRow, type Summary, type SummaryDim } from '../domain/city/report-summary.js';
import { groupCells, type ReportCell } from '../domain/reports/report-cells.js';
import type { FigureRow, Report } from '../domain/reports/report-figures.js';
import { share } from '../domain/reports/stats.js';

const MIN = 60_000;
/**
 * Up to this many hall days a report folds the exact cells (every wait kept, percentiles exact,
 * the hall's own numbers); beyond it, the per-day summaries (percentiles to BUCKET_MS). A month of
 * a dozen halls is still exact; a year of a hall too.
 */
export const EXACT_HALL_DAYS = 400;

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
function foldCells(days: readonly HallDay[], groupBy: Exclude<CityGrouping, 'hall'>): Report {
  const cells = days.flatMap((d) => d.cells);
  const targets = [...new Set(days.map((d) => d.targetWaitMs))];
  if (targets.length <= 1) return groupCells(cells, { groupBy, filter: {}, targetWaitMs: targets[0] ?? 0 });
  const report = groupCells(cells, { groupBy, filter: {}, targetWaitMs: 0 });
  const within = new Map<Key, number>();
  let total = 0;
  for (const t of targets) {
    const part = groupCells(
      days.filter((d) => d.targetWaitMs === t).flatMap((d) => d.cells),
      { groupBy, filter: {}, targetWaitMs: t },
    );
    for (const r of part.rows) within.set(r.key, (within.get(r.key) ?? 0) + r.withinTarget);
    total += part.total.withinTarget;
  }
  const patch = (r: FigureRow, n: number): FigureRow => ({ ...r, withinTarget: n, withinTargetRate: share(n, r.called) });
  return { rows: report.rows.map((r) => patch(r, within.get(r.key) ?? 0)), total: patch(report.total, total) };
}

function exactReport(days: readonly HallDay[], groupBy: CityGrouping): Report {
  if (groupBy !== 'hall') return foldCells(days, groupBy);
  const halls = [...new Set(days.map((d) => d.hallId))].sort();
  const rows = halls.map((h) => ({
    ...foldCells(
      days.filter((d) => d.hallId === h),
      'total',
    ).total,
    key: h,
  }));
  return { rows, total: foldCells(days, 'total').total };
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
export function cityFigures(pool: Pool, options: { exactHallDays?: number } = {}) {
  const exactHallDays = options.exactHallDays ?? EXACT_HALL_DAYS;
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
    return exactReport(days, q.groupBy);
  }

  /** The summary rows of a range: whole calendar months from the month table (not for by day), the edges from the day table. */
  async function summaryRows(q: CityReportQuery, dim: SummaryDim, byDay: boolean) {
    const months = byDay ? null : wholeMonths(q.from, q.to);
    const params = [dim, q.from, q.to, q.hall ?? null];
    const days = await pool.query<{ hall_id: string; day: string; val: string; figures: Buffer }>(
      `SELECT hall_id, to_char(day, 'YYYY-MM-DD') AS day, val, figures FROM report_summaries
       WHERE dim = $1 AND day BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR hall_id = $4)
         AND NOT (day >= $5::date AND day < $6::date)`,
      [...params, months?.start ?? q.to, months?.end ?? q.to],
    );
    if (!months) return days.rows;
    const whole = await pool.query<{ hall_id: string; day: string; val: string; figures: Buffer }>(
      `SELECT hall_id, to_char(month, 'YYYY-MM-DD') AS day, val, figures FROM report_month_summaries
       WHERE dim = $1 AND month >= $2::date AND month < $3::date AND ($4::text IS NULL OR hall_id = $4)`,
      [dim, months.start, months.end, q.hall ?? null],
    );
    return [...days.rows, ...whole.rows];
  }

  async function coarse(q: CityReportQuery, groupBy: keyof typeof SUMMARY_DIM): Promise<Report> {
    const rows = await summaryRows(q, SUMMARY_DIM[groupBy], groupBy === 'day');
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
      const head = { from: q.from, to: q.to, groupBy: g, hall: q.hall ?? null, hallDays: n };
      if (g === 'window' || g === 'staff' || n <= exactHallDays) return { ...head, approximate: false, ...(await exact(q)) };
      return { ...head, approximate: true, ...(await coarse(q, g)) };
    },
  };
}

export type CityFigures = ReturnType<typeof cityFigures>;
