-- The hall dashboard is pushed to the admin screens where a supervisor is signed in, checked at
-- every push (electron/host/dashboard/dashboard-pusher.ts): the sessions seen within the idle
-- limit are found by this index, however many ended sessions the table holds.
CREATE INDEX staff_sessions_seen ON staff_sessions (last_seen_at);

-- 差评 rectification notes (013): what the callback found, the fix, the answer and an appeal's
-- reason are written by staff about a citizen and may name them or their phone. They are sealed
-- (db/field-cipher.ts) like the rating's comment beside them; an empty note is NULL. The host's
-- step right after this migration (db/seal-rectification-notes.ts), in this transaction, seals the
-- notes already written into these columns and drops the clear ones (which only the key could not do).
ALTER TABLE rating_rectifications ADD COLUMN callback_result_enc BLOB;
ALTER TABLE rating_rectifications ADD COLUMN fix_enc BLOB;
ALTER TABLE rating_rectifications ADD COLUMN answer_enc BLOB;
ALTER TABLE rating_rectifications ADD COLUMN appeal_reason_enc BLOB;
