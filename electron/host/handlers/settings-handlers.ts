import { resendReportDays } from '../../../db/city-report-days.js';
import type { settingsApi } from '../../domain/contract/settings-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { ratingRules } from '../ratings/rating-rules.js';
import { actorOf } from './actor.js';

/** The supervisor's levers: applied at once (the next call reads them), and every change audited. */
export function settingsHandlers(ctx: HostContext): HandlersFor<typeof settingsApi> {
  return {
    getSettings: () => ctx.settings.hall(),
    ratingRulesInForce: () => ratingRules(ctx.settings).inForce(),

    putSettings: ({ body, staff, terminal }) => {
      const before = ctx.settings.hall();
      const saved = ctx.db.transaction(() => {
        const after = ctx.settings.putHall(body);
        // The city computes each day's share within the target wait with the target sent with the day.
        if (after.targetWaitMin !== before.targetWaitMin) resendReportDays(ctx.db);
        return after;
      })();
      const changed = Object.keys(saved).filter((k) => JSON.stringify(saved[k as keyof typeof saved]) !== JSON.stringify(before[k as keyof typeof before]));
      ctx.audit.append({ at: ctx.clock(), actor: actorOf(staff, terminal), action: 'settings.update', target: 'hall', detail: changed.join(', ') });
      // Displays show the notice and announce in the chosen languages from the next push.
      ctx.pushState.now();
      return saved;
    },
  };
}
