import { ADMIN, SUPERVISORS } from './access.js';
import { None, readRoute, route } from './route-spec.js';
import { HallSettingsSchema } from './schemas.js';
import { RatingRulesInForceSchema } from '../city/published-rating-rules.js';

/** The supervisor's run-time levers: calling policy, display notice, announcements, hours, green channel. */
export const settingsApi = {
  getSettings: readRoute('/api/settings', ADMIN, HallSettingsSchema),
  /** The 好差评 rules in force: the hall's deadline beneath the city's, and whence each rule comes. */
  ratingRulesInForce: readRoute('/api/settings/rating-rules', ADMIN, RatingRulesInForceSchema, SUPERVISORS),

  putSettings: route({
    method: 'PUT',
    path: '/api/settings',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: HallSettingsSchema.strict(),
    response: HallSettingsSchema,
  }),
} as const;
