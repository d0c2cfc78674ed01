import type { HallDashboard } from '../../domain/contract/dashboard-api.js';
import type { ServerEvent } from '../../domain/contract/events.js';
import type { EventHub } from '../events/event-hub.js';

/** The pushes after which the hall dashboard may read differently (what its screen used to re-read on). */
const CHANGES: ReadonlySet<ServerEvent['type']> = new Set([
  'queue.state',
  'ticket.called',
  'rectification.changed',
  'printer.status',
  'device.status',
  'backoffice.status',
]);

/**
 * Pushes the hall dashboard to the admin screens that follow it. With a screen per supervisor,
 * each re-reading on every push, a call cost hundreds of reads (p99 308 ms for 200 screens): now
 * the pushes of one event-loop turn (a call and the queue after it) make one state, computed once
 * and serialised once for every follower.
 */
export function dashboardPusher(events: EventHub, state: () => HallDashboard, log: (line: string) => void): void {
  let scheduled = false;
  const push = (): void => {
    scheduled = false;
    if (events.followers('dashboard') === 0) return;
    try {
      events.sendToFollowers('dashboard', { type: 'dashboard.state', dashboard: state() });
    } catch (err) {
      // A failed read must not take the hub down: the screens keep what they show until the next change.
      log(`dashboard: push failed: ${(err as Error).message}`);
    }
  };
  events.provideView('dashboard', () => ({ type: 'dashboard.state', dashboard: state() }));
  events.observe((e) => {
    if (!CHANGES.has(e.type) || scheduled) return;
    scheduled = true;
    setImmediate(push);
  });
}
