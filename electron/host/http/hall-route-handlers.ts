import type { HostContext } from '../host-context.js';
import { appointmentsHandlers } from '../handlers/appointments-handlers.js';
import { applicationsHandlers } from '../handlers/applications-handlers.js';
import { auditHandlers } from '../handlers/audit-handlers.js';
import { backOfficeHandlers } from '../handlers/back-office-handlers.js';
import { calendarHandlers } from '../handlers/calendar-handlers.js';
import { casesHandlers } from '../handlers/cases-handlers.js';
import { catalogHandlers } from '../handlers/catalog-handlers.js';
import { cityLinkHandlers } from '../handlers/city-link-handlers.js';
import { conversationHandlers } from '../handlers/conversation-handlers.js';
import { dashboardHandlers } from '../handlers/dashboard-handlers.js';
import { devicesHandlers } from '../handlers/devices-handlers.js';
import { hallHandlers } from '../handlers/hall-handlers.js';
import { imeHandlers } from '../handlers/ime-handlers.js';
import { printHandlers } from '../handlers/print-handlers.js';
import { queueHandlers } from '../handlers/queue-handlers.js';
import { ratingsHandlers } from '../handlers/ratings-handlers.js';
import { reportsHandlers } from '../handlers/reports-handlers.js';
import { settingsHandlers } from '../handlers/settings-handlers.js';
import { staffHandlers } from '../handlers/staff-handlers.js';
import { terminalsHandlers } from '../handlers/terminals-handlers.js';
import { windowsHandlers } from '../handlers/windows-handlers.js';

/** Every handler of the hall's API (electron/domain/contract/api.ts), one file per contract file. */
export function hallRouteHandlers(ctx: HostContext) {
  return {
    ...terminalsHandlers(ctx),
    ...queueHandlers(ctx),
    ...windowsHandlers(ctx),
    ...conversationHandlers(ctx),
    ...staffHandlers(ctx),
    ...settingsHandlers(ctx),
    ...appointmentsHandlers(ctx),
    ...auditHandlers(ctx),
    ...catalogHandlers(ctx),
    ...applicationsHandlers(ctx),
    ...casesHandlers(ctx),
    ...calendarHandlers(ctx),
    ...printHandlers(ctx),
    ...devicesHandlers(ctx),
    ...hallHandlers(ctx),
    ...imeHandlers(ctx),
    ...backOfficeHandlers(ctx),
    ...ratingsHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...reportsHandlers(ctx),
    ...cityLinkHandlers(ctx),
  };
}
