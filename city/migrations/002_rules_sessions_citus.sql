-- The 好差评 rules the city publishes for every hall (due days of a 差评's item, whether a callback
-- is required before closing), by version, like the calendar and the catalog (a reference table).
CREATE TABLE published_rating_rules (
  version      integer     PRIMARY KEY,
  rules        jsonb       NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);
