-- When each back office stopped answering and when it answered again, written in the same
-- transaction as the delivery attempt that showed it, so "unreachable since 18:42" survives a hub
-- restart during the outage instead of starting again from the restart.

CREATE TABLE back_office_link_state (
  system      TEXT    PRIMARY KEY CHECK (system IN ('household', 'traffic', 'exit_entry')),
  -- The first failed attempt of the current outage (epoch ms); NULL while it answers.
  down_since  INTEGER,
  -- The first delivery after the last outage (epoch ms); NULL before any outage ended.
  up_since    INTEGER,
  updated_at  INTEGER NOT NULL
) STRICT;

-- The worker's pace: what each system took in the last minutes.
CREATE INDEX back_office_outbox_delivered ON back_office_outbox (system, updated_at) WHERE state = 'delivered';
