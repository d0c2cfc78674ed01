-- A booking can be cancelled (the citizen rang to say they cannot come) or moved to another slot
-- on the admin screen. A cancelled code never becomes a ticket; the row stays for the record.
ALTER TABLE appointments ADD COLUMN cancelled_at INTEGER;

-- The admin screen's list reads a day's (or a week's) bookings by their slot: the slot index of
-- 002 serves it.
