-- Issue 15: the channel each appointment was booked through (shared.ContactChannel). Every earlier booking was a
-- citizen's own, online; which device it came from was not kept, so it counts as WEB. No default afterwards: every
-- insert says its channel.
ALTER TABLE appointment
    ADD COLUMN channel text NOT NULL DEFAULT 'WEB'
        CONSTRAINT appointment_channel_known
            CHECK (channel IN ('WEB', 'MOBILE_WEB', 'COUNTER', 'HOTLINE', 'KIOSK', 'OPEN311', 'DELEGATED'));
ALTER TABLE appointment ALTER COLUMN channel DROP DEFAULT;

CREATE INDEX appointment_by_booked_at ON appointment (booked_at);
