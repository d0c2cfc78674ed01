import { z } from 'zod';
import { ISO_DATE_PATTERN } from '../service-day.js';
import { SHIPPED_CALENDAR, type ShippedYear } from './holiday-data.js';

/**
 * Working days (工作日) as a service hall counts them: Monday to Friday, except the statutory
 * holidays, plus the weekend days the State Council turns into working days (调休上班). Pure
 * functions over a calendar: the shipped data with the supervisor's corrections merged in.
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CalendarDaySchema = z.object({
  day: z.string().regex(ISO_DATE_PATTERN),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

/** A supervisor's correction of one day: make it a holiday or a working day, or back to normal
 * (weekday working, weekend off), whatever the shipped data said. */
export interface CalendarOverride {
  day: string;
  kind: CalendarDayKind | 'normal';
  name: string;
}

export interface WorkingCalendar {
  /** Every exceptional day by date: the weekdays off and the weekend days worked. */
  readonly days: ReadonlyMap<string, CalendarDay>;
}

const DAY_MS = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The day after (or n days after) a date. */
export function plusDays(iso: string, n: number): string {
  return toIso(toTime(iso) + n * DAY_MS);
}

function isWeekend(iso: string): boolean {
  const wd = new Date(toTime(iso)).getUTCDay();
  return wd === 0 || wd === 6;
}

/** The shipped years' exceptional days, one entry per date. */
export function shippedDays(years: readonly ShippedYear[] = SHIPPED_CALENDAR): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (const y of years) {
    for (const h of y.holidays) for (let d = h.from; d <= h.to; d = plusDays(d, 1)) out.push({ day: d, kind: 'holiday', name: h.name });
    for (const w of y.workdays) out.push({ day: w.day, kind: 'workday', name: w.name });
  }
  return out;
}

/** The calendar in force: the shipped days, then each override in turn (the last word wins). */
export function workingCalendar(overrides: readonly CalendarOverride[] = [], shipped: readonly CalendarDay[] = shippedDays()): WorkingCalendar {
  const days = new Map<string, CalendarDay>();
  for (const d of shipped) days.set(d.day, d);
  for (const o of overrides) {
    if (o.kind === 'normal') days.delete(o.day);
    else days.set(o.day, { day: o.day, kind: o.kind, name: o.name });
  }
  return { days };
}

export function isWorkingDay(iso: string, cal: WorkingCalendar): boolean {
  const special = cal.days.get(iso);
  if (special) return special.kind === 'workday';
  return !isWeekend(iso);
}

/**
 * The date `n` working days after `iso`, counting from the next day: accepted on a Tuesday with a
 * limit of 3, due on Friday. 0 gives the day itself (on the spot, 即办), even on a weekend when
 * the hall opened for extended hours.
 */
export function addWorkingDays(iso: string, n: number, cal: WorkingCalendar): string {
  let d = iso;
  let left = n;
  while (left > 0) {
    d = plusDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/**
 * Working days from `from` until `to`: how many working days come after `from` up to and
 * including `to` (0 when `to` is `from` or no working day lies between); negative when `to` lies
 * before `from` (as many as lie after `to` up to and including `from`).
 */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  if (to === from) return 0;
  const [a, b, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let n = 0;
  for (let d = plusDays(a, 1); d <= b; d = plusDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n * sign;
}

/** Which years the calendar knows (shipped or overridden), to warn before they run out. */
export function yearsCovered(cal: WorkingCalendar): number[] {
  return [...new Set([...cal.days.keys()].map((d) => Number(d.slice(0, 4))))].sort();
}
