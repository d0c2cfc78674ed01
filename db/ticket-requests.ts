import type { Ticket } from '../electron/domain/contract/schemas.js';
import type { Db } from './open.js';
import { TICKET_COLUMNS, toTicket, type TicketRow } from './ticket-row.js';

/**
 * The idempotency keys of plain ticket requests (migration 010). `record` runs inside the ticket's
 * own transaction, so the key exists exactly when the ticket does; a request repeated after its
 * answer was lost (a link that dropped mid-request) finds the ticket instead of making a second.
 */
export function ticketRequestStore(db: Db) {
  const insert = db.prepare<[string, number, number | null, number]>(
    `INSERT INTO ticket_requests (request_id, ticket_id, terminal_id, created_at) VALUES (?, ?, ?, ?)`,
  );
  const find = db.prepare<[string], TicketRow & { request_terminal: number | null }>(
    `SELECT ${TICKET_COLUMNS.split(',')
      .map((c) => `t.${c.trim()}`)
      .join(', ')}, r.terminal_id AS request_terminal
     FROM ticket_requests r JOIN tickets t ON t.id = r.ticket_id WHERE r.request_id = ?`,
  );
  // The same count the kiosk's first answer gave: waiting tickets of the line issued before it.
  const ahead = db.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM tickets t, tickets me
     WHERE me.id = ? AND t.service_day = me.service_day AND t.line = me.line AND t.status = 'waiting'
       AND (t.issued_at < me.issued_at OR (t.issued_at = me.issued_at AND t.id < me.id))`,
  );
  return {
    record: (requestId: string, ticketId: number, terminalId: number | null, now: number): void => void insert.run(requestId, ticketId, terminalId, now),
    /** The ticket an earlier request with this key made, and the terminal that asked. */
    find(requestId: string): { ticket: Ticket; terminalId: number | null; ahead: number } | null {
      const r = find.get(requestId);
      if (!r) return null;
      return { ticket: toTicket(r), terminalId: r.request_terminal, ahead: ahead.get(r.id)?.n ?? 0 };
    },
  };
}
export type TicketRequestStore = ReturnType<typeof ticketRequestStore>;
