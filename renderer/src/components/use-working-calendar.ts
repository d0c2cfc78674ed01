import { useMemo } from 'react';
import { workingCalendar, type WorkingCalendar } from '@domain/calendar/working-days.js';
import { useQuery } from '../data/use-query.js';

/**
 * The hall's working-day calendar (statutory holidays, 调休, the supervisor's corrections) for a
 * screen that shows a date counted in working days. Until the host answers, the shipped calendar:
 * the same dates but for a correction made today.
 */
export function useWorkingCalendar(): WorkingCalendar {
  const read = useQuery('workingCalendar');
  const days = read.data?.days;
  return useMemo(() => (days ? { days: new Map(days.map((d) => [d.day, d])) } : workingCalendar()), [days]);
}
