-- Notifications beyond the inbox (issue 16): message kinds and their templates as data, an outbox row per channel a
-- recipient accepts, citizens' choices of channel per topic, and the addresses they gave us.

-- What each message supplies: its fields, named in the order of Message.arguments, the topic a citizen's preferences
-- group it under, and whether an SMS of it may go out in quiet hours (the hall's "three away", a same-day reminder).
CREATE TABLE notification_kind (
    template           TEXT    PRIMARY KEY CHECK (template ~ '^[a-z][a-z0-9-]*(\.[a-zA-Z0-9_-]+)+$'),
    fields             TEXT[]  NOT NULL,
    topic              TEXT    NOT NULL CHECK (topic IN ('DECISIONS', 'HALL_QUEUE', 'APPOINTMENTS', 'CALLBACKS',
                                                         'COMPLAINTS', 'RATINGS', 'MANDATES', 'ACCOUNT', 'CODES',
                                                         'STAFF_WORK')),
    quiet_hours_exempt BOOLEAN NOT NULL DEFAULT FALSE
);

-- One template per kind, channel and language. INBOX: subject is the inbox line. SMS: body is the text without the
-- signature; provider_template_code is the code the provider approved. EMAIL: subject, plain-text body, HTML body.
-- Placeholders are ((field)), as in GOV.UK Notify.
CREATE TABLE notification_template (
    template               TEXT        NOT NULL REFERENCES notification_kind (template),
    channel                TEXT        NOT NULL CHECK (channel IN ('INBOX', 'SMS', 'EMAIL')),
    language               TEXT        NOT NULL CHECK (language IN ('zh', 'en')),
    subject                TEXT        CHECK (length(subject) <= 200),
    body                   TEXT        NOT NULL CHECK (length(body) <= 10000),
    html_body              TEXT        CHECK (length(html_body) <= 20000),
    provider_template_code TEXT        CHECK (length(provider_template_code) <= 64),
    version                INTEGER     NOT NULL DEFAULT 1,
    updated_by             TEXT,
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (template, channel, language)
);

-- The outbox: one row per message and channel, written in the sender's transaction. Its id is the idempotency key
-- handed to the provider, so that a retry after a crash is recognised there and not sent twice.
CREATE TABLE notification_outbox (
    id                     UUID        PRIMARY KEY,
    notification_id        UUID,
    recipient              TEXT,
    template               TEXT        NOT NULL,
    channel                TEXT        NOT NULL CHECK (channel IN ('INBOX', 'SMS', 'EMAIL')),
    address                TEXT        CHECK (length(address) <= 254),
    language               TEXT        NOT NULL CHECK (language IN ('zh', 'en')),
    subject                TEXT,
    body                   TEXT        NOT NULL,
    html_body              TEXT,
    provider_template_code TEXT,
    parameters             JSONB,
    sensitive              BOOLEAN     NOT NULL DEFAULT FALSE,
    status                 TEXT        NOT NULL CHECK (status IN ('CREATED', 'SENDING', 'DELIVERED', 'TEMPORARY_FAILURE',
                                                                  'PERMANENT_FAILURE', 'TECHNICAL_FAILURE',
                                                                  'NOT_CONFIGURED', 'WITHHELD')),
    attempts               INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at        TIMESTAMPTZ,
    claimed_by             TEXT,
    claimed_until          TIMESTAMPTZ,
    provider               TEXT,
    provider_ref           TEXT,
    failure                TEXT        CHECK (length(failure) <= 1000),
    created_at             TIMESTAMPTZ NOT NULL,
    sent_at                TIMESTAMPTZ,
    delivered_at           TIMESTAMPTZ,
    updated_at             TIMESTAMPTZ NOT NULL,
    CHECK (channel = 'INBOX' OR address IS NOT NULL)
);

-- What the dispatcher looks for: rows waiting to be (re)tried, and claims whose node went away.
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at)
    WHERE status IN ('CREATED', 'TEMPORARY_FAILURE', 'SENDING');
CREATE INDEX notification_outbox_by_recipient ON notification_outbox (recipient, created_at DESC);
CREATE INDEX notification_outbox_by_address ON notification_outbox (address, created_at DESC);
CREATE INDEX notification_outbox_by_status ON notification_outbox (status, created_at DESC);
CREATE UNIQUE INDEX notification_outbox_provider_ref ON notification_outbox (provider, provider_ref);

-- A citizen's choice per topic and channel; no row means the default (on).
CREATE TABLE notification_preference (
    username TEXT    NOT NULL,
    topic    TEXT    NOT NULL,
    channel  TEXT    NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    enabled  BOOLEAN NOT NULL,
    PRIMARY KEY (username, topic, channel)
);

-- The language messages go out in, and the e-mail address a person gave and proved (the phone lives with the account).
CREATE TABLE notification_contact (
    username          TEXT        PRIMARY KEY,
    language          TEXT        NOT NULL DEFAULT 'zh' CHECK (language IN ('zh', 'en')),
    email             TEXT        CHECK (length(email) <= 254),
    email_verified_at TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- SMS counted per phone and day (the city's day), in the sender's transaction: the upsert's row lock makes the
-- limit hold when two nodes text the same phone at once.
CREATE TABLE notification_sms_day (
    phone TEXT    NOT NULL,
    day   DATE    NOT NULL,
    sent  INTEGER NOT NULL,
    PRIMARY KEY (phone, day)
);
