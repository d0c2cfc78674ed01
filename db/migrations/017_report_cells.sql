-- Reports' per-day rollup (issue 14): a year's report read a year of events on every request
-- (seconds). The facts of each day are kept folded into cells (electron/domain/reports/report-cells.ts):
-- one row per (day, hour, line, service, window, staff) with its counts and its exact waits and
-- service times as bytes (report-cell-codec.ts), so figures stay exact for any target wait.
-- The cells of a day are a cache of that day's events, never a source: a day is rebuilt from the
-- events whenever it is marked dirty, and the triggers below mark it in the same transaction as
-- every write that can change a figure of that day. Invariant: a day not marked dirty has exactly
-- the cells of its events (none when it has none).
-- seq numbers a day's cells: the key is (day, seq) so a range of days is one run of the table
-- (WITHOUT ROWID), and the dims stay nullable (a ticket never called has no window).
CREATE TABLE report_cells (
  day           TEXT    NOT NULL,
  seq           INTEGER NOT NULL,
  hour          INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  line          TEXT,
  service_code  TEXT,
  window_number INTEGER,
  staff_id      INTEGER,
  data          BLOB    NOT NULL,
  PRIMARY KEY (day, seq)
) STRICT, WITHOUT ROWID;

-- Days (ticket service days, or hall days of case steps) whose cells must be rebuilt before use.
CREATE TABLE report_dirty_days (
  day TEXT NOT NULL PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- Case steps have no day column: their hall day depends on the hall's time zone, which SQL does
-- not know. Their instants wait here until the host turns them into days (db/report-cells.ts).
CREATE TABLE report_dirty_instants (
  at INTEGER NOT NULL PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- The time zone the cells were built in: hours, and the days of case steps, depend on it. A hub
-- started in another zone builds them all again (db/report-cells.ts); no row yet means unknown.
CREATE TABLE report_cells_zone (
  id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  time_zone TEXT    NOT NULL
) STRICT;

-- Existing halls: every day with events starts dirty and is built on its first report.
INSERT OR IGNORE INTO report_dirty_days (day) SELECT DISTINCT service_day FROM ticket_events;
INSERT OR IGNORE INTO report_dirty_days (day) SELECT DISTINCT service_day FROM service_ratings;
INSERT OR IGNORE INTO report_dirty_instants (at)
  SELECT DISTINCT at FROM application_events WHERE action IN ('accept', 'accept_deferred', 'refuse', 'complete');

-- The triggers guard each mark with NOT EXISTS rather than INSERT OR IGNORE: a statement's own
-- conflict clause (an UPSERT such as a rating replacing a skip) overrides the clauses of the
-- triggers it fires, and a duplicate mark would then fail the writer's statement.
-- Ticket steps and window changes: their service day.

CREATE TRIGGER report_dirty_ticket_event AFTER INSERT ON ticket_events BEGIN
  INSERT INTO report_dirty_days (day) SELECT d FROM (SELECT NEW.service_day AS d) WHERE NOT EXISTS (SELECT 1 FROM report_dirty_days WHERE day = d);
END;
CREATE TRIGGER report_dirty_ticket_event_changed AFTER UPDATE ON ticket_events BEGIN
  INSERT INTO report_dirty_days (day) SELECT d FROM (SELECT OLD.service_day AS d UNION SELECT NEW.service_day AS d) WHERE NOT EXISTS (SELECT 1 FROM report_dirty_days WHERE day = d);
END;
CREATE TRIGGER report_dirty_ticket_event_removed AFTER DELETE ON ticket_events BEGIN
  INSERT INTO report_dirty_days (day) SELECT d FROM (SELECT OLD.service_day AS d) WHERE NOT EXISTS (SELECT 1 FROM report_dirty_days WHERE day = d);
END;

-- A case step: its own day; a completion also the days of the case's acceptances, whose 办结率
-- (acceptedDone) it changes however many days later it comes.
CREATE TRIGGER report_dirty_case_step AFTER INSERT ON application_events
WHEN NEW.action IN ('accept', 'accept_deferred', 'refuse', 'complete') BEGIN
  INSERT INTO report_dirty_instants (at) SELECT NEW.at WHERE NOT EXISTS (SELECT 1 FROM report_dirty_instants WHERE at = NEW.at);
  INSERT INTO report_dirty_instants (at)
    SELECT DISTINCT e.at FROM application_events e WHERE NEW.action = 'complete' AND application_id = NEW.application_id AND action IN ('accept', 'accept_deferred')
      AND NOT EXISTS (SELECT 1 FROM report_dirty_instants d WHERE d.at = e.at);
END;
CREATE TRIGGER report_dirty_case_step_changed AFTER UPDATE OF action, at, application_id, staff_id, window_id ON application_events BEGIN
  INSERT INTO report_dirty_instants (at)
    SELECT DISTINCT e.at FROM application_events e WHERE application_id IN (OLD.application_id, NEW.application_id) AND action IN ('accept', 'accept_deferred', 'refuse', 'complete')
      AND NOT EXISTS (SELECT 1 FROM report_dirty_instants d WHERE d.at = e.at);
  INSERT INTO report_dirty_instants (at) SELECT OLD.at WHERE NOT EXISTS (SELECT 1 FROM report_dirty_instants WHERE at = OLD.at);
END;
CREATE TRIGGER report_dirty_case_step_removed AFTER DELETE ON application_events BEGIN
  INSERT INTO report_dirty_instants (at)
    SELECT DISTINCT e.at FROM application_events e WHERE application_id = OLD.application_id AND action IN ('accept', 'accept_deferred', 'refuse', 'complete')
      AND NOT EXISTS (SELECT 1 FROM report_dirty_instants d WHERE d.at = e.at);
  INSERT INTO report_dirty_instants (at) SELECT OLD.at WHERE NOT EXISTS (SELECT 1 FROM report_dirty_instants WHERE at = OLD.at);
END;

-- A case's line, service or promised date is read from the case itself at report time: a change
-- rewrites the days of all its counted steps, and (its service) its ticket's service day.
CREATE TRIGGER report_dirty_case_changed AFTER UPDATE OF line, service_code, promised_by, ticket_id ON applications
WHEN NEW.line IS NOT OLD.line OR NEW.service_code IS NOT OLD.service_code OR NEW.promised_by IS NOT OLD.promised_by
  OR NEW.ticket_id IS NOT OLD.ticket_id BEGIN
  INSERT INTO report_dirty_instants (at)
    SELECT DISTINCT e.at FROM application_events e WHERE application_id = NEW.id AND action IN ('accept', 'accept_deferred', 'refuse', 'complete')
      AND NOT EXISTS (SELECT 1 FROM report_dirty_instants d WHERE d.at = e.at);
  INSERT INTO report_dirty_days (day)
    SELECT DISTINCT s.service_day FROM tickets s WHERE s.id IN (OLD.ticket_id, NEW.ticket_id)
      AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.day = s.service_day);
END;
CREATE TRIGGER report_dirty_case_created AFTER INSERT ON applications WHEN NEW.ticket_id IS NOT NULL BEGIN
  INSERT INTO report_dirty_days (day)
    SELECT DISTINCT s.service_day FROM tickets s WHERE s.id = NEW.ticket_id
      AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.day = s.service_day);
END;
CREATE TRIGGER report_dirty_case_removed AFTER DELETE ON applications WHEN OLD.ticket_id IS NOT NULL BEGIN
  INSERT INTO report_dirty_days (day)
    SELECT DISTINCT s.service_day FROM tickets s WHERE s.id = OLD.ticket_id
      AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.day = s.service_day);
END;

-- Case steps name their window by id and are reported under its number now. Renumbering is rare
-- and done by a supervisor: reading every case step of the window (no index on window_id) is fine.
CREATE TRIGGER report_dirty_window_renumbered AFTER UPDATE OF number ON windows WHEN NEW.number IS NOT OLD.number BEGIN
  INSERT INTO report_dirty_instants (at)
    SELECT DISTINCT e.at FROM application_events e WHERE window_id = NEW.id AND action IN ('accept', 'accept_deferred', 'refuse', 'complete')
      AND NOT EXISTS (SELECT 1 FROM report_dirty_instants d WHERE d.at = e.at);
END;
CREATE TRIGGER report_dirty_window_removed AFTER DELETE ON windows BEGIN
  INSERT INTO report_dirty_instants (at)
    SELECT DISTINCT e.at FROM application_events e WHERE window_id = OLD.id AND action IN ('accept', 'accept_deferred', 'refuse', 'complete')
      AND NOT EXISTS (SELECT 1 FROM report_dirty_instants d WHERE d.at = e.at);
END;

-- Ratings (an upsert is an update) and their rectifications (badHandled): the rating's service day.
CREATE TRIGGER report_dirty_rating AFTER INSERT ON service_ratings BEGIN
  INSERT INTO report_dirty_days (day) SELECT d FROM (SELECT NEW.service_day AS d) WHERE NOT EXISTS (SELECT 1 FROM report_dirty_days WHERE day = d);
END;
CREATE TRIGGER report_dirty_rating_changed AFTER UPDATE ON service_ratings BEGIN
  INSERT INTO report_dirty_days (day) SELECT d FROM (SELECT OLD.service_day AS d UNION SELECT NEW.service_day AS d) WHERE NOT EXISTS (SELECT 1 FROM report_dirty_days WHERE day = d);
END;
CREATE TRIGGER report_dirty_rating_removed AFTER DELETE ON service_ratings BEGIN
  INSERT INTO report_dirty_days (day) SELECT d FROM (SELECT OLD.service_day AS d) WHERE NOT EXISTS (SELECT 1 FROM report_dirty_days WHERE day = d);
END;
CREATE TRIGGER report_dirty_rectification AFTER INSERT ON rating_rectifications BEGIN
  INSERT INTO report_dirty_days (day)
    SELECT DISTINCT s.service_day FROM service_ratings s WHERE s.id = NEW.rating_id
      AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.day = s.service_day);
END;
CREATE TRIGGER report_dirty_rectification_changed AFTER UPDATE OF status, rating_id ON rating_rectifications
WHEN NEW.status IS NOT OLD.status OR NEW.rating_id IS NOT OLD.rating_id BEGIN
  INSERT INTO report_dirty_days (day)
    SELECT DISTINCT s.service_day FROM service_ratings s WHERE s.id IN (OLD.rating_id, NEW.rating_id)
      AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.day = s.service_day);
END;
CREATE TRIGGER report_dirty_rectification_removed AFTER DELETE ON rating_rectifications BEGIN
  INSERT INTO report_dirty_days (day)
    SELECT DISTINCT s.service_day FROM service_ratings s WHERE s.id = OLD.rating_id
      AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.day = s.service_day);
END;
