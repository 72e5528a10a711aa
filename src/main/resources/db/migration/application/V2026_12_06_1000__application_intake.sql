-- Issue 15: how each application reached the city, and who filed it when it was not the applicant.
-- Earlier rows were all filed by their applicants on the web.
ALTER TABLE application
    ADD COLUMN channel       text NOT NULL DEFAULT 'WEB'
        CONSTRAINT application_channel_known
            CHECK (channel IN ('WEB', 'MOBILE_WEB', 'COUNTER', 'HOTLINE', 'KIOSK', 'OPEN311', 'DELEGATED')),
    ADD COLUMN hall          text,
    ADD COLUMN counter       text,
    ADD COLUMN filed_by      text,
    ADD COLUMN filed_by_name text;

CREATE INDEX application_by_channel ON application (channel, submitted_at) WHERE submitted_at IS NOT NULL;
