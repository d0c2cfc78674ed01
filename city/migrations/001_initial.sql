-- The city's store (issue 16). Every table that holds a hall's data carries hall_id first in its
-- primary key, so that the same schema can be distributed by hall with Citus
-- (SELECT create_distributed_table('feed_records', 'hall_id') …) when one server is outgrown; the
-- few city-wide tables (codes, published versions) would be Citus reference tables.

CREATE TABLE halls (
  hall_id         text        PRIMARY KEY,
  name            text        NOT NULL,
  -- sha256 of the hall's credential: the city never keeps a credential it could leak.
  credential_hash text        NOT NULL UNIQUE,
  enrolled_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE enrolment_codes (
  code_hash  text        PRIMARY KEY,
  hall_id    text        NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

-- Every record a hall forwarded, exactly as sent. (hall_id, seq) makes delivery idempotent.
CREATE TABLE feed_records (
  hall_id     text        NOT NULL REFERENCES halls (hall_id),
  seq         bigint      NOT NULL CHECK (seq > 0),
  kind        text        NOT NULL CHECK (kind IN ('ticket_event', 'case_status', 'rating', 'rectification', 'audit_head')),
  at          bigint      NOT NULL,
  day         date        NOT NULL,
  payload     text        NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hall_id, seq)
);
-- Reports and reconciliation read one hall's days, by kind.
CREATE INDEX feed_records_day ON feed_records (hall_id, day, kind);

-- Each hall's high-water mark: every seq up to acked_seq is held (no gap).
CREATE TABLE hall_progress (
  hall_id      text        PRIMARY KEY REFERENCES halls (hall_id),
  acked_seq    bigint      NOT NULL DEFAULT 0,
  last_sync_at timestamptz
);

-- The live state a hall last reported (replaced on every sync).
CREATE TABLE hall_state (
  hall_id              text        PRIMARY KEY REFERENCES halls (hall_id),
  waiting              integer     NOT NULL,
  longest_wait_seconds integer     NOT NULL,
  windows_open         integer     NOT NULL,
  outages              jsonb       NOT NULL DEFAULT '[]',
  reported_at          timestamptz NOT NULL
);

-- The last reconciliation of each hall's day; ok = false is an open alert.
CREATE TABLE reconciliations (
  hall_id       text        NOT NULL REFERENCES halls (hall_id),
  day           date        NOT NULL,
  hall_count    integer,
  hall_checksum text,
  city_count    integer,
  city_checksum text,
  ok            boolean     NOT NULL,
  checked_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hall_id, day)
);
CREATE INDEX reconciliations_alerts ON reconciliations (hall_id) WHERE NOT ok;

-- What the city publishes for every hall, by version: the holiday calendar (a reference table).
CREATE TABLE published_calendar (
  version      integer     PRIMARY KEY,
  days         jsonb       NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

-- The national values of the service catalog (fees, time limits by service code), by version.
CREATE TABLE published_catalog (
  version      integer     PRIMARY KEY,
  vals         jsonb       NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

-- The city's own staff (role city-supervisor), signing in with a token the city administrator
-- issued from the command line (`npm run city -- … --add-supervisor <name>`).
CREATE TABLE city_staff (
  staff_id   text        PRIMARY KEY,
  role       text        NOT NULL CHECK (role IN ('city-supervisor')),
  token_hash text        NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
