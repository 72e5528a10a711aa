-- Who booked an appointment when it was not the citizen (issue 15): a representative acting under a mandate or as a
-- child's guardian. Null when the citizen booked it themselves; the name is kept as it was at booking.
ALTER TABLE appointment ADD COLUMN booked_by TEXT;
ALTER TABLE appointment ADD COLUMN booked_by_name TEXT;
