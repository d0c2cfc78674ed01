-- The hall on its LAN (issue 15): each terminal's local agent, the devices it owns, and the
-- idempotency keys of plain ticket requests.

-- What a terminal's agent last told the hub about its machine. Presence (online or not) lives in
-- the hub's memory; these columns say what the admin screen shows while the agent is away.
CREATE TABLE terminal_agents (
  terminal_id     INTEGER PRIMARY KEY REFERENCES terminals (id) ON DELETE CASCADE,
  version         TEXT    NOT NULL CHECK (length(version) BETWEEN 1 AND 40),
  -- The machine's host name, as the agent reports it.
  machine         TEXT    NOT NULL CHECK (length(machine) BETWEEN 1 AND 100),
  -- The printer attached to that machine as JSON {kind, target, media}; NULL: it has none.
  printer         TEXT    CHECK (printer IS NULL OR json_valid(printer)),
  connected_at    INTEGER NOT NULL,
  last_contact_at INTEGER NOT NULL
) STRICT;

-- A device reported by a terminal's agent carries the agent's own name for it, so that the same
-- reader keeps its id (and its binding to that terminal) across reconnects. NULL: a device the
-- hub's own process drives (the single-machine shape).
ALTER TABLE devices ADD COLUMN agent_key TEXT CHECK (agent_key IS NULL OR length(agent_key) BETWEEN 1 AND 60);
CREATE UNIQUE INDEX devices_agent_key ON devices (terminal_id, agent_key) WHERE agent_key IS NOT NULL;

-- A kiosk's plain ticket request (issueTicket) carries a UUID made by the kiosk. The row is
-- written in the ticket's own transaction, so a request repeated after its answer was lost finds
-- the ticket it already made: issued at most once.
CREATE TABLE ticket_requests (
  request_id  TEXT    PRIMARY KEY CHECK (length(request_id) = 36),
  ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
  terminal_id INTEGER REFERENCES terminals (id),
  created_at  INTEGER NOT NULL
) STRICT;
