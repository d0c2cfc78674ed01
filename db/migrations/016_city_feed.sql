-- The city feed (issue 16): what this hall forwards to the city's PostgreSQL, as an outbox. Each row
-- is written by a trigger in the same transaction as its source row, so nothing the hall did can be
-- missing from the feed, and the hall's work never waits on the city: a forwarder sends the rows in
-- seq order when the link is up. seq is AUTOINCREMENT so a number is never reused, even after the
-- newest row is removed: the city is idempotent on (hall, seq).
-- Only what the city needs leaves the hall: no names, ID numbers, form answers or free text.
CREATE TABLE city_feed (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  kind    TEXT    NOT NULL CHECK (kind IN ('ticket_event', 'case_status', 'rating', 'rectification', 'audit_head')),
  at      INTEGER NOT NULL,
  -- YYYY-MM-DD: the source's service day, or the UTC day of `at` for sources without one.
  day     TEXT    NOT NULL,
  payload TEXT    NOT NULL CHECK (json_valid(payload))
) STRICT;

-- Reconciliation counts and checksums one day's records.
CREATE INDEX city_feed_day ON city_feed (day);

-- The hall's enrolment with the city: one row. The credential is sealed personal-data-style (the
-- host's field cipher); acked_seq is the city's high-water mark as last heard.
CREATE TABLE city_link (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  city_url       TEXT    NOT NULL,
  hall_id        TEXT    NOT NULL,
  credential_enc BLOB    NOT NULL,
  enrolled_at    INTEGER NOT NULL,
  acked_seq      INTEGER NOT NULL DEFAULT 0,
  last_sync_at   INTEGER,
  -- The version of the city's published holiday calendar held in city_calendar (0: none yet).
  calendar_version INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The holiday calendar as the city published it (version in city_link): it replaces the shipped
-- days of the years it covers; the supervisor's own corrections (calendar_days) still come last.
CREATE TABLE city_calendar (
  day  TEXT NOT NULL PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL
) STRICT;

CREATE TRIGGER city_feed_ticket_event AFTER INSERT ON ticket_events BEGIN
  INSERT INTO city_feed (kind, at, day, payload)
  VALUES ('ticket_event', NEW.at, NEW.service_day,
          json_object('id', NEW.id, 'kind', NEW.kind, 'ticketId', NEW.ticket_id, 'windowNumber', NEW.window_number,
                      'staffId', NEW.staff_id, 'line', NEW.line, 'class', NEW.class));
END;

CREATE TRIGGER city_feed_case_status AFTER INSERT ON application_events BEGIN
  INSERT INTO city_feed (kind, at, day, payload)
  VALUES ('case_status', NEW.at, date(NEW.at / 1000, 'unixepoch'),
          json_object('id', NEW.id, 'applicationId', NEW.application_id, 'from', NEW.from_status, 'to', NEW.to_status,
                      'action', NEW.action, 'staffId', NEW.staff_id,
                      'serviceCode', (SELECT service_code FROM applications WHERE id = NEW.application_id)));
END;

-- A rating: level and reason codes, never the comment (a citizen's free text).
CREATE TRIGGER city_feed_rating AFTER INSERT ON service_ratings BEGIN
  INSERT INTO city_feed (kind, at, day, payload)
  VALUES ('rating', NEW.at, NEW.service_day,
          json_object('id', NEW.id, 'ticketId', NEW.ticket_id, 'level', NEW.level, 'skipped', NEW.skipped, 'channel', NEW.channel,
                      'line', NEW.line, 'serviceCode', NEW.service_code, 'windowNumber', NEW.window_number,
                      'staffId', NEW.staff_id, 'reasons', json(NEW.reasons)));
END;

-- A rectification opened, and each change of its status (not its texts).
CREATE TRIGGER city_feed_rectification_opened AFTER INSERT ON rating_rectifications BEGIN
  INSERT INTO city_feed (kind, at, day, payload)
  VALUES ('rectification', NEW.opened_at, date(NEW.opened_at / 1000, 'unixepoch'),
          json_object('id', NEW.id, 'ratingId', NEW.rating_id, 'status', NEW.status, 'dueDay', NEW.due_day));
END;

CREATE TRIGGER city_feed_rectification_status AFTER UPDATE OF status ON rating_rectifications
WHEN NEW.status IS NOT OLD.status BEGIN
  INSERT INTO city_feed (kind, at, day, payload)
  VALUES ('rectification', NEW.updated_at, date(NEW.updated_at / 1000, 'unixepoch'),
          json_object('id', NEW.id, 'ratingId', NEW.rating_id, 'status', NEW.status, 'dueDay', NEW.due_day));
END;
