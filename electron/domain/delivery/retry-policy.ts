/**
 * When to try a failed delivery again. One rule for every link the hall keeps to a system it does
 * not own (the back offices, the city): exponential backoff with full jitter, so that many halls or
 * many queued messages do not all retry in the same second after an outage, and the other side's
 * Retry-After honoured when it gives one, because it knows its own load better than we do.
 */
export interface RetryPolicy {
  /** The first wait, in milliseconds. */
  readonly baseMs: number;
  /** No wait is longer than this. */
  readonly maxMs: number;
  /** After this many failed attempts the message is dead-lettered (Infinity: never). */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, maxAttempts: 12 };

/**
 * The wait before attempt `attempt + 1`, after `attempt` (≥ 1) failures. `random` is in [0, 1)
 * (Math.random in production, a fixed value in tests). A Retry-After longer than the backoff wins,
 * capped at maxMs so a wrong header cannot park a message for a day.
 */
export function nextDelayMs(policy: RetryPolicy, attempt: number, random: number, retryAfterMs: number | null = null): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  const jittered = Math.floor(exp * Math.min(Math.max(random, 0), 1));
  const floor = retryAfterMs === null ? 0 : Math.min(policy.maxMs, Math.max(0, retryAfterMs));
  return Math.max(jittered, floor, 0);
}

/** Whether a message that has failed `attempts` times should stop being tried. */
export function isExhausted(policy: RetryPolicy, attempts: number): boolean {
  return attempts >= policy.maxAttempts;
}

/**
 * RFC 9110 §10.2.3: Retry-After is either delay-seconds or an HTTP-date. Returns milliseconds
 * from `now`, or null when absent or unreadable (an unreadable header is ignored, not obeyed).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1_000;
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return null;
  return Math.max(0, at - now);
}
