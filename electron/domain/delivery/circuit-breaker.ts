/**
 * A circuit breaker per remote system: after `threshold` failures in a row the link is "open" and
 * nothing is sent until `coolDownMs` has passed; then one probe is let through ("half-open"). A
 * success closes it. Without it a worker would hammer a system that is down with every queued
 * message in turn, and each would wait out its own timeout.
 *
 * Pure: the caller passes the time, so the worker and the tests share one rule.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerSnapshot {
  readonly state: BreakerState;
  readonly failures: number;
  /** When the link last went from working to failing (ms), for "unreachable since 19:42". */
  readonly downSince: number | null;
  readonly openedAt: number | null;
}

export const CLOSED: BreakerSnapshot = { state: 'closed', failures: 0, downSince: null, openedAt: null };

export interface BreakerOptions {
  readonly threshold: number;
  readonly coolDownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { threshold: 3, coolDownMs: 15_000 };

/** Whether a request may be sent now, and the state to keep if it is. */
export function mayAttempt(b: BreakerSnapshot, opts: BreakerOptions, now: number): { allowed: boolean; next: BreakerSnapshot } {
  if (b.state === 'closed' || b.state === 'half_open') return { allowed: b.state === 'closed', next: b };
  if (b.openedAt !== null && now - b.openedAt >= opts.coolDownMs) return { allowed: true, next: { ...b, state: 'half_open' } };
  return { allowed: false, next: b };
}

export function onSuccess(): BreakerSnapshot {
  return CLOSED;
}

export function onFailure(b: BreakerSnapshot, opts: BreakerOptions, now: number): BreakerSnapshot {
  const failures = b.failures + 1;
  const downSince = b.downSince ?? now;
  if (b.state === 'half_open' || failures >= opts.threshold) return { state: 'open', failures, downSince, openedAt: now };
  return { state: 'closed', failures, downSince, openedAt: null };
}
