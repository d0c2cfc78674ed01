/** Counts failures per key in a fixed window; enough to make guessing one-time codes pointless. */
export function attemptLimiter(opts: { max: number; windowMs: number }) {
  const failures = new Map<string, { count: number; since: number }>();
  return {
    blocked(key: string, now: number): boolean {
      const f = failures.get(key);
      if (!f) return false;
      if (now - f.since >= opts.windowMs) {
        failures.delete(key);
        return false;
      }
      return f.count >= opts.max;
    },
    fail(key: string, now: number): void {
      const f = failures.get(key);
      if (!f || now - f.since >= opts.windowMs) failures.set(key, { count: 1, since: now });
      else f.count++;
      // Bounded memory even under a spray of addresses.
      if (failures.size > 10_000) failures.clear();
    },
  };
}
