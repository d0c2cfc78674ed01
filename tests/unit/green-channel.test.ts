import { describe, expect, it } from 'vitest';
import { DEFAULT_GREEN_CHANNEL_AGE, isGreenChannel } from '../../electron/domain/queue/green-channel.js';

const ordinary = { expedite: false };
const expedited = { expedite: true };
const today = '2026-11-24';

describe('green channel eligibility (one rule for kiosk and host)', () => {
  it('takes applicants of the hall age or older, from their birthday on', () => {
    expect(isGreenChannel(ordinary, '1956-11-24', today, DEFAULT_GREEN_CHANNEL_AGE)).toBe(true);
    expect(isGreenChannel(ordinary, '1956-11-25', today, DEFAULT_GREEN_CHANNEL_AGE)).toBe(false);
    expect(isGreenChannel(ordinary, '1930-01-01', today, DEFAULT_GREEN_CHANNEL_AGE)).toBe(true);
  });

  it('follows the supervisor’s age setting', () => {
    expect(isGreenChannel(ordinary, '1961-06-01', today, 65)).toBe(true);
    expect(isGreenChannel(ordinary, '1961-06-01', today, 70)).toBe(false);
  });

  it('takes every applicant for an expedited document, whatever the age or if it is unknown', () => {
    expect(isGreenChannel(expedited, '2000-01-01', today, DEFAULT_GREEN_CHANNEL_AGE)).toBe(true);
    expect(isGreenChannel(expedited, undefined, today, DEFAULT_GREEN_CHANNEL_AGE)).toBe(true);
  });

  it('does not guess when the birth date is unknown', () => {
    expect(isGreenChannel(ordinary, undefined, today, DEFAULT_GREEN_CHANNEL_AGE)).toBe(false);
    expect(isGreenChannel(ordinary, null, today, DEFAULT_GREEN_CHANNEL_AGE)).toBe(false);
  });
});
