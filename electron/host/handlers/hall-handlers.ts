import { hallStatus } from '../../domain/hall-hours.js';
import type { hallApi } from '../../domain/contract/hall-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';

/** The hall as a kiosk presents it: name, hours (open now? next opening?) and green-channel age. */
export function hallHandlers(ctx: HostContext): HandlersFor<typeof hallApi> {
  return {
    hallInfo: () => {
      const s = ctx.settings.hall();
      // The host's clock and zone decide, so every kiosk says the same whatever its own clock shows.
      const status = hallStatus(s.openingHours, ctx.clock(), ctx.timeZone);
      return { hallName: ctx.printing.settings.hallName(), openingHours: s.openingHours, greenChannelAge: s.greenChannelAge, ...status };
    },
  };
}
