import type { OpeningHours } from './contract/schemas.js';

/**
 * Is the hall open, and when does it next open? Answered in the hall's time zone, never the
 * machine's, with Intl alone (the domain imports no Node): a kiosk whose OS clock is set to UTC
 * still tells a citizen the hall opens at 09:00 local time.
 */
export interface HallStatus {
  openNow: boolean;
  /** Start of the next opening (epoch ms) while closed; null while open. */
  nextOpening: number | null;
}

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalTime {
  /** The local calendar day as a UTC midnight, so day arithmetic ignores the zone's offset. */
  dayUtc: number;
  /** Minutes since local midnight. */
  minute: number;
  /** Local wall time of the instant, read as if it were UTC. */
  wallUtc: number;
}

function localTime(epochMs: number, timeZone: string): LocalTime {
  const parts = partsFormatter(timeZone).formatToParts(new Date(epochMs));
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const dayUtc = Date.UTC(n('year'), n('month') - 1, n('day'));
  const minute = n('hour') * 60 + n('minute');
  return { dayUtc, minute, wallUtc: dayUtc + minute * MIN + n('second') * 1000 };
}

/** 1 = Monday … 7 = Sunday, as the setting counts. */
function isoWeekday(dayUtc: number): number {
  return ((new Date(dayUtc).getUTCDay() + 6) % 7) + 1;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * The instant when the hall's clock shows `minute` on the local day `dayUtc`. The zone's offset is
 * read at a first guess and then at the answer itself, which settles it across a DST change; a
 * wall time a spring-forward skips resolves to just after the gap.
 */
function instantOf(dayUtc: number, minute: number, timeZone: string): number {
  const wall = dayUtc + minute * MIN;
  let t = wall;
  for (let i = 0; i < 2; i++) t = wall - (localTime(t, timeZone).wallUtc - t);
  return t;
}

export function hallStatus(hours: OpeningHours, nowMs: number, timeZone: string): HallStatus {
  const now = localTime(nowMs, timeZone);
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  const days = new Set(hours.days);
  if (days.has(isoWeekday(now.dayUtc)) && now.minute >= open && now.minute < close) return { openNow: true, nextOpening: null };
  // Today (if before opening) or one of the next seven days: the same weekday a week on covers a
  // hall that opens one day a week and has closed for today.
  for (let d = 0; d <= 7; d++) {
    const day = now.dayUtc + d * DAY;
    if (!days.has(isoWeekday(day))) continue;
    if (d === 0 && now.minute >= open) continue;
    return { openNow: false, nextOpening: instantOf(day, open, timeZone) };
  }
  return { openNow: false, nextOpening: null };
}
