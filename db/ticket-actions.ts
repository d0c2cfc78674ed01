import type { BusinessLine } from '../electron/domain/business-lines.js';
import type { Ticket } from '../electron/domain/contract/schemas.js';
import type { Db } from './open.js';
import { ticketEventLog } from './ticket-events.js';
import { TICKET_COLUMNS, toTicket, type TicketRow } from './ticket-row.js';

/**
 * What a clerk does to the ticket at their window after calling it. Each is one UPDATE guarded by
 * the state it expects, so a double press or two screens cannot apply an action twice; null means
 * the ticket was not in that state (the handler answers 409). Each step and its row in
 * ticket_events commit in one transaction (nested in the caller's, if any, as a savepoint).
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
  const current = db.prepare<[number], Pick<TicketRow, 'line'>>(`SELECT line FROM tickets WHERE window_id = ? AND status IN ('called', 'serving')`);
  const noShowsAt = db.prepare<[number, string, number], TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE window_id = ? AND service_day = ? AND status = 'no_show' AND no_show_at >= ?
     ORDER BY no_show_at DESC`,
  );
  const events = ticketEventLog(db);
  const one = (r: TicketRow | undefined): Ticket | null => (r ? toTicket(r) : null);

  const recallTx = db.transaction((windowId: number, now: number, limit: number) => {
    const r = recall.get(now, windowId, limit);
    if (r) events.ticket('recalled', r, now, windowId, { recallCount: r.recall_count });
    return one(r);
  });
  const startTx = db.transaction((windowId: number, now: number) => {
    const r = start.get(now, windowId);
    if (r) events.ticket('started', r, now, windowId);
    return one(r);
  });
  const finishTx = db.transaction((windowId: number, now: number) => {
    const r = finish.get(now, windowId);
    if (r) events.ticket('finished', r, now, windowId, { started: r.started_at !== null });
    return one(r);
  });
  const noShowTx = db.transaction((windowId: number, now: number) => {
    const r = noShow.get(now, windowId);
    if (r) events.ticket('no_show', r, now, windowId);
    return one(r);
  });
  const transferTx = db.transaction((windowId: number, toLine: BusinessLine, toWindowId: number | null, now: number) => {
    const before = current.get(windowId);
    const r = transfer.get(toLine, toWindowId, windowId);
    if (r) events.ticket('transferred', r, now, windowId, { fromLine: before?.line ?? null, toLine, toWindowId });
    return one(r);
  });
  const reinstateTx = db.transaction((ticketId: number, notBefore: number, now: number) => {
    const r = reinstate.get(ticketId, notBefore);
    // The window that marked the no-show (the ticket now waits for it again).
    if (r) events.ticket('reinstated', r, now, r.target_window_id);
    return one(r);
  });

  return {
    byId: (id: number) => one(byId.get(id)),
    recall: (windowId: number, now: number, limit: number) => recallTx(windowId, now, limit),
    start: (windowId: number, now: number) => startTx(windowId, now),
    finish: (windowId: number, now: number) => finishTx(windowId, now),
    noShow: (windowId: number, now: number) => noShowTx(windowId, now),
    transfer: (windowId: number, toLine: BusinessLine, toWindowId: number | null, now: number) => transferTx(windowId, toLine, toWindowId, now),
    /** Back to waiting with its original issue time and class, for the window that marked it. */
    reinstate: (ticketId: number, notBefore: number, now: number) => reinstateTx(ticketId, notBefore, now),
    noShowsAt: (windowId: number, serviceDay: string, notBefore: number) => noShowsAt.all(windowId, serviceDay, notBefore).map(toTicket),
  };
}
