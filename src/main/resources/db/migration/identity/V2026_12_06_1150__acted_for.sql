-- What representatives did for a citizen (授权代办, issue 15): one row per action, written in the action's own
-- transaction, read by the grantor on "代办记录". The grantor is a username (or, for a resident without an account,
-- whatever username the application carries); the representative's name is kept as it was when they acted.
CREATE TABLE identity_acted_for (
    id                  BIGSERIAL PRIMARY KEY,
    at                  TIMESTAMPTZ NOT NULL,
    grantor             TEXT NOT NULL,
    representative      TEXT NOT NULL,
    representative_name TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('MANDATE', 'GUARDIAN')),
    mandate_id          UUID,
    what                TEXT NOT NULL,
    arguments           JSONB NOT NULL DEFAULT '[]',
    link                TEXT
);

CREATE INDEX identity_acted_for_grantor ON identity_acted_for (grantor, at DESC, id DESC);
