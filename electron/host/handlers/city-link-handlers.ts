import type { cityLinkApi } from '../../domain/contract/city-link-api.js';
import { CityCallError } from '../city-link/city-http.js';
import { ApiError } from '../http/api-error.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { actorOf } from './actor.js';

/** The admin screen's city section: the link's status line, enrolment with a code, sync now. */
export function cityLinkHandlers(ctx: HostContext): HandlersFor<typeof cityLinkApi> {
  return {
    cityLinkStatus: () => ctx.city.status(),
    enrolCityLink: async ({ body, staff, terminal }) => {
      try {
        const { hallId } = await ctx.city.enrol(body.cityUrl, body.code, ctx.printing.settings.hallName());
        ctx.audit.append({ at: ctx.clock(), actor: actorOf(staff, terminal), action: 'city.enrol', target: `hall:${hallId}`, detail: body.cityUrl });
      } catch (err) {
        if (!(err instanceof CityCallError)) throw err;
        if (err.status === 400) throw new ApiError('code_invalid', 'The city did not accept this code (unknown, used or expired)');
        throw new ApiError('unavailable', `The city could not be reached: ${err.message}`);
      }
      return ctx.city.syncNow();
    },
    syncCityLink: () => ctx.city.syncNow(),
  };
}
