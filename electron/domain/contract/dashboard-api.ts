import { z } from 'zod';
import { ADMIN, SUPERVISORS } from './access.js';
import { readRoute } from './route-spec.js';
import { BusinessLineSchema, TicketClassSchema, TicketStatusSchema, WINDOW_STATUSES } from './schemas.js';

/**
 * What the hall dashboard warns of. `back_office`: a link to a back-office system is down (the
 * delivery work adds its source in electron/host/dashboard/dashboard-alerts.ts).
 */
export const DASHBOARD_ALERT_KINDS = ['wait_over_target', 'bad_rating', 'rectification_overdue', 'printer_down', 'device_down', 'back_office'] as const;

export const DashboardAlertSchema = z.object({
  kind: z.enum(DASHBOARD_ALERT_KINDS),
  /** How many (tickets, ratings, items) or 1 for one device. */
  count: z.number().int().nonnegative(),
  /** What it concerns, as the hall names it (a terminal or device name, a ticket number); never personal data. */
  subject: z.string().max(100),
  /** Since when (epoch ms), for the alerts that have a start: a back office down since 18:42. */
  since: z.number().int().optional(),
});
export type DashboardAlert = z.infer<typeof DashboardAlertSchema>;

export const HallDashboardSchema = z.object({
  /** The host's clock when this was read: service times run on from it. */
  at: z.number().int(),
  targetWaitMin: z.number().int(),
  waiting: z.array(
    z.object({ line: BusinessLineSchema, ticketClass: TicketClassSchema, count: z.number().int().nonnegative(), oldestIssuedAt: z.number().int() }),
  ),
  longestWait: z.object({ number: z.string(), line: BusinessLineSchema, issuedAt: z.number().int() }).nullable(),
  windows: z.array(
    z.object({
      id: z.number().int().positive(),
      number: z.number().int().positive(),
      name: z.string(),
      status: z.enum(WINDOW_STATUSES),
      staffName: z.string().nullable(),
      current: z
        .object({ number: z.string(), status: TicketStatusSchema, calledAt: z.number().int().nullable(), startedAt: z.number().int().nullable() })
        .nullable(),
    }),
  ),
  served: z.object({ today: z.number().int().nonnegative(), yesterdayByNow: z.number().int().nonnegative() }),
  alerts: z.array(DashboardAlertSchema),
});
export type HallDashboard = z.infer<typeof HallDashboardSchema>;

/** The supervisor's live view of the hall: read when the screen opens or reconnects; each change
 * after that is pushed whole (`dashboard.state` to the screens that follow it, events.ts). */
export const dashboardApi = {
  hallDashboard: readRoute('/api/dashboard', ADMIN, HallDashboardSchema, SUPERVISORS),
} as const;
