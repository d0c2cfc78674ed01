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
