/** Summary of a set of durations (ms): what a report prints for waiting and service times. */
export interface DurationSummary {
  count: number;
  /** null when there is nothing to summarise (an empty group has no mean, not a mean of 0). */
  mean: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
}

/**
 * Nearest-rank percentile (the smallest value with at least p % of the values at or below it):
 * always one of the measured values, so a hand-worked answer and the report agree exactly.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[nearestRank(sorted.length, p) - 1] ?? null;
}

/** The 1-based rank of the p-th percentile among n values (nearest-rank). */
export function nearestRank(n: number, p: number): number {
  return Math.max(1, Math.ceil((p / 100) * n));
}

/**
 * Reorders a[lo..hi] so that a[k] is the value a sort would put there, smaller-or-equal values
 * before it and greater-or-equal after (quickselect, three-way so ties cost nothing). A year's
 * 250,000 waits need two ranks, not a sort. Falls back to sorting the rest if partitions keep
 * coming out lopsided, so it is never quadratic.
 */
export function selectRank(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (budget-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const x = a[lo] ?? 0;
    const y = a[(lo + hi) >>> 1] ?? 0;
    const z = a[hi] ?? 0;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = a[i] ?? 0;
      if (v < pivot) {
        a[i++] = a[lt] ?? 0;
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt] ?? 0;
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}

export function summarize(values: readonly number[]): DurationSummary {
  if (values.length === 0) return { count: 0, mean: null, p50: null, p90: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return { count: sorted.length, mean: sum / sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), max: sorted[sorted.length - 1] ?? null };
}

/** A share in [0, 1], or null when the whole is 0 (nothing to divide). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
