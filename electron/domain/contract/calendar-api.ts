import { z } from 'zod';
import { CALENDAR_DAY_KINDS, CalendarDaySchema } from '../calendar/working-days.js';
import { ADMIN, EVERY_TERMINAL, SUPERVISORS } from './access.js';
import { None, readRoute, route } from './route-spec.js';
import { IsoDateSchema } from './schemas.js';

const CalendarSchema = z.object({
  /** Every exceptional day in force (weekdays off, weekend days worked), by date. */
  days: z.array(CalendarDaySchema),
  /** The shipped years: whether the State Council's arrangement was published, and the source. */
  years: z.array(z.object({ year: z.number().int(), published: z.boolean(), source: z.string() })),
  /** The supervisor's corrections of the shipped data. */
  overrides: z.array(z.object({ day: IsoDateSchema, kind: z.enum([...CALENDAR_DAY_KINDS, 'normal']), name: z.string() })),
});

/**
 * The working-day calendar: read by every screen that shows a date counted in working days (the
 * kiosk's 容缺 date, the clerk's deadlines), corrected by a supervisor day by day.
 */
export const calendarApi = {
  workingCalendar: readRoute('/api/calendar', EVERY_TERMINAL, CalendarSchema),

  putCalendarDay: route({
    method: 'PUT',
    path: '/api/calendar/:day',
    access: ADMIN,
    staff: SUPERVISORS,
    params: z.object({ day: IsoDateSchema }).strict(),
    query: None,
    body: z
      .object({
        kind: z.enum([...CALENDAR_DAY_KINDS, 'normal']),
        name: z
          .string()
          .trim()
          .max(40)
          .regex(/^[^\p{Cc}]*$/u, 'control characters are not allowed'),
      })
      .strict(),
    response: CalendarSchema,
  }),
} as const;
