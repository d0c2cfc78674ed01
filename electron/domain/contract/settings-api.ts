import { ADMIN, SUPERVISORS } from './access.js';
import { None, readRoute, route } from './route-spec.js';
import { HallSettingsSchema } from './schemas.js';

/** The supervisor's run-time levers: calling policy, display notice, announcements, hours, green channel. */
export const settingsApi = {
  getSettings: readRoute('/api/settings', ADMIN, HallSettingsSchema),

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
