import type { HallSettings } from '../contract/schemas.js';
import { DEFAULT_POLICY, type PolicySettings } from './calling-policy.js';
import { DEFAULT_GREEN_CHANNEL_AGE } from './green-channel.js';
import { DEFAULT_RETENTION_DAYS } from '../retention.js';

const MIN = 60_000;

/** What a hall runs with until its supervisor changes anything. */
export const DEFAULT_HALL_SETTINGS: HallSettings = {
  backupWaitLimitMin: DEFAULT_POLICY.backupWaitLimitMs / MIN,
  appointmentEarlyMin: DEFAULT_POLICY.appointmentEarlyMs / MIN,
  appointmentLateMin: DEFAULT_POLICY.appointmentLateMs / MIN,
  priorityStreakLimit: DEFAULT_POLICY.priorityStreakLimit,
  normalStarvationMin: DEFAULT_POLICY.normalStarvationMs / MIN,
  recallLimit: 2,
  noShowReinstateMin: 30,
  notice: '',
  maskNames: true,
  announce: ['zh-CN'],
  greenChannelAge: DEFAULT_GREEN_CHANNEL_AGE,
  // Monday to Friday, office hours: what most halls keep until a supervisor says otherwise.
  openingHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
  retentionDays: DEFAULT_RETENTION_DAYS,
  targetWaitMinutes: 30,
};

/** The earliest no-show (by the time it was marked) a clerk may still reinstate at `now`. */
export function reinstatableSince(s: HallSettings, now: number): number {
  return now - s.noShowReinstateMin * MIN;
}

/** The calling policy in force under these settings: the supervisor thinks in minutes, the policy in milliseconds. */
export function policyOf(s: HallSettings): PolicySettings {
  return {
    backupWaitLimitMs: s.backupWaitLimitMin * MIN,
    appointmentEarlyMs: s.appointmentEarlyMin * MIN,
    appointmentLateMs: s.appointmentLateMin * MIN,
    priorityStreakLimit: s.priorityStreakLimit,
    normalStarvationMs: s.normalStarvationMin * MIN,
  };
}
