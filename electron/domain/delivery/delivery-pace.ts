/**
 * How fast a back office's backlog goes down, and when it will be clear at that pace: what the
 * supervisor reads during the drain after an outage. One rule for the panel and the host.
 *
 * Pure: the caller passes the counts and the time.
 */

/** The window the rate is taken over: long enough to smooth a batch, short enough to follow a drain. */
export const PACE_WINDOW_MS = 5 * 60_000;
/** Right after an outage ends the rate is taken over the time since, but never less than this,
 * so two messages in the first second do not promise a backlog gone in a minute. */
export const PACE_MIN_SPAN_MS = 30_000;

export type PaceOutlook =
  /** Nothing waits. */
  | { kind: 'clear' }
  /** Messages wait and are going: clear in about `clearInMs` at the current rate. */
  | { kind: 'draining'; clearInMs: number }
  /** Messages wait and nothing moves: the system is down or the breaker holds the link. */
  | { kind: 'stalled' }
  /** Messages wait, the link is up, nothing was delivered yet in the window: no estimate yet. */
  | { kind: 'unknown' };

export interface PaceInput {
  /** Messages waiting now (pending or sending). */
  readonly waiting: number;
  /** Messages delivered since `now - PACE_WINDOW_MS`. */
  readonly deliveredInWindow: number;
  /** Whether the system does not answer now (its breaker has seen it fail and not yet succeed). */
  readonly down: boolean;
  /** When the last outage ended, if it did (the rate counts only the time since, while recent). */
  readonly upSince: number | null;
  readonly now: number;
}

export interface Pace {
  /** Delivered per minute over the span the rate was taken on (one decimal). */
  readonly perMinute: number;
  readonly outlook: PaceOutlook;
}

/** The span the rate is measured over: the window, or the time since the outage ended if shorter. */
export function paceSpanMs(upSince: number | null, now: number): number {
  if (upSince === null || now - upSince >= PACE_WINDOW_MS) return PACE_WINDOW_MS;
  return Math.max(PACE_MIN_SPAN_MS, now - upSince);
}

export function deliveryPace(p: PaceInput): Pace {
  const span = paceSpanMs(p.upSince, p.now);
  const perMinute = Math.round(((Math.max(0, p.deliveredInWindow) * 60_000) / span) * 10) / 10;
  if (p.waiting <= 0) return { perMinute, outlook: { kind: 'clear' } };
  if (p.down) return { perMinute, outlook: { kind: 'stalled' } };
  if (p.deliveredInWindow <= 0) return { perMinute, outlook: { kind: 'unknown' } };
  const perMs = p.deliveredInWindow / span;
  return { perMinute, outlook: { kind: 'draining', clearInMs: Math.ceil(p.waiting / perMs) } };
}

/** The since-times a delivery outcome leaves: down from the first failure of an outage, up from
 * the first success after one. Unchanged otherwise (the same object, so the caller writes only
 * when something moved). */
export interface LinkTimes {
  readonly downSince: number | null;
  readonly upSince: number | null;
}

export function afterAttempt(t: LinkTimes, outcome: 'delivered' | 'unreachable' | 'refused', now: number): LinkTimes {
  if (outcome === 'unreachable') return t.downSince === null ? { downSince: now, upSince: t.upSince } : t;
  if (outcome === 'delivered') return t.downSince === null ? t : { downSince: null, upSince: now };
  return t;
}
