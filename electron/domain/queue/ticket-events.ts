/**
 * The steps of a ticket's life, and of a window's day, as written to `ticket_events` in the same
 * transaction as the step itself. Statistics are computed from these rows (and can be rebuilt
 * from them), so the list is closed: db/migrations/012_ticket_events.sql checks the same names,
 * and a unit test keeps the two in step.
 */
export const TICKET_STEP_KINDS = ['issued', 'called', 'recalled', 'started', 'finished', 'no_show', 'reinstated', 'transferred'] as const;

/** Window events carry no ticket: they explain gaps in a window's service (a pause, a hand-over). */
export const WINDOW_EVENT_KINDS = ['window_opened', 'window_paused', 'window_resumed', 'window_closed', 'window_taken_over'] as const;

export const TICKET_EVENT_KINDS = [...TICKET_STEP_KINDS, ...WINDOW_EVENT_KINDS] as const;

export type TicketStepKind = (typeof TICKET_STEP_KINDS)[number];
export type WindowEventKind = (typeof WINDOW_EVENT_KINDS)[number];
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];
