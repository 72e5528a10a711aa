-- Reminders of appointments (issue 16): the day before and about an hour before the slot. Each column is the claim of
-- its reminder: the sweep sets it in the UPDATE that picks the appointment, so that of two nodes sweeping at once only
-- one sends it.
ALTER TABLE appointment ADD COLUMN reminded_day_before_at TIMESTAMPTZ;
ALTER TABLE appointment ADD COLUMN reminded_same_day_at TIMESTAMPTZ;

-- What the sweeps look for: booked appointments by day, not yet reminded.
CREATE INDEX appointment_day_before_due ON appointment (day) WHERE status = 'BOOKED' AND reminded_day_before_at IS NULL;
CREATE INDEX appointment_same_day_due ON appointment (day) WHERE status = 'BOOKED' AND reminded_same_day_at IS NULL;
