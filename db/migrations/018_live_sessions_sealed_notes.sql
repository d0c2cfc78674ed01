-- The hall dashboard is pushed to the admin screens where a supervisor is signed in, checked at
-- every push (electron/host/dashboard/dashboard-pusher.ts): the sessions seen within the idle
-- limit are found by this index, however many ended sessions the table holds.
CREATE INDEX staff_sessions_seen ON staff_sessions (last_seen_at);
