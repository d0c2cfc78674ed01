import type { CalendarStore } from '../../../db/calendar.js';
import { shippedDays, workingCalendar, type CalendarDay, type CalendarOverride, type WorkingCalendar } from '../../domain/calendar/working-days.js';
import { withCityDays } from '../../domain/city/published-calendar.js';

/**
 * The working-day calendar in force: the shipped holidays with the supervisor's corrections. Read
 * by every date a case promises, so it is built once and again only after a correction.
 */
export function calendarService(store: CalendarStore, cityDays: () => CalendarDay[] = () => []) {
  let cached: WorkingCalendar | null = null;
  return {
    /** The city published a new calendar: build again on the next read. */
    invalidate(): void {
      cached = null;
    },
    current(): WorkingCalendar {
      cached ??= workingCalendar(store.overrides(), withCityDays(shippedDays(), cityDays()));
      return cached;
    },
    overrides: (): CalendarOverride[] => store.overrides(),
    /** Inside the caller's transaction (with its audit line). */
    put(o: CalendarOverride, now: number, staffId: number | null): void {
      store.put(o, now, staffId);
      cached = null;
    },
  };
}
export type CalendarService = ReturnType<typeof calendarService>;
