-- Every signed-in person's OneStop inbox. The subject is a message key with its arguments, so that each
-- reader sees it in the language they read in, not the one the sender happened to use.
CREATE TABLE notification (
    id          UUID        PRIMARY KEY,
    recipient   TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    subject_key TEXT        NOT NULL,
    arguments   TEXT[]      NOT NULL DEFAULT '{}',
    link        TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    read_at     TIMESTAMPTZ,
    CHECK (link IS NULL OR (link LIKE '/%' AND link NOT LIKE '//%'))
);

-- The inbox page, newest first.
CREATE INDEX notification_recipient_created ON notification (recipient, created_at DESC, id DESC);
-- The count in every page's header: only the unread rows, so it stays small however long the inbox grows.
CREATE INDEX notification_unread ON notification (recipient) WHERE read_at IS NULL;
