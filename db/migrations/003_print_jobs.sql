-- Printing: durable print jobs, each terminal's printer, the audit of reprints, hall settings.

-- A job stores the document's typed data, not the PDF: the worker renders it when it sends, a
-- retry or reprint prints the same paper, and no PDF of personal data piles up on disk.
-- States: queued -> sending (written BEFORE the printer is called) -> held (CUPS accepted it on
-- hold; external_id known) -> sent (released to the printer) -> completed; or failed.
CREATE TABLE print_jobs (
  id              INTEGER PRIMARY KEY,
  terminal_id     INTEGER REFERENCES terminals (id),
  kind            TEXT    NOT NULL,
  data            TEXT    NOT NULL CHECK (json_valid(data)),
  -- One paper per (source, kind): a second enqueue for the same ticket is the same job.
  idempotency_key TEXT    NOT NULL UNIQUE,
  state           TEXT    NOT NULL DEFAULT 'queued'
                  CHECK (state IN ('queued', 'sending', 'held', 'sent', 'completed', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  printer         TEXT,
  external_id     TEXT,
  last_error      TEXT,
  reprint_of      INTEGER REFERENCES print_jobs (id),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX print_jobs_due ON print_jobs (state, next_attempt_at);
CREATE INDEX print_jobs_terminal ON print_jobs (terminal_id, id);

-- Which printer each terminal prints on. No row: the host's default (--printer), else none.
CREATE TABLE printer_settings (
  terminal_id INTEGER PRIMARY KEY REFERENCES terminals (id) ON DELETE CASCADE,
  kind        TEXT    NOT NULL CHECK (kind IN ('cups', 'folder', 'electron', 'none')),
  -- cups: queue name; folder: path; electron: device name ('' = system default).
  target      TEXT    NOT NULL DEFAULT '',
  -- CUPS media override; '' = from the document (Custom.80x<height>mm for a slip, A4 for a notice).
  media       TEXT    NOT NULL DEFAULT '',
  updated_at  INTEGER NOT NULL
) STRICT;

-- Reprints are explicit and audited: who asked, when, for which job.
CREATE TABLE print_audit (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor_id    INTEGER REFERENCES terminals (id),
  action      TEXT    NOT NULL CHECK (action IN ('reprint', 'printer_changed', 'hall_name_changed')),
  job_id      INTEGER REFERENCES print_jobs (id),
  detail      TEXT    NOT NULL DEFAULT ''
) STRICT;

-- Hall-wide settings as key/value; the hall's name is printed on every slip.
CREATE TABLE hall_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO hall_settings (key, value) VALUES ('hall_name', '一站式公安政务服务大厅');
