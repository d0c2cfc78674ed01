import type { BusinessLine } from '../electron/domain/business-lines.js';
import type { Ticket } from '../electron/domain/contract/schemas.js';
import type { Db } from './open.js';
import { TICKET_COLUMNS, toTicket, type TicketRow } from './ticket-row.js';

/**
 * What a clerk does to the ticket at their window after calling it. Each is one UPDATE guarded by
 * the state it expects, so a double press or two screens cannot apply an action twice; null means
 * the ticket was not in that state (the handler answers 409).
 */
export function ticketActions(db: Db) {
  const byId = db.prepare<[number], TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = ?`);
  const recall = db.prepare<[number, number, number], TicketRow>(
    `UPDATE tickets SET recall_count = recall_count + 1, called_at = ?
     WHERE window_id = ? AND status = 'called' AND recall_count < ? RETURNING ${TICKET_COLUMNS}`,
  );
  const start = db.prepare<[number, number], TicketRow>(
    `UPDATE tickets SET status = 'serving', started_at = ? WHERE window_id = ? AND status = 'called' RETURNING ${TICKET_COLUMNS}`,
  );
  const finish = db.prepare<[number, number], TicketRow>(
    `UPDATE tickets SET status = 'done', finished_at = ? WHERE window_id = ? AND status IN ('called', 'serving') RETURNING ${TICKET_COLUMNS}`,
  );
  const noShow = db.prepare<[number, number], TicketRow>(
    `UPDATE tickets SET status = 'no_show', no_show_at = ? WHERE window_id = ? AND status = 'called' RETURNING ${TICKET_COLUMNS}`,
  );
  // A transfer keeps issued_at and ticket_class: the ticket waits again in its original place.
  const transfer = db.prepare<[string, number | null, number], TicketRow>(
    `UPDATE tickets SET status = 'waiting', line = ?, target_window_id = ?, window_id = NULL, called_at = NULL,
       started_at = NULL, recall_count = 0
     WHERE window_id = ? AND status IN ('called', 'serving') RETURNING ${TICKET_COLUMNS}`,
  );
  const reinstate = db.prepare<[number, number], TicketRow>(
    `UPDATE tickets SET status = 'waiting', target_window_id = window_id, window_id = NULL, called_at = NULL,
       recall_count = 0, no_show_at = NULL
     WHERE id = ? AND status = 'no_show' AND no_show_at >= ? RETURNING ${TICKET_COLUMNS}`,
  );
  const noShowsAt = db.prepare<[number, string, number], TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE window_id = ? AND service_day = ? AND status = 'no_show' AND no_show_at >= ?
     ORDER BY no_show_at DESC`,
  );
  const one = (r: TicketRow | undefined): Ticket | null => (r ? toTicket(r) : null);

  return {
    byId: (id: number) => one(byId.get(id)),
    recall: (windowId: number, now: number, limit: number) => one(recall.get(now, windowId, limit)),
    start: (windowId: number, now: number) => one(start.get(now, windowId)),
    finish: (windowId: number, now: number) => one(finish.get(now, windowId)),
    noShow: (windowId: number, now: number) => one(noShow.get(now, windowId)),
    transfer: (windowId: number, toLine: BusinessLine, toWindowId: number | null) => one(transfer.get(toLine, toWindowId, windowId)),
    /** Back to waiting with its original issue time and class, for the window that marked it. */
    reinstate: (ticketId: number, notBefore: number) => one(reinstate.get(ticketId, notBefore)),
    noShowsAt: (windowId: number, serviceDay: string, notBefore: number) => noShowsAt.all(windowId, serviceDay, notBefore).map(toTicket),
  };
}
