import type { TicketStepKind, WindowEventKind, TicketEventKind } from '../electron/domain/queue/ticket-events.js';
import type { Db } from './open.js';
import type { TicketRow } from './ticket-row.js';

export interface TicketEventRow {
  id: number;
  ticket_id: number | null;
  kind: TicketEventKind;
  window_id: number | null;
  window_number: number | null;
  staff_id: number | null;
  at: number;
  service_day: string;
  line: string | null;
  class: string | null;
  detail: string;
}

interface Params {
  ticketId: number | null;
  kind: TicketEventKind;
  windowId: number | null;
  staffId: number | null;
  at: number;
  serviceDay: string;
  line: string | null;
  cls: string | null;
  detail: string;
}

/**
 * Appends ticket and window events. It never opens a transaction of its own: the callers (the
 * ticket and window stores) write the event inside the step's transaction, so a step and its event
 * commit together or not at all. The window's number and (unless given) its staff are read at the
 * time of the step.
 */
export function ticketEventLog(db: Db) {
  const insert = db.prepare<Params>(
    `INSERT INTO ticket_events (ticket_id, kind, window_id, window_number, staff_id, at, service_day, line, class, detail)
     VALUES (@ticketId, @kind, @windowId, (SELECT number FROM windows WHERE id = @windowId),
       coalesce(@staffId, (SELECT staff_id FROM windows WHERE id = @windowId)), @at, @serviceDay, @line, @cls, @detail)`,
  );
  const ofTicket = db.prepare<[number], TicketEventRow>(`SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY id`);
  const ofDay = db.prepare<[string], TicketEventRow>(`SELECT * FROM ticket_events WHERE service_day = ? ORDER BY id`);

  return {
    /** A step of `t` (the ticket as the step left it) at `windowId` (the window it happened at, if any). */
    ticket(kind: TicketStepKind, t: TicketRow, at: number, windowId: number | null, detail: Record<string, unknown> = {}): void {
      insert.run({
        ticketId: t.id,
        kind,
        windowId,
        staffId: null,
        at,
        serviceDay: t.service_day,
        line: t.line,
        cls: t.ticket_class,
        detail: JSON.stringify(detail),
      });
    },

    window(kind: WindowEventKind, windowId: number, staffId: number | null, serviceDay: string, at: number, detail: Record<string, unknown> = {}): void {
      insert.run({ ticketId: null, kind, windowId, staffId, at, serviceDay, line: null, cls: null, detail: JSON.stringify(detail) });
    },

    ofTicket: (ticketId: number): TicketEventRow[] => ofTicket.all(ticketId),
    ofDay: (serviceDay: string): TicketEventRow[] => ofDay.all(serviceDay),
  };
}

export type TicketEventLog = ReturnType<typeof ticketEventLog>;
