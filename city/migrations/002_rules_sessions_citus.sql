-- The 好差评 rules the city publishes for every hall (due days of a 差评's item, whether a callback
-- is required before closing), by version, like the calendar and the catalog (a reference table).
CREATE TABLE published_rating_rules (
  version      integer     PRIMARY KEY,
  rules        jsonb       NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

-- A city supervisor's signed-in sessions: the token from the command line signs in, the session
-- (its own random token, kept hashed) is what the screen and scripts then present. It ends at
-- sign-out, when idle too long or at its absolute age (electron/domain/sessions/session-expiry.ts);
-- times are epoch ms from the city's clock.
CREATE TABLE city_sessions (
  token_hash   text   PRIMARY KEY,
  staff_id     text   NOT NULL REFERENCES city_staff (staff_id) ON DELETE CASCADE,
  created_at   bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  ended_at     bigint
);
CREATE INDEX city_sessions_staff ON city_sessions (staff_id) WHERE ended_at IS NULL;

-- A hall's credential now names its hall (`<hall id>.<secret>`): the city finds the hall by its
-- primary key and compares the hash. The hash need not be unique on its own any more, which Citus
-- would not allow on a table distributed by hall_id; a plain index still finds the credentials
-- issued before this form (a hall that enrols again gets the new form).
ALTER TABLE halls DROP CONSTRAINT halls_credential_hash_key;
CREATE INDEX halls_credential_hash ON halls (credential_hash);
