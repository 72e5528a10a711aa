-- The citizen's document vault: uploaded once, reused in any application. The bytes live under
-- the data folder (ONESTOP_DATA_DIR), under documents/, named by their SHA-256 (so identical uploads share one file).
CREATE TABLE application_document (
    id           UUID PRIMARY KEY,
    owner        TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    content_type TEXT        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   BIGINT      NOT NULL CHECK (size_bytes > 0),
    sha256       CHAR(64)    NOT NULL,
    origin       TEXT        NOT NULL CHECK (origin IN ('UPLOADED', 'ISSUED')),
    added_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX application_document_owner ON application_document (owner, added_at DESC);
