import { HALL_TIME_ZONE } from '../i18n/setup.js';

const cache = new Map<string, Intl.DateTimeFormat>();

/** HH:mm in the hall's zone, for conversation lines. */
export function formatTime(epochMs: number, language: string): string {
  let f = cache.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language, { timeZone: HALL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    cache.set(language, f);
  }
  return f.format(new Date(epochMs));
}
