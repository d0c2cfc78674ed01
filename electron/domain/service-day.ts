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
