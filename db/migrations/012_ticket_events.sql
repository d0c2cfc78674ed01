-- Ticket events (issue 14): every step of a ticket (and every change of a window's state) as a
-- row, written in the same transaction as the step. Reports read these rather than the ticket's
-- latest columns, which a recall, a transfer or a reinstatement overwrite. The kinds are the
-- list in electron/domain/queue/ticket-events.ts (a unit test compares them).
-- window_number, line and class are copied at the time of the step: a window renumbered or a
-- ticket transferred later does not rewrite history. No foreign keys on purpose: history is kept
-- even if a window is removed.
CREATE TABLE ticket_events (
  id            INTEGER PRIMARY KEY,
  ticket_id     INTEGER,
  kind          TEXT    NOT NULL CHECK (kind IN ('issued', 'called', 'recalled', 'started', 'finished', 'no_show', 'reinstated',
                                                 'transferred', 'window_opened', 'window_paused', 'window_resumed', 'window_closed',
                                                 'window_taken_over')),
  window_id     INTEGER,
  window_number INTEGER,
  staff_id      INTEGER,
  at            INTEGER NOT NULL,
  service_day   TEXT    NOT NULL,
  line          TEXT    CHECK (line IS NULL OR line IN ('household', 'traffic', 'exit_entry')),
  class         TEXT    CHECK (class IS NULL OR class IN ('normal', 'green', 'appointment', 'group')),
  detail        TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  -- A ticket step names its ticket; a window event names its window.
  CHECK ((kind LIKE 'window\_%' ESCAPE '\') = (ticket_id IS NULL)),
  CHECK (ticket_id IS NOT NULL OR window_id IS NOT NULL)
) STRICT;

-- Reports: one day's (or a range of days') events of some kinds.
CREATE INDEX ticket_events_day_kind ON ticket_events (service_day, kind);
-- One ticket's history, in order.
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id) WHERE ticket_id IS NOT NULL;
