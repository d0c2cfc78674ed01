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
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
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
