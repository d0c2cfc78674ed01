-- Reports (issue 14): figures are computed from the event rows for any range of days, never from
-- a ticket's or case's latest columns. ticket_events and service_ratings already have their
-- day indexes (012, 013); a case's steps are read by action and time, which the existing index
-- (application_id, id) cannot answer without reading every event of every case.
CREATE INDEX application_events_action_at ON application_events (action, at) WHERE action IS NOT NULL;
-- A report reads every ticket event of its range: an index that holds every column it reads
-- answers from the index alone, without a lookup of each row in the table (the read was most of
-- a month's report time in scripts/bench/reports.ts).
CREATE INDEX ticket_events_report ON ticket_events (service_day, kind, ticket_id, at, window_number, staff_id, line);
