import { hallFormat } from './hall-zone.js';

/** Date and time in the hall's zone, in the reader's language. */
export function formatDateTime(epochMs: number, language: string): string {
  // Intl knows Mongolian only in Cyrillic (month names like "11-р сар"); in the traditional-script
  // UI show digits only, as 2026/11/24 10:05.
  const f =
    language === 'mn'
      ? hallFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      : hallFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return f.format(new Date(epochMs));
}

/** HH:mm in the hall's zone (conversation lines, clocks). */
export function formatTime(epochMs: number, language: string): string {
  return hallFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(epochMs));
}

const dayCache = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD, the hall's day) in the reader's language: 2026年10月9日, 9 Oct 2026;
 * digits only in Mongolian, for the reason above. */
export function formatDay(isoDay: string, language: string): string {
  if (language === 'mn') return isoDay.replaceAll('-', '/');
  let f = dayCache.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: language === 'en' ? 'short' : 'long', day: 'numeric' });
    dayCache.set(language, f);
  }
  return f.format(new Date(`${isoDay}T00:00:00Z`));
}
