import { z } from 'zod';
import { SELF_SERVICE } from './access.js';
import { readRoute } from './route-spec.js';
import { OpeningHoursSchema } from './schemas.js';

/** What a kiosk or booth tells a citizen about the hall itself: its name, hours and green channel. */
export const hallApi = {
  hallInfo: readRoute(
    '/api/hall-info',
    SELF_SERVICE,
    z.object({
      hallName: z.string(),
      openingHours: OpeningHoursSchema,
      /** Applicants this old or older are served through the green channel. */
      greenChannelAge: z.number().int(),
      /** Computed by the host in the hall's time zone, from its clock (not the kiosk's). */
      openNow: z.boolean(),
      /** Start of the next opening (epoch ms) while closed; null while open. */
      nextOpening: z.number().int().nullable(),
    }),
  ),
} as const;
