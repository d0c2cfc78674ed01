import { BUSINESS_LINES, type BusinessLine } from '../electron/domain/business-lines.js';
import type { Call, QueueState, Ticket, WaitingCounts } from '../electron/domain/contract/schemas.js';
import { formatTicketNumber } from '../electron/domain/ticket-number.js';
import type { Db } from './open.js';

interface TicketRow {
  id: number;
  service_day: string;
  line: BusinessLine;
  number: string;
  status: Ticket['status'];
  issued_at: number;
  called_at: number | null;
  window_id: number | null;
}

const TICKET_COLUMNS = 'id, service_day, line, number, status, issued_at, called_at, window_id';

function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    number: r.number,
    line: r.line,
    serviceDay: r.service_day,
    status: r.status,
    issuedAt: r.issued_at,
    calledAt: r.called_at,
    windowId: r.window_id,
  };
}

export interface IssuedTicket {
  ticket: Ticket;
  ahead: number;
}

export interface TicketRequest {
  line: BusinessLine;
  terminalId: number | null;
}

export interface CallResult {
  ticket: Ticket | null;
  /** The ticket this window was serving, closed by calling the next one. */
  finished: Ticket | null;
}

/** Reads and writes tickets. Statements are prepared once per connection. */
export function ticketStore(db: Db) {
  const bumpCounter = db.prepare<[string, string], { last_seq: number }>(
    `INSERT INTO daily_counters (service_day, line, last_seq) VALUES (?, ?, 1)
     ON CONFLICT (service_day, line) DO UPDATE SET last_seq = last_seq + 1
     RETURNING last_seq`,
  );
  const insertTicket = db.prepare<[string, string, number, string, number, number | null], TicketRow>(
    `INSERT INTO tickets (service_day, line, seq, number, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?)
     RETURNING ${TICKET_COLUMNS}`,
  );
  const countWaitingInLine = db.prepare<[string, string], { n: number }>(
    `SELECT count(*) AS n FROM tickets WHERE service_day = ? AND status = 'waiting' AND line = ?`,
  );
  const waitingByLine = db.prepare<[string], { line: BusinessLine; n: number }>(
    `SELECT line, count(*) AS n FROM tickets WHERE service_day = ? AND status = 'waiting' GROUP BY line`,
  );
  // First come, first served across the window's lines. The calling policy of the queue issue
  // (classes, AB services, anti-starvation) replaces this choice; the transaction around it stays.
  const oldestWaiting = db.prepare<[string, string], TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets
     WHERE service_day = ? AND status = 'waiting'
       AND line IN (SELECT value FROM json_each(?))
     ORDER BY issued_at, id LIMIT 1`,
  );
  const markCalled = db.prepare<[number, number, number], TicketRow>(
    `UPDATE tickets SET status = 'called', called_at = ?, window_id = ? WHERE id = ? AND status = 'waiting'
     RETURNING ${TICKET_COLUMNS}`,
  );
  const currentAtWindow = db.prepare<[number], TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE window_id = ? AND status IN ('called', 'serving')
     ORDER BY called_at DESC LIMIT 1`,
  );
  const finishAtWindow = db.prepare<[number, number], TicketRow>(
    `UPDATE tickets SET status = 'done', finished_at = ? WHERE window_id = ? AND status IN ('called', 'serving')
     RETURNING ${TICKET_COLUMNS}`,
  );
  const recentCalls = db.prepare<[string, number], Call>(
    `SELECT t.id AS ticketId, t.number, t.line, w.number AS windowNumber, w.name AS windowName, t.called_at AS calledAt
     FROM tickets t JOIN windows w ON w.id = t.window_id
     WHERE t.service_day = ? AND t.called_at IS NOT NULL
     ORDER BY t.called_at DESC, t.id DESC LIMIT ?`,
  );

  const issueMany = db.transaction((requests: readonly TicketRequest[], serviceDay: string, now: number): IssuedTicket[] => {
    // First come, first served: everyone already waiting in the line is ahead of a new ticket.
    // Counted once per line per batch (before its first insert), then carried forward.
    const waitingInLine = new Map<BusinessLine, number>();
    return requests.map(({ line, terminalId }) => {
      const ahead = waitingInLine.get(line) ?? countWaitingInLine.get(serviceDay, line)?.n ?? 0;
      waitingInLine.set(line, ahead + 1);
      const seq = bumpCounter.get(serviceDay, line)?.last_seq;
      if (seq === undefined) throw new Error('ticket counter did not return a sequence');
      const row = insertTicket.get(serviceDay, line, seq, formatTicketNumber(line, seq), now, terminalId);
      if (!row) throw new Error('ticket insert returned no row');
      return { ticket: toTicket(row), ahead };
    });
  });

  const callNext = db.transaction((windowId: number, lines: readonly BusinessLine[], serviceDay: string, now: number): CallResult => {
    const finishedRows = finishAtWindow.all(now, windowId);
    const next = oldestWaiting.get(serviceDay, JSON.stringify(lines));
    const called = next ? markCalled.get(now, windowId, next.id) : undefined;
    return { ticket: called ? toTicket(called) : null, finished: finishedRows[0] ? toTicket(finishedRows[0]) : null };
  });

  return {
    /**
     * Allocates the day's next number for the line and inserts the ticket in one IMMEDIATE
     * transaction: the write lock is taken before the counter is read, so two kiosks (or two
     * processes on the same file) can never be handed the same number.
     */
    issue(line: BusinessLine, serviceDay: string, now: number, terminalId: number | null): IssuedTicket {
      const [issued] = issueMany.immediate([{ line, terminalId }], serviceDay, now);
      if (!issued) throw new Error('no ticket issued');
      return issued;
    },

    /** Several tickets in one transaction and so one fsync (group commit); numbers in request order. */
    issueMany(requests: readonly TicketRequest[], serviceDay: string, now: number): IssuedTicket[] {
      return issueMany.immediate(requests, serviceDay, now);
    },

    /** Closes the window's current ticket and calls the oldest waiting one in its lines, atomically,
     * so two clerks pressing at once never get the same ticket. */
    callNext(windowId: number, lines: readonly BusinessLine[], serviceDay: string, now: number): CallResult {
      return callNext.immediate(windowId, lines, serviceDay, now);
    },

    current(windowId: number): Ticket | null {
      const row = currentAtWindow.get(windowId);
      return row ? toTicket(row) : null;
    },

    waiting(serviceDay: string): WaitingCounts {
      const counts = Object.fromEntries(BUSINESS_LINES.map((l) => [l, 0])) as WaitingCounts;
      for (const r of waitingByLine.all(serviceDay)) counts[r.line] = r.n;
      return counts;
    },

    state(serviceDay: string, recent = 8): QueueState {
      return { serviceDay, waiting: this.waiting(serviceDay), recentCalls: recentCalls.all(serviceDay, recent) };
    },
  };
}

export type TicketStore = ReturnType<typeof ticketStore>;
