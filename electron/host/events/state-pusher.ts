import type { QueueState } from '../../domain/contract/schemas.js';
import type { EventHub } from './event-hub.js';

/**
 * Pushes the queue state to every screen. Changes in one event-loop turn share one push (a burst
 * of tickets is one redraw, not fifty); `now()` pushes at once, for a call that must be followed
 * by its announcement in order.
 */
export function statePusher(state: () => QueueState, events: EventHub) {
  let scheduled = false;
  function push(): void {
    scheduled = false;
    if (events.size === 0) return;
    events.broadcast({ type: 'queue.state', queue: state() });
  }
  return {
    soon(): void {
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        if (scheduled) push();
      });
    },
    now(): void {
      push();
    },
  };
}

export type StatePusher = ReturnType<typeof statePusher>;
