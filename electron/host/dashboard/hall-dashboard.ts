import { hallFigures } from '../../../db/hall-figures.js';
import { plusDays } from '../../domain/calendar/working-days.js';
import type { HallDashboard } from '../../domain/contract/dashboard-api.js';
import type { HostContext } from '../host-context.js';
import { ALERT_SOURCES } from './dashboard-alerts.js';

const DAY_MS = 24 * 3600_000;

/** The hall dashboard as it is now: what the route answers and what is pushed to its followers. */
export function hallDashboard(ctx: HostContext): () => HallDashboard {
  const figures = hallFigures(ctx.db);
  return () => {
    const now = ctx.clock();
    const today = ctx.today();
    const windows: HallDashboard['windows'] = ctx.windows.list().map((w) => {
      const t = w.status === 'closed' ? null : ctx.tickets.current(w.id);
      return {
        id: w.id,
        number: w.number,
        name: w.name,
        status: w.status,
        staffName: w.staffName,
        current: t ? { number: t.number, status: t.status, calledAt: t.calledAt, startedAt: t.startedAt } : null,
      };
    });
    return {
      at: now,
      targetWaitMin: ctx.settings.hall().targetWaitMin,
      waiting: figures.waiting(today) as HallDashboard['waiting'],
      longestWait: figures.longest(today) as HallDashboard['longestWait'],
      windows,
      // Yesterday at this hour: the same clock time one calendar day before (the hall's zone has no DST).
      served: { today: figures.finished(today, now), yesterdayByNow: figures.finished(plusDays(today, -1), now - DAY_MS) },
      alerts: ALERT_SOURCES.flatMap((source) => source(ctx, figures, now)),
    };
  };
}
