-- The back offices behind the hall (issue 13): the household register, the traffic platform and the
-- exit-entry system. Each has a link (base URL, credential sealed at rest, timeout), and every
-- message a case owes one of them waits in the outbox, written in the same transaction as the
-- status change that causes it, until it is delivered (or dead-lettered for the supervisor).

CREATE TABLE back_office_links (
  system         TEXT    PRIMARY KEY CHECK (system IN ('household', 'traffic', 'exit_entry')),
  base_url       TEXT    NOT NULL DEFAULT '' CHECK (length(base_url) <= 300),
  timeout_ms     INTEGER NOT NULL DEFAULT 10000 CHECK (timeout_ms BETWEEN 100 AND 120000),
  -- The system's API credential: a secret, sealed like personal data and never shown back.
  credential_enc BLOB,
  updated_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE back_office_outbox (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications (id),
  case_number     TEXT    NOT NULL,
  system          TEXT    NOT NULL CHECK (system IN ('household', 'traffic', 'exit_entry')),
  kind            TEXT    NOT NULL CHECK (kind IN ('submit', 'status')),
  -- The case's messages in the order they were caused: delivered in this order, one at a time.
  sequence        INTEGER NOT NULL CHECK (sequence > 0),
  -- Sent with every attempt: the back office applies a message once however often it arrives.
  idempotency_key TEXT    NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 80),
  -- Codes and dates only (service, status, promised date): the applicant's ID number is read from
  -- the sealed case row when sending, so no personal data sits here in clear.
  payload         TEXT    NOT NULL CHECK (json_valid(payload)),
  state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'delivered', 'dead', 'cancelled')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT    CHECK (last_error IS NULL OR length(last_error) <= 500),
  receipt         TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  UNIQUE (application_id, sequence)
) STRICT;

-- The worker's pick: what is due per system.
CREATE INDEX back_office_outbox_due ON back_office_outbox (system, next_attempt_at) WHERE state IN ('pending', 'sending');
-- The waiting counts of the outage line.
CREATE INDEX back_office_outbox_state ON back_office_outbox (state, system, created_at) WHERE state IN ('pending', 'sending', 'dead');
-- The supervisor's dead letters.
CREATE INDEX back_office_outbox_dead ON back_office_outbox (id) WHERE state = 'dead';

-- The background round asks again for the online checks still pending, oldest first.
CREATE INDEX material_verifications_pending ON material_verifications (checked_at) WHERE state = 'pending';
