-- Case work at the window (issue 12): a pre-filled application is checked, accepted (or accepted
-- with missing material, or refused), finished and handed over. Two statuses join the case's
-- life (ready_for_collection, handed_over), so `applications` is rebuilt with its wider CHECK;
-- `application_events`, which references it, is rebuilt alongside (dropping the parent while a
-- child still references it would trip the foreign keys inside this transaction).

CREATE TABLE applications_next (
  id              INTEGER PRIMARY KEY,
  case_number     TEXT    NOT NULL UNIQUE,
  service_day     TEXT    NOT NULL,
  case_seq        INTEGER NOT NULL CHECK (case_seq > 0),
  request_id      TEXT    NOT NULL CHECK (length(request_id) BETWEEN 8 AND 64),
  member_no       INTEGER NOT NULL DEFAULT 0 CHECK (member_no >= 0),
  service_code    TEXT    NOT NULL,
  line            TEXT    NOT NULL CHECK (line IN ('household', 'traffic', 'exit_entry')),
  materials_provided_json TEXT NOT NULL CHECK (json_valid(materials_provided_json)),
  materials_missing_json  TEXT NOT NULL CHECK (json_valid(materials_missing_json)),
  supplement_by   TEXT,
  green_channel   INTEGER NOT NULL DEFAULT 0 CHECK (green_channel IN (0, 1)),
  status          TEXT    NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'submitted', 'accepted', 'completed', 'supplement_pending', 'rejected', 'withdrawn',
                                    'ready_for_collection', 'handed_over')),
  ticket_id       INTEGER REFERENCES tickets (id),
  terminal_id     INTEGER REFERENCES terminals (id),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  applicant_id_number_enc BLOB,
  applicant_id_hash BLOB CHECK (applicant_id_hash IS NULL OR length(applicant_id_hash) = 32),
  form_enc        BLOB,
  purged_at       INTEGER,
  -- 首接责任: the staff member who first accepted the case owns it until an audited transfer.
  owner_staff_id  INTEGER REFERENCES staff (id),
  -- Bumped by every change: an action names the version it saw, so of two clerks acting on one
  -- case at once the second is refused and told who got there first.
  version         INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
  accepted_at     INTEGER,
  -- The promised completion date (YYYY-MM-DD), in working days from the day the file was complete.
  promised_by     TEXT,
  -- The papers the clerk saw and ticked (material codes), as printed on the receipt.
  materials_received_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(materials_received_json)),
  UNIQUE (service_day, case_seq),
  UNIQUE (request_id, member_no)
) STRICT;

INSERT INTO applications_next (id, case_number, service_day, case_seq, request_id, member_no, service_code, line, materials_provided_json,
  materials_missing_json, supplement_by, green_channel, status, ticket_id, terminal_id, created_at, updated_at, applicant_id_number_enc,
  applicant_id_hash, form_enc, purged_at)
SELECT id, case_number, service_day, case_seq, request_id, member_no, service_code, line, materials_provided_json,
  materials_missing_json, supplement_by, green_channel, status, ticket_id, terminal_id, created_at, updated_at, applicant_id_number_enc,
  applicant_id_hash, form_enc, purged_at
FROM applications;

CREATE TABLE application_events_next (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications_next (id),
  at             INTEGER NOT NULL,
  actor          TEXT    NOT NULL,
  from_status    TEXT,
  to_status      TEXT    NOT NULL,
  note           TEXT    NOT NULL DEFAULT '',
  -- Which action (accept, refuse, transfer, form_edit …), by whom and at which window: the
  -- case's history as the clerk and the progress query show it.
  action         TEXT,
  staff_id       INTEGER REFERENCES staff (id),
  window_id      INTEGER REFERENCES windows (id),
  -- Personal data of the step, sealed: a refusal's free text, who collected the result.
  detail_enc     BLOB
) STRICT;

INSERT INTO application_events_next (id, application_id, at, actor, from_status, to_status, note)
SELECT id, application_id, at, actor, from_status, to_status, note FROM application_events;

DROP TABLE application_events;
DROP TABLE applications;
ALTER TABLE applications_next RENAME TO applications;
ALTER TABLE application_events_next RENAME TO application_events;

CREATE INDEX applications_ticket ON applications (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX applications_applicant ON applications (applicant_id_hash) WHERE applicant_id_hash IS NOT NULL;
CREATE INDEX applications_unpurged ON applications (status, updated_at) WHERE purged_at IS NULL;
-- "My cases": a clerk's open cases.
CREATE INDEX applications_owner ON applications (owner_staff_id, status) WHERE owner_staff_id IS NOT NULL;
-- The deadline lists read only the cases still being worked on.
CREATE INDEX applications_open ON applications (status) WHERE status IN ('accepted', 'supplement_pending', 'ready_for_collection');
CREATE INDEX application_events_application ON application_events (application_id, id);

-- A clerk's correction of a form answer: which field, old and new value (sealed), who, when.
CREATE TABLE case_form_changes (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  at             INTEGER NOT NULL,
  staff_id       INTEGER NOT NULL REFERENCES staff (id),
  field          TEXT    NOT NULL CHECK (length(field) BETWEEN 1 AND 40),
  old_value_enc  BLOB,
  new_value_enc  BLOB
) STRICT;
CREATE INDEX case_form_changes_application ON case_form_changes (application_id, id);

-- 数据跑路: what the hall verified online for a data-shared material. Written by the back-office
-- connectors (a later issue); no row means "pending".
CREATE TABLE material_verifications (
  application_id INTEGER NOT NULL REFERENCES applications (id),
  material_code  TEXT    NOT NULL,
  state          TEXT    NOT NULL CHECK (state IN ('verified', 'not_verified', 'pending')),
  checked_at     INTEGER NOT NULL,
  source         TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (application_id, material_code)
) STRICT;

-- The supervisor's corrections of the shipped holiday calendar (electron/domain/calendar): a day
-- made a holiday or a working day, or 'normal' to undo what the shipped data says.
CREATE TABLE calendar_days (
  day        TEXT    PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind       TEXT    NOT NULL CHECK (kind IN ('holiday', 'workday', 'normal')),
  name       TEXT    NOT NULL DEFAULT '' CHECK (length(name) <= 40),
  updated_at INTEGER NOT NULL,
  staff_id   INTEGER REFERENCES staff (id)
) STRICT;
