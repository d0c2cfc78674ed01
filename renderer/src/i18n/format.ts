import { HALL_TIME_ZONE } from './setup.js';

const cache = new Map<string, Intl.DateTimeFormat>();

/** Date and time in the hall's zone, in the reader's language. */
export function formatDateTime(epochMs: number, language: string): string {
  let f = cache.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language, { timeZone: HALL_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
    cache.set(language, f);
  }
  return f.format(new Date(epochMs));
}
