import type { IssuedTicket, TicketRequest, TicketStore } from '../../../db/tickets.js';

/** Runs inside the ticket's transaction (e.g. storing its slip's print job); a throw rolls the
 * ticket back and fails its request. */
export type WithTicket = (issued: IssuedTicket) => void;

/**
 * Group commit for ticket issuance. Requests that arrive in the same turn of the event loop are
 * written in one transaction, so a burst costs one fsync instead of one each. Nobody is answered
 * before that transaction has committed, so the durability promise is unchanged: an acknowledged
 * ticket is on disk. If a batch fails, each request is retried alone so that one bad request
 * cannot fail its neighbours.
 */
export function issueBatcher(tickets: TicketStore, today: () => string, clock: () => number, afterCommit: () => void) {
  type Pending = TicketRequest & { resolve: (t: IssuedTicket) => void; reject: (e: unknown) => void; withTicket?: WithTicket | undefined };
  const hooksOf = (batch: readonly Pending[]) => (issued: readonly IssuedTicket[]) => batch.forEach((p, i) => p.withTicket?.(issued[i] as IssuedTicket));
  let pending: Pending[] = [];

  function flush(): void {
    const batch = pending;
    pending = [];
    const day = today();
    const now = clock();
    try {
      const issued = tickets.issueMany(batch, day, now, hooksOf(batch));
      batch.forEach((p, i) => p.resolve(issued[i] as IssuedTicket));
    } catch {
      for (const p of batch) {
        try {
          p.resolve(tickets.issue(p, day, now, hooksOf([p])));
        } catch (err) {
          p.reject(err);
        }
      }
    }
    afterCommit();
  }

  return {
    issue(request: TicketRequest, withTicket?: WithTicket): Promise<IssuedTicket> {
      return new Promise((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ ...request, resolve, reject, withTicket });
      });
    },
  };
}
