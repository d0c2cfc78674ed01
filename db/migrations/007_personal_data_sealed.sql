-- Personal data at rest (issue 9): ID numbers, names, form answers, the data of print jobs and the
-- 笔谈 are stored sealed (AES-256-GCM, db/field-cipher.ts) in BLOB columns, each value bound to its
-- table and column and carrying the id of its key, which lives in a key file outside the database.
-- Rows already present are sealed by the host right after this migration (db/seal-clear-columns.ts),
-- in the same transaction, and 008 then drops the columns that held them in clear.

ALTER TABLE appointments ADD COLUMN name_enc BLOB;
ALTER TABLE appointments ADD COLUMN id_number_enc BLOB;
-- HMAC-SHA256 of the ID number under its own derived key: a booking found by ID number without
-- opening every row. A rotation of the key recomputes it.
ALTER TABLE appointments ADD COLUMN id_number_hash BLOB CHECK (id_number_hash IS NULL OR length(id_number_hash) = 32);
-- When the retention purge cleared the booking's personal data.
ALTER TABLE appointments ADD COLUMN purged_at INTEGER;
CREATE INDEX appointments_id_hash ON appointments (id_number_hash) WHERE id_number_hash IS NOT NULL;

ALTER TABLE applications ADD COLUMN applicant_id_number_enc BLOB;
ALTER TABLE applications ADD COLUMN applicant_id_hash BLOB CHECK (applicant_id_hash IS NULL OR length(applicant_id_hash) = 32);
ALTER TABLE applications ADD COLUMN form_enc BLOB;
-- When the retention purge cleared the case's personal data; the rest of the row stays for statistics.
ALTER TABLE applications ADD COLUMN purged_at INTEGER;
-- A returning applicant's earlier cases, by the keyed hash of the ID number.
CREATE INDEX applications_applicant ON applications (applicant_id_hash) WHERE applicant_id_hash IS NOT NULL;
-- The purge's daily scan reads only cases whose personal data is still there.
CREATE INDEX applications_unpurged ON applications (status, updated_at) WHERE purged_at IS NULL;

-- A document's typed data (names and full ID numbers on receipts); NULL once purged.
ALTER TABLE print_jobs ADD COLUMN data_enc BLOB;

ALTER TABLE conversation_messages ADD COLUMN text_enc BLOB;
