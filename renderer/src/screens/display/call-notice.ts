import { useState } from 'react';
import type { Call } from '@domain/contract/schemas.js';
import { useHostEvent } from '../../data/use-host-events.js';

/** A call as it arrived; `seq` grows with every push so a repeated call of the same number still
 * counts as new (a recall must flash the display again). */
export interface CallNotice {
  call: Call;
  seq: number;
  /** The clerk called the same ticket again (the display marks it and announces it again). */
  recall: boolean;
}

/**
 * Every ticket.called push, in order: `onCall` runs once for each (the announcer queues each one;
 * the returned last call alone could coalesce two quick calls into one render).
 */
export function useCalls(onCall: (notice: CallNotice) => void): CallNotice | null {
  const [last, setLast] = useState<CallNotice | null>(null);
  useHostEvent('ticket.called', (ev) => {
    const notice = { call: ev.call, seq: (last?.seq ?? 0) + 1, recall: ev.recall };
    setLast(notice);
    onCall(notice);
  });
  return last;
}
