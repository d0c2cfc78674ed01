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
