-- Queue policy: ticket classes, the AB角 of windows, staff with PINs, settings, appointments,
-- the written conversation (笔谈) and an append-only audit log.

CREATE TABLE appointments (
  id         INTEGER PRIMARY KEY,
  code       TEXT    NOT NULL UNIQUE,
  line       TEXT    NOT NULL CHECK (line IN ('household', 'traffic', 'exit_entry')),
  slot_start INTEGER NOT NULL,
  name       TEXT,
  created_at INTEGER NOT NULL,
  used_at    INTEGER
) STRICT;
CREATE INDEX appointments_slot ON appointments (slot_start);

ALTER TABLE tickets ADD COLUMN ticket_class TEXT NOT NULL DEFAULT 'normal'
  CHECK (ticket_class IN ('normal', 'green', 'appointment', 'group'));
ALTER TABLE tickets ADD COLUMN group_size INTEGER NOT NULL DEFAULT 1 CHECK (group_size BETWEEN 1 AND 60);
ALTER TABLE tickets ADD COLUMN appointment_id INTEGER REFERENCES appointments (id);
ALTER TABLE tickets ADD COLUMN appointment_slot INTEGER;
ALTER TABLE tickets ADD COLUMN target_window_id INTEGER REFERENCES windows (id);
ALTER TABLE tickets ADD COLUMN recall_count INTEGER NOT NULL DEFAULT 0 CHECK (recall_count >= 0);
ALTER TABLE tickets ADD COLUMN started_at INTEGER;
ALTER TABLE tickets ADD COLUMN no_show_at INTEGER;
ALTER TABLE tickets ADD COLUMN language TEXT CHECK (language IN ('zh-CN', 'mn', 'en'));
-- The calling policy reads, per line and class, the earliest waiting ticket: index by class too.
-- (Its prefix still serves the waiting counts per line.)
DROP INDEX tickets_waiting;
CREATE INDEX tickets_waiting ON tickets (service_day, status, line, ticket_class, issued_at, id);
-- Tickets transferred to one window (few; the policy reads them at every call there).
CREATE INDEX tickets_targeted ON tickets (target_window_id, status) WHERE target_window_id IS NOT NULL;
-- Recent service times per line feed the estimated wait.
CREATE INDEX tickets_finished ON tickets (service_day, line, finished_at) WHERE finished_at IS NOT NULL;

-- A window's lines are its primary (A) or backup (B) duties.
ALTER TABLE window_lines ADD COLUMN duty TEXT NOT NULL DEFAULT 'A' CHECK (duty IN ('A', 'B'));
ALTER TABLE windows ADD COLUMN status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('closed', 'open', 'paused'));
ALTER TABLE windows ADD COLUMN staff_id INTEGER REFERENCES staff (id);
-- Consecutive priority calls at this window (anti-starvation).
ALTER TABLE windows ADD COLUMN priority_streak INTEGER NOT NULL DEFAULT 0 CHECK (priority_streak >= 0);

-- The default hall: windows 2, 4 and 5 back up another line; window 6 is the comprehensive window.
DELETE FROM window_lines WHERE window_id = 6;
INSERT INTO window_lines (window_id, line, duty) VALUES
  (2, 'exit_entry', 'B'), (4, 'household', 'B'), (5, 'traffic', 'B'),
  (6, 'household', 'A'), (6, 'traffic', 'A'), (6, 'exit_entry', 'A');

CREATE TABLE staff (
  id               INTEGER PRIMARY KEY,
  staff_no         TEXT    NOT NULL UNIQUE,
  name             TEXT    NOT NULL,
  role             TEXT    NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
  -- scrypt of the PIN; NULL until the staff member sets one with their enrolment code.
  pin_hash         BLOB,
  pin_salt         BLOB,
  enroll_code_hash BLOB,
  enroll_expires_at INTEGER,
  failed_attempts  INTEGER NOT NULL DEFAULT 0,
  locked_until     INTEGER,
  disabled_at      INTEGER,
  created_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE staff_sessions (
  token_hash   BLOB    PRIMARY KEY CHECK (length(token_hash) = 32),
  staff_id     INTEGER NOT NULL REFERENCES staff (id),
  terminal_id  INTEGER NOT NULL REFERENCES terminals (id),
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  ended_at     INTEGER
) STRICT;

-- Hall settings as JSON values, read at every use so a change applies without a restart.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

-- 笔谈: kept only while the ticket is being served; deleted when it is finished.
CREATE TABLE conversation_messages (
  id        INTEGER PRIMARY KEY,
  window_id INTEGER NOT NULL REFERENCES windows (id),
  ticket_id INTEGER REFERENCES tickets (id),
  sender    TEXT    NOT NULL CHECK (sender IN ('clerk', 'applicant')),
  text      TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  at        INTEGER NOT NULL
) STRICT;
CREATE INDEX conversation_window ON conversation_messages (window_id, id);

-- Who did what, when. Each entry hashes the previous one, so an edit or a gap is detectable;
-- triggers refuse UPDATE and DELETE outright.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor     TEXT    NOT NULL,
  action    TEXT    NOT NULL,
  target    TEXT    NOT NULL,
  detail    TEXT    NOT NULL,
  prev_hash BLOB    NOT NULL,
  hash      BLOB    NOT NULL CHECK (length(hash) = 32)
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
