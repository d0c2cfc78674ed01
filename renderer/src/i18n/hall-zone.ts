import { DEFAULT_TIME_ZONE } from '@domain/service-day.js';

/**
 * The hall's time zone, as the host runs it (--time-zone): every date and time on a screen is
 * shown in it, whatever zone the terminal's own clock is set to. Told by the host in the session
 * answer the screen gate reads before anything is drawn; the default until then.
 */
let zone = DEFAULT_TIME_ZONE;

export function setHallTimeZone(timeZone: string): void {
  zone = timeZone;
}

export function hallTimeZone(): string {
  return zone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter in the hall's zone, made once per zone, language and style. */
export function hallFormat(language: string, options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): Intl.DateTimeFormat {
  const key = `${zone}|${language}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language, { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}
