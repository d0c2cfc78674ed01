import { SHIPPED_CALENDAR } from '../../domain/calendar/holiday-data.js';
import type { calendarApi } from '../../domain/contract/calendar-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { actorOf } from './actor.js';

/** The working-day calendar in force, and a supervisor's correction of one day (audited). */
export function calendarHandlers(ctx: HostContext): HandlersFor<typeof calendarApi> {
  const answer = () => ({
    days: [...ctx.calendar.current().days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    years: SHIPPED_CALENDAR.map((y) => ({ year: y.year, published: y.published, source: y.source })),
    overrides: ctx.calendar.overrides(),
  });
  return {
    workingCalendar: answer,
    putCalendarDay: ({ params, body, staff, terminal }) => {
      const now = ctx.clock();
      ctx.db
        .transaction(() => {
          ctx.calendar.put({ day: params.day, kind: body.kind, name: body.name }, now, staff?.id ?? null);
          ctx.audit.append({
            at: now,
            actor: actorOf(staff, terminal),
            action: 'calendar.set',
            target: params.day,
            detail: `${body.kind} ${body.name}`.trim(),
          });
        })
        .immediate();
      return answer();
    },
  };
}
