-- Public notices and policy explainers. The body is stored already sanitised.
CREATE TABLE content_notice (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title       TEXT        NOT NULL,
    summary     TEXT        NOT NULL,
    body_html   TEXT        NOT NULL,
    tags        TEXT[]      NOT NULL DEFAULT '{}',
    department  TEXT,
    author      TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    released_at TIMESTAMPTZ,
    updated_at  TIMESTAMPTZ NOT NULL,
    CHECK (status <> 'PUBLISHED' OR released_at IS NOT NULL)
);

CREATE INDEX content_notice_published ON content_notice (released_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX content_notice_tags ON content_notice USING gin (tags);
