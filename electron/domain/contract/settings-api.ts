import { ADMIN, SUPERVISORS } from './access.js';
import { None, route } from './route-spec.js';
import { HallSettingsSchema } from './schemas.js';

/** The supervisor's run-time levers: calling policy, display notice, announcements, hours, green channel. */
export const settingsApi = {
  getSettings: route({ method: 'GET', path: '/api/settings', access: ADMIN, params: None, query: None, body: None, response: HallSettingsSchema }),

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
