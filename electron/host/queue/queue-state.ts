import { BUSINESS_LINES, type BusinessLine } from '../../domain/business-lines.js';
import type { QueueState, ServiceWindow } from '../../domain/contract/schemas.js';
import { averageServiceMs, estimatedWaitMinutes } from '../../domain/queue/estimate.js';
import { maskName } from '../../domain/identity/mask.js';
import type { HostContext } from '../host-context.js';

type Ctx = Pick<HostContext, 'tickets' | 'windows' | 'settings' | 'today'>;

/** Open (not paused) windows that serve the line, as primary or backup. */
function openWindowsFor(windows: readonly ServiceWindow[], line: BusinessLine): number {
  return windows.filter((w) => w.status === 'open' && w.lines.includes(line)).length;
}

/** Minutes someone with `ahead` people before them in `line` can expect to wait. */
export function estimateFor(ctx: Ctx, line: BusinessLine, ahead: number, windows: readonly ServiceWindow[] = ctx.windows.list()): number | null {
  return estimatedWaitMinutes(ahead, openWindowsFor(windows, line), averageServiceMs(ctx.tickets.recentServiceDurations(ctx.today(), line)));
}

/** The display's "张*明", when the hall shows masked names and the ticket has a named applicant. */
export function maskedFor(enabled: boolean, name: string | null): string | null {
  return enabled && name ? maskName(name) : null;
}

/** What every screen draws the queue from; pushed after each change. */
export function queueState(ctx: Ctx): QueueState {
  const day = ctx.today();
  const settings = ctx.settings.hall();
  const waiting = ctx.tickets.waiting(day);
  const windows = ctx.windows.list();
  const estimates = Object.fromEntries(BUSINESS_LINES.map((l) => [l, estimateFor(ctx, l, waiting[l], windows)])) as QueueState['estimates'];
  return {
    serviceDay: day,
    waiting,
    estimates,
    // Only the masked form ever leaves the host (pushes are not filtered by a schema).
    recentCalls: ctx.tickets.recentCalls(day).map(({ applicantName, ...c }) => ({ ...c, maskedName: maskedFor(settings.maskNames, applicantName) })),
    notice: settings.notice,
    announce: settings.announce,
  };
}
