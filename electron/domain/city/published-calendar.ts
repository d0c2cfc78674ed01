import { z } from 'zod';
import { CalendarDaySchema, type CalendarDay } from '../calendar/working-days.js';

/**
 * The holiday calendar the city publishes for every hall (issue 16), by version. A hall asks with
 * the version it holds (If-None-Match) and gets 304 when nothing changed. Halls keep their
 * supervisor's corrections on top of it.
 */
export const PublishedCalendarSchema = z
  .object({
    version: z.number().int().positive(),
    days: z.array(CalendarDaySchema).max(2_000),
  })
  .strict();
export type PublishedCalendar = z.infer<typeof PublishedCalendarSchema>;

export const calendarEtag = (version: number): string => `"calendar-${version}"`;

/**
 * The shipped days with the city's in their place: for every year the city's list covers, the
 * city's days replace the shipped ones (a day the city dropped is dropped); other years keep theirs.
 */
export function withCityDays(shipped: readonly CalendarDay[], city: readonly CalendarDay[]): CalendarDay[] {
  const years = new Set(city.map((d) => d.day.slice(0, 4)));
  return [...shipped.filter((d) => !years.has(d.day.slice(0, 4))), ...city];
}
