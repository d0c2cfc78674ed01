/**
 * Failed lookups per key in a sliding window: after `max` failures within `windowMs` the key is
 * refused until the oldest of them is `windowMs` old. Sliding rather than fixed (cf.
 * http/attempt-limiter.ts) so a guesser cannot fit twice the budget around a window's edge.
 */
export function lookupLimiter(opts: { max: number; windowMs: number }) {
  const failures = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const kept = (failures.get(key) ?? []).filter((at) => now - at < opts.windowMs);
    if (kept.length > 0) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  }

  return {
    /** When a refused key may try again (epoch ms), or null when it may try now. */
    blockedUntil(key: string, now: number): number | null {
      const kept = recent(key, now);
      const oldest = kept.length >= opts.max ? kept[kept.length - opts.max] : undefined;
      return oldest === undefined ? null : oldest + opts.windowMs;
    },
    fail(key: string, now: number): void {
      // Only the last `max` matter for the answer: memory per key stays bounded.
      failures.set(key, [...recent(key, now), now].slice(-opts.max));
      // Bounded in keys too, should they ever come from a spray rather than paired terminals.
      if (failures.size > 10_000) failures.clear();
    },
  };
}
export type LookupLimiter = ReturnType<typeof lookupLimiter>;

/** The progress query: 10 failed lookups within 10 minutes per terminal, then a pause. */
export const PROGRESS_MAX_FAILURES = 10;
export const PROGRESS_WINDOW_MS = 10 * 60_000;

// One limiter per running host, found from its context: the handler file keeps no extra state.
const perHost = new WeakMap<object, LookupLimiter>();

export function progressLimiter(host: object): LookupLimiter {
  let l = perHost.get(host);
  if (!l) {
    l = lookupLimiter({ max: PROGRESS_MAX_FAILURES, windowMs: PROGRESS_WINDOW_MS });
    perHost.set(host, l);
  }
  return l;
}
