/**
 * Estimated wait, from recent service times and the windows open for the line. Deliberately simple
 * and explainable to a citizen ("about 15 minutes"): each open window serves one person per average
 * service time, so the people ahead are shared among the open windows.
 */
export const DEFAULT_SERVICE_MS = 6 * 60_000;

/** Mean of recent service durations, or the default when the day has no history yet. */
export function averageServiceMs(recentDurationsMs: readonly number[], fallbackMs = DEFAULT_SERVICE_MS): number {
  const usable = recentDurationsMs.filter((d) => d > 0 && d < 4 * 3600_000);
  if (usable.length === 0) return fallbackMs;
  return usable.reduce((a, b) => a + b, 0) / usable.length;
}

/**
 * Minutes until a ticket with `ahead` people before it is called, or null when no window serving
 * the line is open (the kiosk then says so rather than inventing a number).
 */
export function estimatedWaitMinutes(ahead: number, openWindows: number, avgServiceMs: number): number | null {
  if (openWindows <= 0) return null;
  const rounds = Math.ceil((ahead + 1) / openWindows) - 1;
  return Math.max(0, Math.round((rounds * avgServiceMs) / 60_000));
}
