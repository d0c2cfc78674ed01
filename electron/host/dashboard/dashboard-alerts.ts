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
  const n = rectificationStore(ctx.db, ctx.cipher).overdueCount(ctx.today());
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

/** A back office that stopped answering: its system (a code the screen puts in words), since when
 * (stored, so a restart does not shorten it), with what waits to be sent. */
const backOffices: AlertSource = (ctx) =>
  ctx.backOffice
    .status()
    .filter((l) => l.state === 'unreachable')
    .map((l) => ({ kind: 'back_office', count: l.waiting, subject: l.system, ...(l.since === null ? {} : { since: l.since }) }));

/** Every source the dashboard asks, in the order it shows them. */
export const ALERT_SOURCES: readonly AlertSource[] = [waits, badRatings, overdueItems, printers, devices, backOffices];
