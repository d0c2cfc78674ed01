-- The clear-text columns whose values 007's step sealed. Dropping a column rewrites its table
-- (secure_delete zeroes what is freed) and the host then vacuums, so the old values leave the
-- file and its WAL. The progress query's ID ending now comes from the sealed ID number.
ALTER TABLE appointments DROP COLUMN name;
ALTER TABLE appointments DROP COLUMN id_number;
ALTER TABLE applications DROP COLUMN applicant_id_number;
ALTER TABLE applications DROP COLUMN id_last4;
ALTER TABLE applications DROP COLUMN form_json;
ALTER TABLE print_jobs DROP COLUMN data;
ALTER TABLE conversation_messages DROP COLUMN text;
