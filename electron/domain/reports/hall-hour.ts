const formatters = new Map<string, Intl.DateTimeFormat>();
const HOUR = 3_600_000;

/**
 * The hour of day (0–23) of an instant in the hall's time zone: reports' hour grouping and heat
 * map. Zones offset by whole hours (all of China's) keep an hour's instants in one hour, so each
 * UTC hour is formatted once and remembered: a month's events need a few hundred calls to Intl,
 * not one per event.
 */
export function hallHour(timeZone: string): (epochMs: number) => number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const fmt = f;
  const wholeHours = new Map<number, number>();
  return (epochMs) => {
    const bucket = Math.floor(epochMs / HOUR);
    let h = wholeHours.get(bucket);
    if (h === undefined) {
      const start = Number(fmt.format(new Date(bucket * HOUR)));
      const end = Number(fmt.format(new Date(bucket * HOUR + HOUR - 1)));
      // A zone with a half-hour offset splits the UTC hour: format that instant itself.
      if (start !== end) return Number(fmt.format(new Date(epochMs)));
      h = start;
      wholeHours.set(bucket, h);
    }
    return h;
  };
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The hall's calendar day (YYYY-MM-DD) of an instant, remembered per UTC hour as hallHour does:
 * case steps carry no service day, and a month of them would otherwise format each one. */
export function hallDay(timeZone: string): (epochMs: number) => string {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, f);
  }
  const fmt = f;
  const days = new Map<number, string>();
  return (epochMs) => {
    const bucket = Math.floor(epochMs / HOUR);
    let d = days.get(bucket);
    if (d === undefined) {
      const start = fmt.format(new Date(bucket * HOUR));
      if (start !== fmt.format(new Date(bucket * HOUR + HOUR - 1))) return fmt.format(new Date(epochMs));
      d = start;
      days.set(bucket, d);
    }
    return d;
  };
}
