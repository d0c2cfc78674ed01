-- Reports (issue 14): figures are computed from the event rows for any range of days, never from
-- a ticket's or case's latest columns. ticket_events and service_ratings already have their
-- day indexes (012, 013); a case's steps are read by action and time, which the existing index
-- (application_id, id) cannot answer without reading every event of every case.
CREATE INDEX application_events_action_at ON application_events (action, at) WHERE action IS NOT NULL;
