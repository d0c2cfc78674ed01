-- Terminals: every kiosk, window PC, display and admin PC holds its own credential.
-- Only a SHA-256 of the secret is stored, so a copied database file does not let anyone in.
CREATE TABLE terminals (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  role        TEXT    NOT NULL CHECK (role IN ('kiosk', 'booth', 'clerk', 'display', 'admin')),
  token_hash  BLOB    NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  paired_at   INTEGER NOT NULL,
  last_seen_at INTEGER,
  revoked_at  INTEGER
) STRICT;

-- One-time pairing codes issued by the admin (or printed at first start).
CREATE TABLE pairing_codes (
  code_hash   BLOB    PRIMARY KEY CHECK (length(code_hash) = 32),
  role        TEXT    NOT NULL CHECK (role IN ('kiosk', 'booth', 'clerk', 'display', 'admin')),
  name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER,
  terminal_id INTEGER REFERENCES terminals (id)
) STRICT;

-- Service windows and the business lines each one serves.
CREATE TABLE windows (
  id      INTEGER PRIMARY KEY,
  number  INTEGER NOT NULL UNIQUE CHECK (number > 0),
  name    TEXT    NOT NULL
) STRICT;

CREATE TABLE window_lines (
  window_id INTEGER NOT NULL REFERENCES windows (id) ON DELETE CASCADE,
  line      TEXT    NOT NULL CHECK (line IN ('household', 'traffic', 'exit_entry')),
  PRIMARY KEY (window_id, line)
) STRICT;

-- The last number handed out per business line and service day. Allocating from a counter row
-- (not MAX(seq)+1 over tickets) means a number is never reused, even if a ticket row were removed.
CREATE TABLE daily_counters (
  service_day TEXT    NOT NULL,
  line        TEXT    NOT NULL CHECK (line IN ('household', 'traffic', 'exit_entry')),
  last_seq    INTEGER NOT NULL CHECK (last_seq > 0),
  PRIMARY KEY (service_day, line)
) STRICT;

CREATE TABLE tickets (
  id          INTEGER PRIMARY KEY,
  service_day TEXT    NOT NULL,
  line        TEXT    NOT NULL CHECK (line IN ('household', 'traffic', 'exit_entry')),
  seq         INTEGER NOT NULL CHECK (seq > 0),
  number      TEXT    NOT NULL,
  status      TEXT    NOT NULL DEFAULT 'waiting'
              CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled')),
  issued_at   INTEGER NOT NULL,
  issued_by   INTEGER REFERENCES terminals (id),
  called_at   INTEGER,
  finished_at INTEGER,
  window_id   INTEGER REFERENCES windows (id),
  -- A number is never handed out twice in a day. (Not UNIQUE on line and seq: a ticket
  -- transferred to another line keeps the number printed on the citizen's slip.)
  UNIQUE (service_day, number)
) STRICT;

-- The queue's hot query: the oldest waiting ticket of the day in given lines.
CREATE INDEX tickets_waiting ON tickets (service_day, status, line, issued_at, id);
-- The display's recent calls and a window's current ticket.
CREATE INDEX tickets_called ON tickets (service_day, called_at) WHERE called_at IS NOT NULL;
CREATE INDEX tickets_window ON tickets (window_id, status) WHERE window_id IS NOT NULL;

-- A hall starts with a sensible set of windows; the supervisor changes them later.
INSERT INTO windows (id, number, name) VALUES
  (1, 1, '1号窗口'), (2, 2, '2号窗口'), (3, 3, '3号窗口'),
  (4, 4, '4号窗口'), (5, 5, '5号窗口'), (6, 6, '6号窗口');
INSERT INTO window_lines (window_id, line) VALUES
  (1, 'household'), (2, 'household'),
  (3, 'traffic'), (4, 'traffic'),
  (5, 'exit_entry'),
  (6, 'household'), (6, 'traffic'), (6, 'exit_entry');
