import { z } from 'zod';
import { EnrolmentCodeSchema } from '../city/enrolment.js';
import { ADMIN, SUPERVISORS } from './access.js';
import { None, readRoute, route } from './route-spec.js';

/** The hub's link to the city (issue 16), as the admin screen's status line shows it. */
export const CityLinkStatusSchema = z.object({
  state: z.enum(['not_enrolled', 'connecting', 'connected', 'retrying', 'down']),
  cityUrl: z.string().nullable(),
  hallId: z.string().nullable(),
  /** When the city last acknowledged records (epoch ms). */
  lastSyncAt: z.number().int().nullable(),
  /** Records written in the hall and not yet held by the city. */
  backlog: z.number().int().nonnegative(),
  downSince: z.number().int().nullable(),
  lastError: z.string().nullable(),
  reconciledAt: z.number().int().nullable(),
  /** Days on which the hall's and the city's records differed at the last reconciliation: an alert. */
  mismatchedDays: z.array(z.string()),
});
export type CityLinkStatus = z.infer<typeof CityLinkStatusSchema>;

const CityUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://city.example:5160' })
  .transform((u) => u.replace(/\/+$/, ''));

/** Supervisors see the link and sync it; only an administrator enrols the hall. */
export const cityLinkApi = {
  cityLinkStatus: readRoute('/api/city-link', ADMIN, CityLinkStatusSchema, SUPERVISORS),
  enrolCityLink: route({
    method: 'POST',
    path: '/api/city-link/enrol',
    access: ADMIN,
    staff: ['admin'],
    params: None,
    query: None,
    body: z.object({ cityUrl: CityUrlSchema, code: EnrolmentCodeSchema }).strict(),
    response: CityLinkStatusSchema,
  }),
  syncCityLink: route({
    method: 'POST',
    path: '/api/city-link/sync',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: None,
    response: CityLinkStatusSchema,
  }),
} as const;
