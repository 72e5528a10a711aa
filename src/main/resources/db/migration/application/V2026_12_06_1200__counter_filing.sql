-- Counter-assisted applications (一窗受理, issue 15): what the clerk confirmed for the citizen present — the ID card
-- seen (and the card reader's number when one was used) and the citizen's consent — who confirmed it and when. One
-- row per application filed at a counter; the application's own intake columns say which hall and counter.
CREATE TABLE application_counter_filing (
    application_id   UUID        PRIMARY KEY REFERENCES application (id),
    identity_checked BOOLEAN     NOT NULL CHECK (identity_checked),
    consent          BOOLEAN     NOT NULL CHECK (consent),
    reader_number    TEXT        CHECK (length(reader_number) <= 64),
    ticket_id        UUID,
    clerk            TEXT        NOT NULL,
    clerk_name       TEXT        NOT NULL,
    confirmed_at     TIMESTAMPTZ NOT NULL
);

-- A paper the citizen brought, scanned at a counter into their vault: origin COUNTER, with the clerk who scanned it.
ALTER TABLE application_document DROP CONSTRAINT application_document_origin_check;
ALTER TABLE application_document
    ADD CONSTRAINT application_document_origin_check CHECK (origin IN ('UPLOADED', 'ISSUED', 'COUNTER'));
ALTER TABLE application_document ADD COLUMN added_by TEXT;
