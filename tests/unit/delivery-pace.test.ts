import { describe, expect, it } from 'vitest';
import { afterAttempt, deliveryPace, PACE_MIN_SPAN_MS, PACE_WINDOW_MS, paceSpanMs } from '../../electron/domain/delivery/delivery-pace.js';

const NOW = Date.UTC(2026, 11, 1, 16, 0, 0);
const MIN = 60_000;

describe('the delivery pace', () => {
  it('takes the rate over the window, or over the time since the outage ended while that is shorter', () => {
    expect(paceSpanMs(null, NOW)).toBe(PACE_WINDOW_MS);
    expect(paceSpanMs(NOW - 10 * MIN, NOW)).toBe(PACE_WINDOW_MS);
    expect(paceSpanMs(NOW - 2 * MIN, NOW)).toBe(2 * MIN);
    // Two messages in the first second after the outage do not make a rate of 120 a minute.
    expect(paceSpanMs(NOW - 1_000, NOW)).toBe(PACE_MIN_SPAN_MS);
  });

  it('estimates when the backlog is clear at the current rate', () => {
    // 50 delivered in the 5-minute window: 10 a minute; 190 waiting: 19 minutes.
    const p = deliveryPace({ waiting: 190, deliveredInWindow: 50, down: false, upSince: null, now: NOW });
    expect(p.perMinute).toBe(10);
    expect(p.outlook).toEqual({ kind: 'draining', clearInMs: 19 * MIN });
    // Two minutes into a drain with 60 sent: 30 a minute, and the estimate counts from the drain.
    const drain = deliveryPace({ waiting: 90, deliveredInWindow: 60, down: false, upSince: NOW - 2 * MIN, now: NOW });
    expect(drain.perMinute).toBe(30);
    expect(drain.outlook).toEqual({ kind: 'draining', clearInMs: 3 * MIN });
  });

  it('shrinks the estimate as the backlog goes down at the same rate', () => {
    const before = deliveryPace({ waiting: 100, deliveredInWindow: 20, down: false, upSince: null, now: NOW });
    const after = deliveryPace({ waiting: 80, deliveredInWindow: 20, down: false, upSince: null, now: NOW + MIN });
    expect(before.outlook.kind === 'draining' && after.outlook.kind === 'draining' && after.outlook.clearInMs < before.outlook.clearInMs).toBe(true);
  });

  it('says stalled while the system is down, whatever went before the outage; clear when nothing waits; unknown before the first delivery', () => {
    expect(deliveryPace({ waiting: 190, deliveredInWindow: 12, down: true, upSince: null, now: NOW })).toEqual({
      perMinute: 2.4,
      outlook: { kind: 'stalled' },
    });
    expect(deliveryPace({ waiting: 0, deliveredInWindow: 12, down: false, upSince: null, now: NOW }).outlook).toEqual({ kind: 'clear' });
    expect(deliveryPace({ waiting: 0, deliveredInWindow: 0, down: true, upSince: null, now: NOW }).outlook).toEqual({ kind: 'clear' });
    expect(deliveryPace({ waiting: 5, deliveredInWindow: 0, down: false, upSince: null, now: NOW })).toEqual({ perMinute: 0, outlook: { kind: 'unknown' } });
  });

  it('rounds the rate to one decimal', () => {
    expect(deliveryPace({ waiting: 1, deliveredInWindow: 7, down: false, upSince: null, now: NOW }).perMinute).toBe(1.4);
    expect(deliveryPace({ waiting: 1, deliveredInWindow: 1, down: false, upSince: null, now: NOW }).perMinute).toBe(0.2);
  });
});

describe('the since-times of a link', () => {
  const up = { downSince: null, upSince: null };
  it('starts an outage at its first unreachable attempt and keeps that start through later failures', () => {
    const down = afterAttempt(up, 'unreachable', NOW);
    expect(down).toEqual({ downSince: NOW, upSince: null });
    expect(afterAttempt(down, 'unreachable', NOW + MIN)).toBe(down);
    // A refusal (401, 422) is an answer: the link is not down for it, nor back.
    expect(afterAttempt(down, 'refused', NOW + MIN)).toBe(down);
    expect(afterAttempt(up, 'refused', NOW)).toBe(up);
  });

  it('ends an outage at its first delivery, and leaves the times alone while deliveries go on', () => {
    const back = afterAttempt({ downSince: NOW, upSince: null }, 'delivered', NOW + 5 * MIN);
    expect(back).toEqual({ downSince: null, upSince: NOW + 5 * MIN });
    expect(afterAttempt(back, 'delivered', NOW + 6 * MIN)).toBe(back);
    expect(afterAttempt(back, 'unreachable', NOW + 7 * MIN)).toEqual({ downSince: NOW + 7 * MIN, upSince: NOW + 5 * MIN });
  });
});
