/**
 * When a signed-in session ends by itself: after `idleMs` without a request, or `maxAgeMs` after
 * sign-in whatever happened since (the end of a long day). The hall's staff sessions and the
 * city's supervisor sessions keep the same limits.
 */
export interface SessionLimits {
  readonly idleMs: number;
  readonly maxAgeMs: number;
}

export const STAFF_SESSION_LIMITS: SessionLimits = { idleMs: 4 * 3600_000, maxAgeMs: 14 * 3600_000 };

/** How often a live session's last-seen time is written: not on every request. */
export const SESSION_TOUCH_MS = 60_000;

export type SessionVerdict = 'live' | 'signed_out' | 'idle' | 'too_old';

export function sessionVerdict(s: { createdAt: number; lastSeenAt: number; endedAt: number | null }, now: number, limits: SessionLimits): SessionVerdict {
  if (s.endedAt !== null) return 'signed_out';
  if (now - s.createdAt >= limits.maxAgeMs) return 'too_old';
  if (now - s.lastSeenAt >= limits.idleMs) return 'idle';
  return 'live';
}
