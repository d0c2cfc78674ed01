-- The city's reports (issue 16): each hall forwards its report cells per day (feed kind report_day,
-- electron/domain/city/report-day.ts), so the rules that make figures from events live once, at the
-- hall. A day rebuilt later arrives again with a higher seq and replaces the earlier one.
ALTER TABLE feed_records DROP CONSTRAINT feed_records_kind_check;
ALTER TABLE feed_records ADD CONSTRAINT feed_records_kind_check
  CHECK (kind IN ('ticket_event', 'case_status', 'rating', 'rectification', 'audit_head', 'report_day'));

-- Which report_day record is in force for each hall day (its cells are that feed record's payload).
CREATE TABLE report_days (
  hall_id         text    NOT NULL REFERENCES halls (hall_id),
  day             date    NOT NULL,
  seq             bigint  NOT NULL,
  target_wait_min integer NOT NULL,
  PRIMARY KEY (hall_id, day)
);
CREATE INDEX report_days_day ON report_days (day);

-- The coarse level, kept with report_days in the same transaction: the day's cells summed per
-- dimension (dim 'total' | 'line' | 'service' | 'hour'; val '' = none), figures as a varint blob
-- (electron/domain/city/report-summary.ts). Long ranges over many halls read these.
CREATE TABLE report_summaries (
  hall_id text   NOT NULL REFERENCES halls (hall_id),
  day     date   NOT NULL,
  dim     text   NOT NULL CHECK (dim IN ('total', 'line', 'service', 'hour')),
  val     text   NOT NULL,
  figures bytea  NOT NULL,
  PRIMARY KEY (hall_id, day, dim, val)
);
CREATE INDEX report_summaries_dim_day ON report_summaries (dim, day) INCLUDE (hall_id, val, figures);

-- The same per calendar month (month = its first day), refolded from the month's day summaries
-- whenever one of its days changes: a year over many halls reads 12 rows per hall and value, not 250.
CREATE TABLE report_month_summaries (
  hall_id text   NOT NULL REFERENCES halls (hall_id),
  month   date   NOT NULL CHECK (extract(day FROM month) = 1),
  dim     text   NOT NULL CHECK (dim IN ('total', 'line', 'service', 'hour')),
  val     text   NOT NULL,
  figures bytea  NOT NULL,
  PRIMARY KEY (hall_id, month, dim, val)
);
CREATE INDEX report_month_summaries_dim_month ON report_month_summaries (dim, month) INCLUDE (hall_id, val, figures);
