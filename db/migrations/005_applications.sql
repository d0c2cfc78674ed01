-- Applications (办件) submitted at kiosks and booths. An application and its queue ticket are
-- written in one transaction: a citizen never holds a ticket for an application that was lost,
-- nor an application nobody will call.

-- Case numbers restart each service day (YZ20261124-0001): a counter per day, bumped in the
-- same transaction that inserts the application, as ticket numbers are.
CREATE TABLE application_counters (
  service_day TEXT    PRIMARY KEY,
  last_seq    INTEGER NOT NULL CHECK (last_seq > 0)
) STRICT;

CREATE TABLE applications (
  id              INTEGER PRIMARY KEY,
  case_number     TEXT    NOT NULL UNIQUE,
  service_day     TEXT    NOT NULL,
  case_seq        INTEGER NOT NULL CHECK (case_seq > 0),
  -- The kiosk's idempotency key: pressing submit twice (or a retry after a lost answer) finds the
  -- first submission instead of making a second. A tour group shares one key, one row per member.
  request_id      TEXT    NOT NULL CHECK (length(request_id) BETWEEN 8 AND 64),
  member_no       INTEGER NOT NULL DEFAULT 0 CHECK (member_no >= 0),
  service_code    TEXT    NOT NULL,
  line            TEXT    NOT NULL CHECK (line IN ('household', 'traffic', 'exit_entry')),
  -- Personal data: stored because the case needs it, never written to logs or the audit trail.
  applicant_id_number TEXT NOT NULL,
  -- For the progress query (case number + last 4 characters), without reading the full number.
  id_last4        TEXT    NOT NULL CHECK (length(id_last4) = 4),
  form_json       TEXT    NOT NULL CHECK (json_valid(form_json)),
  materials_provided_json TEXT NOT NULL CHECK (json_valid(materials_provided_json)),
  materials_missing_json  TEXT NOT NULL CHECK (json_valid(materials_missing_json)),
  -- 容缺: the date (YYYY-MM-DD) by which missing deferrable materials must be supplied.
  supplement_by   TEXT,
  green_channel   INTEGER NOT NULL DEFAULT 0 CHECK (green_channel IN (0, 1)),
  status          TEXT    NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'submitted', 'accepted', 'completed', 'supplement_pending', 'rejected', 'withdrawn')),
  ticket_id       INTEGER REFERENCES tickets (id),
  terminal_id     INTEGER REFERENCES terminals (id),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  UNIQUE (service_day, case_seq),
  UNIQUE (request_id, member_no)
) STRICT;

CREATE INDEX applications_ticket ON applications (ticket_id) WHERE ticket_id IS NOT NULL;

-- Every change of an application's status, with who made it and when.
CREATE TABLE application_events (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  at             INTEGER NOT NULL,
  actor          TEXT    NOT NULL,
  from_status    TEXT,
  to_status      TEXT    NOT NULL,
  note           TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX application_events_application ON application_events (application_id, id);
