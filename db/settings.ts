import { HallSettingsSchema, type HallSettings } from '../electron/domain/contract/schemas.js';
import { DEFAULT_HALL_SETTINGS } from '../electron/domain/queue/hall-settings.js';
import type { Db } from './open.js';

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
