-- The city's reports (issue 16): the hall forwards its report cells (migration 017) per day, as feed
-- kind 'report_day', so the rules that make figures from events run once, here. city_feed's CHECK
-- is widened by rebuilding the table (SQLite cannot alter a CHECK), keeping every seq and the
-- AUTOINCREMENT high-water mark, so nothing already sent is numbered again.
-- The triggers that write city_feed name it in their bodies: dropped first, created again after.
DROP TRIGGER city_feed_ticket_event;
DROP TRIGGER city_feed_case_status;
DROP TRIGGER city_feed_rating;
DROP TRIGGER city_feed_rectification_opened;
DROP TRIGGER city_feed_rectification_status;

CREATE TABLE city_feed_new (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  kind    TEXT    NOT NULL CHECK (kind IN ('ticket_event', 'case_status', 'rating', 'rectification', 'audit_head', 'report_day')),
  at      INTEGER NOT NULL,
  day     TEXT    NOT NULL,
  payload TEXT    NOT NULL CHECK (json_valid(payload))
) STRICT;
INSERT INTO city_feed_new (seq, kind, at, day, payload) SELECT seq, kind, at, day, payload FROM city_feed;
-- The old table's high-water mark (a removed newest row's seq is never reused).
INSERT INTO sqlite_sequence (name, seq) SELECT 'city_feed_new', seq FROM sqlite_sequence WHERE name = 'city_feed'
  AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'city_feed_new');
UPDATE sqlite_sequence SET seq = max(seq, (SELECT seq FROM sqlite_sequence WHERE name = 'city_feed')) WHERE name = 'city_feed_new';
DROP TABLE city_feed;
ALTER TABLE city_feed_new RENAME TO city_feed;
CREATE INDEX city_feed_day ON city_feed (day);

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

CREATE TRIGGER city_feed_rating AFTER INSERT ON service_ratings BEGIN
  INSERT INTO city_feed (kind, at, day, payload)
  VALUES ('rating', NEW.at, NEW.service_day,
          json_object('id', NEW.id, 'ticketId', NEW.ticket_id, 'level', NEW.level, 'skipped', NEW.skipped, 'channel', NEW.channel,
                      'line', NEW.line, 'serviceCode', NEW.service_code, 'windowNumber', NEW.window_number,
                      'staffId', NEW.staff_id, 'reasons', json(NEW.reasons)));
END;

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

-- Days whose cells were rebuilt (migration 017 clears a day's dirty mark in the same transaction as
-- it replaces the day's cells) and are not yet in the feed: the forwarder turns each into a
-- report_day record (db/city-report-days.ts). So a rebuild always reaches the city, whoever caused it.
CREATE TABLE city_report_pending (
  day TEXT NOT NULL PRIMARY KEY
) STRICT, WITHOUT ROWID;
CREATE TRIGGER city_report_rebuilt AFTER DELETE ON report_dirty_days BEGIN
  INSERT OR IGNORE INTO city_report_pending (day) VALUES (OLD.day);
END;
-- Days already built before this migration are sent too (dirty ones follow when rebuilt).
INSERT OR IGNORE INTO city_report_pending (day) SELECT DISTINCT day FROM report_cells;
