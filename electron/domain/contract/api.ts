import { z } from 'zod';
import { appointmentsApi } from './appointments-api.js';
import { applicationsApi } from './applications-api.js';
import { auditApi } from './audit-api.js';
import { backOfficeApi } from './back-office-api.js';
import { calendarApi } from './calendar-api.js';
import { casesApi } from './cases-api.js';
import { catalogApi } from './catalog-api.js';
import { cityLinkApi } from './city-link-api.js';
import { conversationApi } from './conversation-api.js';
import { dashboardApi } from './dashboard-api.js';
import { devicesApi } from './devices-api.js';
import { hallApi } from './hall-api.js';
import { imeApi } from './ime-api.js';
import { printApi } from './print-api.js';
import { queueApi } from './queue-api.js';
import { ratingsApi } from './ratings-api.js';
import { reportsApi } from './reports-api.js';
import { TerminalRoleSchema } from './schemas.js';
import { settingsApi } from './settings-api.js';
import { staffApi } from './staff-api.js';
import { terminalsApi } from './terminals-api.js';
import { windowsApi } from './windows-api.js';

/**
 * The HTTP API as data: method, path, who may call it, and the schema of everything that crosses.
 * The host registers its handlers from this table (so a route cannot exist without a role list and
 * schemas) and the renderer's client calls through it (so both sides agree by construction).
 *
 * Each `<x>-api.ts` beside this file holds one part, served by electron/host/handlers/<x>-handlers.ts
 * (tests/unit/contract-layout.test.ts holds them to it). The simulator's part (sim-api.ts) is not
 * merged here: only a host started with --simulate-devices serves it.
 */
export type { Access, RouteSpec } from './route-spec.js';

export const api = {
  ...terminalsApi,
  ...queueApi,
  ...windowsApi,
  ...conversationApi,
  ...staffApi,
  ...settingsApi,
  ...appointmentsApi,
  ...auditApi,
  ...catalogApi,
  ...applicationsApi,
  ...casesApi,
  ...calendarApi,
  ...printApi,
  ...devicesApi,
  ...hallApi,
  ...imeApi,
  ...backOfficeApi,
  ...ratingsApi,
  ...dashboardApi,
  ...reportsApi,
  ...cityLinkApi,
} as const;

export type Api = typeof api;
export type RouteName = keyof Api;
export type RequestOf<N extends RouteName> = {
  params: z.input<Api[N]['params']>;
  query: z.input<Api[N]['query']>;
  body: z.input<Api[N]['body']>;
};
export type ResponseOf<N extends RouteName> = z.infer<Api[N]['response']>;

/** Fill `:name` placeholders of a route path. */
export function pathFor(path: string, params: Record<string, string | number>): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(v));
  });
}

export const EVENTS_PATH = '/api/events';
/** `role` picks which of the browser's screen credentials the socket uses (see guard.ts). A window's
 * 笔谈 is followed with a `watch` message on the open socket, so a page keeps one socket. */
export const EventsQuerySchema = z.object({ role: TerminalRoleSchema }).strict();
