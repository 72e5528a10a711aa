-- Issue 15: besides the detailed channel (WEB, PHONE), the contact channel that the figures of every module share
-- (shared.ContactChannel): a phone call is the HOTLINE, a web conversation the citizen's WEB or MOBILE_WEB. Earlier
-- rows did not keep the device: WEB.
ALTER TABLE assistant_conversation
    ADD COLUMN contact_channel text
        CONSTRAINT assistant_conversation_contact_channel_known
            CHECK (contact_channel IN ('WEB', 'MOBILE_WEB', 'COUNTER', 'HOTLINE', 'KIOSK', 'OPEN311', 'DELEGATED'));
UPDATE assistant_conversation SET contact_channel = CASE channel WHEN 'PHONE' THEN 'HOTLINE' ELSE 'WEB' END;
ALTER TABLE assistant_conversation ALTER COLUMN contact_channel SET NOT NULL;
