import type { IssuedTicket, TicketRequest, TicketStore } from '../../../db/tickets.js';

/**
 * Group commit for ticket issuance. Requests that arrive in the same turn of the event loop are
 * written in one transaction, so a burst costs one fsync instead of one each. Nobody is answered
 * before that transaction has committed, so the durability promise is unchanged: an acknowledged
 * ticket is on disk. If a batch fails, each request is retried alone so that one bad request
 * cannot fail its neighbours.
 */
export function issueBatcher(tickets: TicketStore, today: () => string, clock: () => number, afterCommit: () => void) {
  type Pending = TicketRequest & { resolve: (t: IssuedTicket) => void; reject: (e: unknown) => void };
  let pending: Pending[] = [];

  function flush(): void {
    const batch = pending;
    pending = [];
    const day = today();
    const now = clock();
    try {
      const issued = tickets.issueMany(batch, day, now);
      batch.forEach((p, i) => p.resolve(issued[i] as IssuedTicket));
    } catch {
      for (const p of batch) {
        try {
          p.resolve(tickets.issue(p, day, now));
        } catch (err) {
          p.reject(err);
        }
      }
    }
    afterCommit();
  }

  return {
    issue(request: TicketRequest): Promise<IssuedTicket> {
      return new Promise((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ ...request, resolve, reject });
      });
    },
  };
}
