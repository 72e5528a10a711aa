-- One-time codes sent to a verified phone (issue 11): to confirm a new citizen account (subject = the ID number)
-- and to unlock one's own sign-in (subject = the username). One live code per purpose and subject: a new request
-- replaces the old code. Only a BCrypt hash of the code is kept; a code is spent on success and void after its
-- last attempt or at expires_at.
CREATE TABLE identity_one_time_code (
    purpose       TEXT        NOT NULL CHECK (purpose IN ('REGISTRATION', 'UNLOCK')),
    subject       TEXT        NOT NULL,
    code_hash     TEXT        NOT NULL,
    phone         TEXT        NOT NULL,
    display_name  TEXT,
    expires_at    TIMESTAMPTZ NOT NULL,
    attempts_left INT         NOT NULL CHECK (attempts_left >= 0),
    PRIMARY KEY (purpose, subject)
);

-- Requests counted per scope and key in the current hour (codes per ID number, per username, per address), by one
-- atomic upsert so that every node shares the count; counted before anything is looked up, so a refusal says
-- nothing about the registry or the accounts.
CREATE TABLE identity_hourly_count (
    scope        TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    count        INT         NOT NULL,
    PRIMARY KEY (scope, key)
);

-- Outside production there is no SMS gateway yet: the codes as they would have been texted, shown to
-- administrators at /admin/demo/codes. Stays empty in production.
CREATE TABLE identity_demo_text_message (
    purpose      TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    shown_as     TEXT        NOT NULL,
    phone_masked TEXT        NOT NULL,
    code         TEXT        NOT NULL,
    sent_at      TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (purpose, subject)
);
