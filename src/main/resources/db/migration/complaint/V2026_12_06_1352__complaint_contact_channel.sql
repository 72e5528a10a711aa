-- Issue 15: besides the detailed channel (web form, assistant, chat, phone, Open311), the contact channel that the
-- figures of every module share (shared.ContactChannel): PHONE is the HOTLINE, OPEN311 stays OPEN311, and the web
-- form, the assistant and a chat are the citizen's WEB or MOBILE_WEB. Earlier rows did not keep the device: WEB.
ALTER TABLE complaint
    ADD COLUMN contact_channel text
        CONSTRAINT complaint_contact_channel_known
            CHECK (contact_channel IN ('WEB', 'MOBILE_WEB', 'COUNTER', 'HOTLINE', 'KIOSK', 'OPEN311', 'DELEGATED'));
UPDATE complaint SET contact_channel = CASE channel WHEN 'PHONE' THEN 'HOTLINE' WHEN 'OPEN311' THEN 'OPEN311' ELSE 'WEB' END;
ALTER TABLE complaint ALTER COLUMN contact_channel SET NOT NULL;
