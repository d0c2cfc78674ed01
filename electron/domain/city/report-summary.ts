import { countAtMost, COUNTED_KINDS, groupCells, type CountedKind, type ReportCell } from '../reports/report-cells.js';
import type { FigureRow } from '../reports/report-figures.js';
import { share, type DurationSummary } from '../reports/stats.js';

/**
 * The city's coarse level (issue 16): a hall day's cells summed per one dimension — the day as a
 * whole, each line, each service, each hour — so that a year of 100 halls is some 10⁵ small rows,
 * not 10⁸ values. Counts, sums, maxima and "called within target" stay exact; waits and service
 * times are kept as histograms of BUCKET_MS, so percentiles read from them are the bucket's upper
 * edge (at most BUCKET_MS above the exact nearest-rank value, never above the true maximum).
 */
export const BUCKET_MS = 10_000;
export const SUMMARY_DIMS = ['total', 'line', 'service', 'hour'] as const;
export type SummaryDim = (typeof SUMMARY_DIMS)[number];

/** Counts per bucket: a dense array for the usual buckets ≥ 0 (the fold adds millions), a map for any below. */
export class Buckets {
  private dense = new Float64Array(64);
  private top = 0;
  private readonly below = new Map<number, number>();
  add(k: number, n: number): void {
    if (k < 0) {
      this.below.set(k, (this.below.get(k) ?? 0) + n);
      return;
    }
    if (k >= this.dense.length) {
      const next = new Float64Array(Math.max(k + 1, this.dense.length * 2));
      next.set(this.dense);
      this.dense = next;
    }
    this.dense[k] = (this.dense[k] ?? 0) + n;
    if (k >= this.top) this.top = k + 1;
  }
  /** [bucket, count] ascending, empty buckets left out. */
  *entries(): Generator<[number, number]> {
    for (const k of [...this.below.keys()].sort((a, b) => a - b)) yield [k, this.below.get(k) ?? 0];
    for (let k = 0; k < this.top; k++) {
      const n = this.dense[k] ?? 0;
      if (n !== 0) yield [k, n];
    }
  }
}

export interface Histogram {
  n: number;
  sum: number;
  max: number;
  /** bucket index → count; bucket k holds the values in ((k − 1)·BUCKET_MS, k·BUCKET_MS]. */
  buckets: Buckets;
}

export interface Summary {
  counts: Partial<Record<CountedKind, number>>;
  /** Waits at most the hall's target wait of that day. */
  withinTarget: number;
  waits: Histogram;
  services: Histogram;
}

export const emptyHistogram = (): Histogram => ({ n: 0, sum: 0, max: 0, buckets: new Buckets() });
export const emptySummary = (): Summary => ({ counts: {}, withinTarget: 0, waits: emptyHistogram(), services: emptyHistogram() });
// Any sign: a wait is negative only in made-up data, but the exact fold takes it, so this does too.
const bucketOf = (v: number) => Math.ceil(v / BUCKET_MS) || 0;

function addValues(h: Histogram, values: readonly number[]): void {
  for (const v of values) {
    h.max = h.n === 0 ? v : Math.max(h.max, v);
    h.n += 1;
    h.sum += v;
    const b = bucketOf(v);
    h.buckets.add(b, 1);
  }
}

function addHistogram(into: Histogram, h: Histogram): void {
  if (h.n === 0) return;
  into.max = into.n === 0 ? h.max : Math.max(into.max, h.max);
  into.n += h.n;
  into.sum += h.sum;
  for (const [b, n] of h.buckets.entries()) into.buckets.add(b, n);
}

export function addSummary(into: Summary, s: Summary): void {
  for (const k in s.counts) {
    const kind = k as CountedKind;
    into.counts[kind] = (into.counts[kind] ?? 0) + (s.counts[kind] ?? 0);
  }
  into.withinTarget += s.withinTarget;
  addHistogram(into.waits, s.waits);
  addHistogram(into.services, s.services);
}

/** One hall day's cells summed per dimension value: [dim, value (null: none), summary]. */
export function summarizeDay(cells: readonly ReportCell[], targetWaitMs: number): [SummaryDim, string | number | null, Summary][] {
  const out = new Map<string, [SummaryDim, string | number | null, Summary]>();
  for (const c of cells) {
    const one: Summary = { counts: c.counts, withinTarget: countAtMost(c.waits, targetWaitMs), waits: emptyHistogram(), services: emptyHistogram() };
    addValues(one.waits, c.waits);
    addValues(one.services, c.services);
    for (const dim of SUMMARY_DIMS) {
      const value = dim === 'total' ? 'all' : c.dims[dim];
      const k = `${dim}\u0001${value === null ? '\u0000' : String(value)}`;
      let row = out.get(k);
      if (!row) out.set(k, (row = [dim, value, emptySummary()]));
      addSummary(row[2], one);
    }
  }
  return [...out.values()];
}

function quantile(h: Histogram, p: number): number | null {
  if (h.n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * h.n));
  let seen = 0;
  for (const [b, n] of h.buckets.entries()) {
    seen += n;
    if (seen >= rank) return Math.min(b * BUCKET_MS, h.max);
  }
  return h.max;
}

function durations(h: Histogram): DurationSummary {
  if (h.n === 0) return { count: 0, mean: null, p50: null, p90: null, max: null };
  return { count: h.n, mean: h.sum / h.n, p50: quantile(h, 50), p90: quantile(h, 90), max: h.max };
}

/**
 * A summary as a report row. Every count-derived figure comes from the domain's own fold
 * (groupCells over a cell of the counts); only what needs the waits themselves is read from the
 * histograms here.
 */
export function summaryRow(key: string | number | null, s: Summary): FigureRow {
  const base = groupCells([{ dims: { day: '', hour: 0, line: null, service: null, window: null, staff: null }, counts: s.counts, waits: [], services: [] }], {
    groupBy: 'total',
    filter: {},
    targetWaitMs: 0,
  }).total;
  const wait = durations(s.waits);
  return {
    ...base,
    key,
    called: wait.count,
    wait,
    service: durations(s.services),
    withinTarget: s.withinTarget,
    withinTargetRate: share(s.withinTarget, wait.count),
    noShowRate: share(base.noShows, wait.count),
  };
}

// The stored form: a varint-coded blob (see encodeSummary), one per (hall, day, dim, value) row.
class Bytes {
  buf = new Uint8Array(128);
  len = 0;
  uint(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`summary: not a whole number ≥ 0: ${v}`);
    while (v >= 0x80) {
      this.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.push(v);
  }
  int(v: number): void {
    this.uint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  private push(b: number): void {
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = b;
  }
}

function writeHistogram(w: Bytes, h: Histogram): void {
  w.uint(h.n);
  if (h.n === 0) return;
  w.int(h.sum);
  w.int(h.max);
  const entries = [...h.buckets.entries()];
  w.uint(entries.length);
  entries.forEach(([k, n], i) => {
    if (i === 0) w.int(k);
    else w.uint(k - (entries[i - 1]?.[0] ?? 0));
    w.uint(n);
  });
}

/** Layout (varints; sums, maxima and the first bucket zigzag-signed): counts of COUNTED_KINDS in order,
 * withinTarget, then the two histograms (n, then if n > 0: sum, max, bucket count, buckets as gap/count pairs). */
export function encodeSummary(s: Summary): Uint8Array {
  const w = new Bytes();
  for (const k of COUNTED_KINDS) w.uint(s.counts[k] ?? 0);
  w.uint(s.withinTarget);
  writeHistogram(w, s.waits);
  writeHistogram(w, s.services);
  return w.buf.slice(0, w.len);
}

/** Decodes a stored summary, adding it straight into `into` (the fold reads many and keeps one). */
export function addEncodedSummary(into: Summary, bytes: Uint8Array): void {
  let at = 0;
  const uint = () => {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = bytes[at++];
      if (b === undefined) throw new RangeError('summary: bytes end early');
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  };
  const int = () => {
    const z = uint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  };
  for (const k of COUNTED_KINDS) {
    const v = uint();
    if (v !== 0) into.counts[k] = (into.counts[k] ?? 0) + v;
  }
  into.withinTarget += uint();
  for (const h of [into.waits, into.services]) {
    const n = uint();
    if (n === 0) continue;
    const sum = int();
    const max = int();
    h.max = h.n === 0 ? max : Math.max(h.max, max);
    h.n += n;
    h.sum += sum;
    let k = 0;
    const buckets = uint();
    for (let i = 0; i < buckets; i++) {
      k = i === 0 ? int() : k + uint();
      h.buckets.add(k, uint());
    }
  }
  if (at !== bytes.length) throw new RangeError('summary: bytes left over');
}
