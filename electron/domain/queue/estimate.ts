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
 * the line is open (the kiosk then says so rather than inventing a number). The people ahead are
 * shared among the open windows, each busy with someone already: never 0 while anyone is ahead
 * (a slip that says "about 0 minutes, 1 person ahead" misleads). This one function gives the
 * kiosk's answer, the printed slip and the display's per-line wait (the latter for someone
 * taking a ticket now: everyone waiting is ahead of them).
 */
export function estimatedWaitMinutes(ahead: number, openWindows: number, avgServiceMs: number): number | null {
  if (openWindows <= 0) return null;
  if (ahead <= 0) return 0;
  return Math.max(1, Math.round((ahead * avgServiceMs) / openWindows / 60_000));
}

/** How every screen and slip says a wait: no window open, no wait, or about N minutes. */
export type WaitWords = { say: 'no_window' } | { say: 'no_wait' } | { say: 'about'; minutes: number };

export function waitWords(minutes: number | null | undefined): WaitWords {
  if (minutes === null || minutes === undefined) return { say: 'no_window' };
  return minutes <= 0 ? { say: 'no_wait' } : { say: 'about', minutes };
}
