import type { dashboardApi } from '../../domain/contract/dashboard-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { hallDashboard } from '../dashboard/hall-dashboard.js';

/** The supervisor's live hall dashboard: read when the screen opens, then pushed (dashboard-pusher.ts). */
export function dashboardHandlers(ctx: HostContext): HandlersFor<typeof dashboardApi> {
  const read = hallDashboard(ctx);
  return { hallDashboard: () => read() };
}
