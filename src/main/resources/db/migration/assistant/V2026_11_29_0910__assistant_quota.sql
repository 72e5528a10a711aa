-- What one caller (a signed-in citizen, or an address for anonymous callers) has started in the current hour:
-- conversations and callback requests. One atomic upsert per attempt, shared by every node.
CREATE TABLE assistant_quota (
    caller        text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('CONVERSATION', 'CALLBACK')),
    window_start  timestamptz NOT NULL,
    used          integer     NOT NULL,
    PRIMARY KEY (caller, kind)
);
