-- Issue 15: the channel each ticket was drawn through: KIOSK for a kiosk's, COUNTER for one a clerk made, the
-- citizen's WEB or MOBILE_WEB for an online check-in. Earlier tickets tell by who issued them.
ALTER TABLE queue_ticket
    ADD COLUMN channel text NOT NULL DEFAULT 'COUNTER'
        CONSTRAINT queue_ticket_channel_known
            CHECK (channel IN ('WEB', 'MOBILE_WEB', 'COUNTER', 'HOTLINE', 'KIOSK', 'OPEN311', 'DELEGATED'));
UPDATE queue_ticket SET channel = 'KIOSK' WHERE issued_by LIKE 'kiosk:%';
ALTER TABLE queue_ticket ALTER COLUMN channel DROP DEFAULT;
