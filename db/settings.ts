import { HallSettingsSchema, type HallSettings } from '../electron/domain/contract/schemas.js';
import { DEFAULT_POLICY, type PolicySettings } from '../electron/domain/queue/calling-policy.js';
import { DEFAULT_GREEN_CHANNEL_AGE } from '../electron/domain/queue/green-channel.js';
import type { Db } from './open.js';

const MIN = 60_000;

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
};

export function policyOf(s: HallSettings): PolicySettings {
  return {
    backupWaitLimitMs: s.backupWaitLimitMin * MIN,
    appointmentEarlyMs: s.appointmentEarlyMin * MIN,
    appointmentLateMs: s.appointmentLateMin * MIN,
    priorityStreakLimit: s.priorityStreakLimit,
    normalStarvationMs: s.normalStarvationMin * MIN,
  };
}

/**
 * Hall settings, read from the database at each use so a supervisor's change applies at once
 * (cached until the next write through this store). A stored value that no longer parses (an
 * older shape) falls back to the defaults field by field rather than stopping the hall.
 */
export function settingsStore(db: Db) {
  const get = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`);
  const put = db.prepare<[string, string]>(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  const del = db.prepare<[string]>(`DELETE FROM settings WHERE key = ?`);
  let cached: HallSettings | null = null;

  return {
    hall(): HallSettings {
      if (cached) return cached;
      const raw = get.get('hall')?.value;
      const stored = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const merged = { ...DEFAULT_HALL_SETTINGS, ...stored };
      const parsed = HallSettingsSchema.safeParse(merged);
      cached = parsed.success ? parsed.data : DEFAULT_HALL_SETTINGS;
      return cached;
    },
    putHall(s: HallSettings): HallSettings {
      put.run('hall', JSON.stringify(s));
      cached = null;
      return this.hall();
    },
    raw: (key: string): string | null => get.get(key)?.value ?? null,
    putRaw: (key: string, jsonValue: string): void => void put.run(key, jsonValue),
    deleteRaw: (key: string): void => void del.run(key),
  };
}

export type SettingsStore = ReturnType<typeof settingsStore>;
