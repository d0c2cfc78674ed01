import type { BusinessLine } from '../electron/domain/business-lines.js';
import type { Ticket } from '../electron/domain/contract/schemas.js';
import type { TicketClass } from '../electron/domain/queue/calling-policy.js';

export interface TicketRow {
  id: number;
  service_day: string;
  line: BusinessLine;
  number: string;
  status: Ticket['status'];
  ticket_class: TicketClass;
  group_size: number;
  issued_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  window_id: number | null;
  target_window_id: number | null;
  recall_count: number;
  appointment_slot: number | null;
  no_show_at: number | null;
}

export const TICKET_COLUMNS =
  'id, service_day, line, number, status, ticket_class, group_size, issued_at, called_at, started_at, finished_at, window_id, target_window_id, recall_count, appointment_slot, no_show_at';

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    number: r.number,
    line: r.line,
    serviceDay: r.service_day,
    status: r.status,
    ticketClass: r.ticket_class,
    groupSize: r.group_size,
    issuedAt: r.issued_at,
    calledAt: r.called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    windowId: r.window_id,
    targetWindowId: r.target_window_id,
    recallCount: r.recall_count,
  };
}
