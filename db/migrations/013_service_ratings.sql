-- 好差评 (issue 14; 国办发〔2019〕51号, GB/T 39734-2020): one rating per service (一次一评), five
-- levels, the last two counted as 差评. A rating names the ticket, case, window and clerk of the
-- service it rates and never the citizen: reports must not be able to tie a rating to an ID number.
-- A skipped rating is a row too (level NULL, skipped = 1), so that skipping is counted.
CREATE TABLE service_ratings (
  id             INTEGER PRIMARY KEY,
  -- One rating per service: the ticket's served visit. UNIQUE makes 一次一评 a rule of the store.
  ticket_id      INTEGER NOT NULL UNIQUE,
  application_id INTEGER,
  window_id      INTEGER,
  window_number  INTEGER,
  staff_id       INTEGER,
  line           TEXT    CHECK (line IS NULL OR line IN ('household', 'traffic', 'exit_entry')),
  service_code   TEXT,
  -- 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意.
  level          INTEGER CHECK (level IS NULL OR level BETWEEN 1 AND 5),
  skipped        INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
  -- Where it was given: at the counter screen after the service, or later from the receipt's QR.
  channel        TEXT    NOT NULL CHECK (channel IN ('counter', 'kiosk', 'booth')),
  -- A 差评's reason codes (electron/domain/ratings), a JSON array. The citizen's own words may
  -- name them, so they are sealed (db/sealed-columns.ts) and never shown on public screens.
  reasons        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
  comment_enc    BLOB,
  at             INTEGER NOT NULL,
  service_day    TEXT    NOT NULL,
  CHECK ((skipped = 1) = (level IS NULL))
) STRICT;

CREATE INDEX service_ratings_day ON service_ratings (service_day);
CREATE INDEX service_ratings_staff_day ON service_ratings (staff_id, service_day) WHERE staff_id IS NOT NULL;

-- 差评 handling: each 差评 opens one item, due in working days, assigned, called back (回访), put right,
-- answered, and possibly appealed against as malicious.
CREATE TABLE rating_rectifications (
  id              INTEGER PRIMARY KEY,
  rating_id       INTEGER NOT NULL UNIQUE REFERENCES service_ratings (id),
  status          TEXT    NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'assigned', 'called_back', 'rectified', 'answered', 'closed', 'appealed', 'appeal_upheld', 'appeal_rejected')),
  -- YYYY-MM-DD in the hall's time zone, counted in working days from the day of the rating.
  due_day         TEXT    NOT NULL,
  assignee_staff_id INTEGER REFERENCES staff (id),
  callback_result TEXT    NOT NULL DEFAULT '' CHECK (length(callback_result) <= 500),
  fix             TEXT    NOT NULL DEFAULT '' CHECK (length(fix) <= 1000),
  answer          TEXT    NOT NULL DEFAULT '' CHECK (length(answer) <= 1000),
  appeal_reason   TEXT    NOT NULL DEFAULT '' CHECK (length(appeal_reason) <= 500),
  opened_at       INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  closed_at       INTEGER,
  version         INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0)
) STRICT;

-- The supervisor's list: what is still open, soonest due first.
CREATE INDEX rating_rectifications_open ON rating_rectifications (status, due_day);
-- A clerk's own items.
CREATE INDEX rating_rectifications_assignee ON rating_rectifications (assignee_staff_id, status) WHERE assignee_staff_id IS NOT NULL;

-- The counter screen asks about the ticket last finished at its window.
CREATE INDEX tickets_window_finished ON tickets (window_id, finished_at) WHERE finished_at IS NOT NULL;
