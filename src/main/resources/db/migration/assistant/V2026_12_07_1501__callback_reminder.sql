-- A reminder shortly before a booked callback (issue 16); the column is the sweep's claim, so it is sent once however
-- many nodes sweep.
ALTER TABLE assistant_callback ADD COLUMN reminded_at TIMESTAMPTZ;

CREATE INDEX assistant_callback_reminder_due ON assistant_callback (slot_at) WHERE done_at IS NULL AND reminded_at IS NULL;
