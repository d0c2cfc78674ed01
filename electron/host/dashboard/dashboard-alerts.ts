import type { HallFigures } from '../../../db/hall-figures.js';
import { rectificationStore } from '../../../db/rating-rectifications.js';
import type { DashboardAlert } from '../../domain/contract/dashboard-api.js';
import type { HostContext } from '../host-context.js';

/** One kind of trouble the dashboard shows: what it finds now (nothing: []). */
export type AlertSource = (ctx: HostContext, figures: HallFigures, now: number) => DashboardAlert[];

const PRINTER_DOWN = new Set(['paper_out', 'offline', 'failed']);
const DEVICE_DOWN = new Set(['disconnected', 'error']);

const waits: AlertSource = (ctx, figures, now) => {
  const n = figures.overTarget(ctx.today(), now - ctx.settings.hall().targetWaitMin * 60_000);
  return n > 0 ? [{ kind: 'wait_over_target', count: n, subject: '' }] : [];
};

const badRatings: AlertSource = (_ctx, figures) => {
  const n = figures.unassignedBadRatings();
  return n > 0 ? [{ kind: 'bad_rating', count: n, subject: '' }] : [];
};

const overdueItems: AlertSource = (ctx) => {
  const n = rectificationStore(ctx.db).overdueCount(ctx.today());
  return n > 0 ? [{ kind: 'rectification_overdue', count: n, subject: '' }] : [];
};

const printers: AlertSource = (ctx) =>
  ctx.terminals
    .list()
    .filter((t) => !t.revoked && PRINTER_DOWN.has(ctx.printing.statusOf(t.id).status))
    .map((t) => ({ kind: 'printer_down', count: 1, subject: t.name.slice(0, 100) }));

const devices: AlertSource = (ctx) =>
  ctx.devices
    .list()
    .filter((d) => d.enabled && DEVICE_DOWN.has(d.health.state))
    .map((d) => ({ kind: 'device_down', count: 1, subject: d.name.slice(0, 100) }));

/**
 * Every source the dashboard asks, in the order it shows them. The back-office link's health
 * (issue 14's "back-office outage") is added here as one more source of kind 'back_office' when
 * the delivery work lands; its pushes should name 'rectification.changed' or a new event that
 * the dashboard's refetchOn lists.
 */
export const ALERT_SOURCES: readonly AlertSource[] = [waits, badRatings, overdueItems, printers, devices];
