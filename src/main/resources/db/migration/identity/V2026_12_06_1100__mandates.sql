-- Mandates (授权代办, issue 15): a citizen lets another act for them, for all matters or
-- chosen ones, until a date; granted online or recorded at a counter. A guardian's right
-- over a child comes from the household registry and is not stored here.
CREATE TABLE identity_mandate (
    id                       UUID        PRIMARY KEY,
    grantor_id_number        CHAR(18)    NOT NULL,
    grantor_name             TEXT        NOT NULL,
    representative_id_number CHAR(18)    NOT NULL CHECK (representative_id_number <> grantor_id_number),
    -- Known when the grantor typed it and it matched the registry.
    representative_name      TEXT,
    -- Empty: every matter.
    service_codes            TEXT[]      NOT NULL DEFAULT '{}',
    until                    DATE        NOT NULL,
    granted_how              TEXT        NOT NULL CHECK (granted_how IN ('ONLINE', 'COUNTER')),
    created_at               TIMESTAMPTZ NOT NULL,
    -- The grantor online; the clerk at a counter.
    created_by               TEXT        NOT NULL,
    revoked_at               TIMESTAMPTZ,
    revoked_by               TEXT
);

-- Every request acting for someone reads this: no cache, so a revocation counts at once.
CREATE INDEX identity_mandate_acting ON identity_mandate (representative_id_number, grantor_id_number)
    WHERE revoked_at IS NULL;
CREATE INDEX identity_mandate_grantor ON identity_mandate (grantor_id_number);

-- A mandate recorded at a counter: the clerk saw both ID cards and scanned the grantor's
-- signed form.
CREATE TABLE identity_mandate_signature (
    mandate_id    UUID     PRIMARY KEY REFERENCES identity_mandate (id),
    id_cards_seen BOOLEAN  NOT NULL CHECK (id_cards_seen),
    file_name     TEXT     NOT NULL,
    content_type  TEXT     NOT NULL,
    content       BYTEA    NOT NULL
);
