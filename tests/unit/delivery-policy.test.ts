import { describe, expect, it } from 'vitest';
import { CLOSED, mayAttempt, onFailure, onSuccess } from '../../electron/domain/delivery/circuit-breaker.js';
import { isExhausted, nextDelayMs, parseRetryAfter } from '../../electron/domain/delivery/retry-policy.js';

const policy = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5 };

describe('retry policy', () => {
  it('doubles the ceiling per attempt, jitters below it and caps it', () => {
    expect(nextDelayMs(policy, 1, 0.999)).toBe(999);
    expect(nextDelayMs(policy, 3, 0.5)).toBe(2_000);
    expect(nextDelayMs(policy, 40, 0.999)).toBe(59_940);
    expect(nextDelayMs(policy, 4, 0)).toBe(0);
  });
  it('waits at least what Retry-After asks, but never past the cap', () => {
    expect(nextDelayMs(policy, 1, 0.1, 30_000)).toBe(30_000);
    expect(nextDelayMs(policy, 1, 0.1, 86_400_000)).toBe(60_000);
  });
  it('reads Retry-After as seconds or an HTTP date, and ignores nonsense', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-3', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
  it('dead-letters after the last attempt', () => {
    expect(isExhausted(policy, 4)).toBe(false);
    expect(isExhausted(policy, 5)).toBe(true);
  });
});

describe('circuit breaker', () => {
  const opts = { threshold: 2, coolDownMs: 1_000 };
  it('opens after the threshold, lets one probe through after the cool-down, closes on success', () => {
    let b = onFailure(CLOSED, opts, 100);
    expect(b.state).toBe('closed');
    expect(mayAttempt(b, opts, 150).allowed).toBe(true);
    b = onFailure(b, opts, 200);
    expect(b).toMatchObject({ state: 'open', downSince: 100 });
    expect(mayAttempt(b, opts, 900).allowed).toBe(false);
    const probe = mayAttempt(b, opts, 1_300);
    expect(probe).toMatchObject({ allowed: true, next: { state: 'half_open' } });
    expect(mayAttempt(probe.next, opts, 1_301).allowed).toBe(false);
    expect(onFailure(probe.next, opts, 1_400)).toMatchObject({ state: 'open', openedAt: 1_400, downSince: 100 });
    expect(onSuccess()).toEqual(CLOSED);
  });
});
