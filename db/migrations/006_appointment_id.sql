-- An appointment may hold the booked citizen's resident ID number, so the kiosk can identify them
-- from the appointment's QR code and the host can check that the applicant is the one who booked.
-- Nullable: bookings made without it (and every booking before this version) stay valid.
-- Personal data: never written to logs or the audit trail.
ALTER TABLE appointments ADD COLUMN id_number TEXT CHECK (id_number IS NULL OR length(id_number) IN (15, 18));

-- No new index: the kiosk's lookup and the submission's check both go by code, which the UNIQUE
-- constraint of 002 already indexes; nothing searches appointments by ID number.
