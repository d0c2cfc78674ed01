import { hallStatus } from '../../domain/hall-hours.js';
import type { Handlers } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';

type HallHandlers = Pick<Handlers, 'hallInfo'>;

/** The hall as a kiosk presents it: name, hours (open now? next opening?) and green-channel age. */
export function hallHandlers(ctx: HostContext): HallHandlers {
  return {
    hallInfo: () => {
      const s = ctx.settings.hall();
      // The host's clock and zone decide, so every kiosk says the same whatever its own clock shows.
      const status = hallStatus(s.openingHours, ctx.clock(), ctx.timeZone);
      return { hallName: ctx.printing.settings.hallName(), openingHours: s.openingHours, greenChannelAge: s.greenChannelAge, ...status };
    },
  };
}
