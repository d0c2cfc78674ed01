/**
 * The hall's "service day": the local calendar date on which ticket numbers restart. Computed in the
 * hall's time zone (Asia/Shanghai by default), never in the machine's, so a terminal whose OS clock
 * is set to UTC still restarts numbering at local midnight.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A calendar date as service days and every date in the API are written: YYYY-MM-DD. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD; constructing a formatter is costly, so keep one per zone.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** YYYY-MM-DD of the instant `epochMs` in `timeZone`. */
export function serviceDay(epochMs: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatterFor(timeZone).format(new Date(epochMs));
}

/** Throws a clear error for a zone name the ICU data does not know. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new Error(`Unknown time zone "${timeZone}" (expected an IANA name such as Asia/Shanghai)`);
  }
}

/** How far `timeZone` is ahead of UTC at the instant `epochMs` (ms; Asia/Shanghai: +8 h). */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant of a wall-clock date and time in the hall (YYYY-MM-DD, HH:MM), whatever zone the
 * machine is in; null for a date or time that does not exist (2026-02-30, 24:10, or an hour a
 * daylight-saving change skips).
 */
export function hallInstant(date: string, time: string, timeZone: string = DEFAULT_TIME_ZONE): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, m, day, hh, mm] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (hh > 23 || mm > 59) return null;
  const wall = Date.UTC(y, m - 1, day, hh, mm);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== day) return null;
  // Two passes: the offset at the guessed instant, then at the corrected one (across a DST edge).
  let at = wall - offsetAt(wall, timeZone);
  at = wall - offsetAt(at, timeZone);
  return at + offsetAt(at, timeZone) === wall ? at : null;
}
