-- Complaints (诉求, issue 13): one record per complaint whatever the channel, one lead department at a time,
-- co-handlers, returns with arbitration, clocks with their history, the citizen's verdicts, and the timeline.

-- The category tree (诉求分类), also the Open311 services. Groups have no lead department; a complaint is always
-- filed under a leaf. Seeded from demo/complaints/categories.json, editable by administrators.
CREATE TABLE complaint_category (
    code                    TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9-]{1,59}$'),
    parent_code             TEXT REFERENCES complaint_category (code),
    name_zh                 TEXT    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
    name_en                 TEXT    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 150),
    description_zh          TEXT    NOT NULL DEFAULT '' CHECK (length(description_zh) <= 400),
    description_en          TEXT    NOT NULL DEFAULT '' CHECK (length(description_en) <= 600),
    lead_department         TEXT REFERENCES identity_department (code),
    certain                 BOOLEAN NOT NULL DEFAULT FALSE,
    urgency_tier            TEXT CHECK (urgency_tier IN ('EMERGENCY_2H', 'UTILITIES_24H', 'GENERAL_7D', 'COMPLEX_15D')),
    duplicate_radius_metres INTEGER CHECK (duplicate_radius_metres BETWEEN 10 AND 5000),
    position                INTEGER NOT NULL,
    active                  BOOLEAN NOT NULL DEFAULT TRUE,
    CHECK ((parent_code IS NULL AND lead_department IS NULL AND urgency_tier IS NULL)
        OR (parent_code IS NOT NULL AND lead_department IS NOT NULL AND urgency_tier IS NOT NULL
            AND duplicate_radius_metres IS NOT NULL))
);

CREATE TABLE complaint (
    id                 UUID PRIMARY KEY,
    -- What an anonymous reporter keeps: with the id, it opens the complaint's private page.
    tracking_code      TEXT        NOT NULL UNIQUE,
    reporter           TEXT,
    channel            TEXT        NOT NULL CHECK (channel IN ('WEB', 'ASSISTANT', 'CHAT', 'PHONE', 'OPEN311')),
    category_code      TEXT        NOT NULL REFERENCES complaint_category (code),
    description        TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
    address            TEXT CHECK (length(address) <= 300),
    latitude           DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude          DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    contact_name       TEXT CHECK (length(contact_name) <= 100),
    contact_phone      TEXT CHECK (length(contact_phone) <= 30),
    contact_email      TEXT CHECK (length(contact_email) <= 200),
    conversation_id    UUID,
    filed_by           TEXT,
    open311_client     TEXT,
    open311_token      TEXT UNIQUE,
    urgency_tier       TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('NEW', 'DISPATCHED', 'IN_PROGRESS', 'WAITING', 'REPLIED',
                                                             'HEAD_DECISION', 'CLOSED')),
    lead_department    TEXT REFERENCES identity_department (code),
    received_at        TIMESTAMPTZ NOT NULL,
    dispatched_at      TIMESTAMPTZ,
    first_contact_due  TIMESTAMPTZ,
    first_contacted_at TIMESTAMPTZ,
    reply_due          TIMESTAMPTZ,
    replied_at         TIMESTAMPTZ,
    reply_text         TEXT CHECK (length(reply_text) <= 4000),
    waiting_since      TIMESTAMPTZ,
    waiting_reason     TEXT CHECK (length(waiting_reason) <= 500),
    dispatch_count     INTEGER     NOT NULL DEFAULT 0,
    reopen_count       INTEGER     NOT NULL DEFAULT 0 CHECK (reopen_count BETWEEN 0 AND 2),
    supervisor_flag    BOOLEAN     NOT NULL DEFAULT FALSE,
    escalated          BOOLEAN     NOT NULL DEFAULT FALSE,
    merged_into        UUID REFERENCES complaint (id),
    closed_at          TIMESTAMPTZ,
    closure            TEXT CHECK (closure IN ('SOLVED', 'NOT_SOLVED', 'NO_FEEDBACK', 'MERGED')),
    CHECK ((status = 'CLOSED') = (closure IS NOT NULL AND closed_at IS NOT NULL)),
    CHECK (merged_into IS NULL OR merged_into <> id),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX complaint_reporter ON complaint (reporter, received_at DESC) WHERE reporter IS NOT NULL;
CREATE INDEX complaint_queue ON complaint (received_at) WHERE status = 'NEW';
CREATE INDEX complaint_department ON complaint (lead_department, status);
CREATE INDEX complaint_open_nearby ON complaint (category_code, received_at) WHERE status <> 'CLOSED';
CREATE INDEX complaint_merged ON complaint (merged_into) WHERE merged_into IS NOT NULL;

-- Who holds the complaint: exactly one lead at a time (the partial unique index), any number of co-handlers,
-- each with its own deadline and answer. An assignment ends when returned, re-dispatched or closed.
CREATE TABLE complaint_assignment (
    id           UUID PRIMARY KEY,
    complaint_id UUID        NOT NULL REFERENCES complaint (id),
    department   TEXT        NOT NULL REFERENCES identity_department (code),
    kind         TEXT        NOT NULL CHECK (kind IN ('LEAD', 'CO_HANDLER')),
    assigned_at  TIMESTAMPTZ NOT NULL,
    assigned_by  TEXT        NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    accepted_at  TIMESTAMPTZ,
    answered_at  TIMESTAMPTZ,
    answer       TEXT CHECK (length(answer) <= 4000),
    answered_by  TEXT,
    ended_at     TIMESTAMPTZ,
    ended_reason TEXT CHECK (ended_reason IN ('RETURNED', 'REDISPATCHED', 'CLOSED'))
);
CREATE UNIQUE INDEX complaint_one_lead ON complaint_assignment (complaint_id) WHERE kind = 'LEAD' AND ended_at IS NULL;
CREATE UNIQUE INDEX complaint_one_co_handling ON complaint_assignment (complaint_id, department)
    WHERE kind = 'CO_HANDLER' AND ended_at IS NULL;
CREATE INDEX complaint_assignment_inbox ON complaint_assignment (department, kind) WHERE ended_at IS NULL;

-- A return (退单): once per complaint and department (the unique constraint refuses a second one); the
-- dispatcher accepts (and re-dispatches) or rejects (the assignment stands).
CREATE TABLE complaint_return (
    id              UUID PRIMARY KEY,
    complaint_id    UUID        NOT NULL REFERENCES complaint (id),
    assignment_id   UUID        NOT NULL REFERENCES complaint_assignment (id),
    department      TEXT        NOT NULL REFERENCES identity_department (code),
    reason          TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    requested_at    TIMESTAMPTZ NOT NULL,
    requested_by    TEXT        NOT NULL,
    decided_at      TIMESTAMPTZ,
    decided_by      TEXT,
    accepted        BOOLEAN,
    decision_reason TEXT CHECK (length(decision_reason) <= 1000),
    UNIQUE (complaint_id, department),
    CHECK ((decided_at IS NULL) = (accepted IS NULL))
);
CREATE INDEX complaint_return_open ON complaint_return (requested_at) WHERE decided_at IS NULL;

-- The clocks and their history: one row per clock and round (a reopened complaint starts a new round and keeps
-- the old rows). Flowable's timer jobs (process complaint-clock) fire the warning, overdue and escalation steps.
CREATE TABLE complaint_clock (
    id                  UUID PRIMARY KEY,
    complaint_id        UUID        NOT NULL REFERENCES complaint (id),
    kind                TEXT        NOT NULL CHECK (kind IN ('CONTACT', 'REPLY', 'VERDICT')),
    round               INTEGER     NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    warn_at             TIMESTAMPTZ NOT NULL,
    due_at              TIMESTAMPTZ NOT NULL,
    escalate_at         TIMESTAMPTZ NOT NULL,
    process_instance_id TEXT,
    paused_at           TIMESTAMPTZ,
    paused_seconds      BIGINT      NOT NULL DEFAULT 0,
    warned_at           TIMESTAMPTZ,
    overdue_at          TIMESTAMPTZ,
    escalated_at        TIMESTAMPTZ,
    stopped_at          TIMESTAMPTZ
);
CREATE INDEX complaint_clock_running ON complaint_clock (complaint_id) WHERE stopped_at IS NULL;

-- The citizen's verdicts: one per complaint and round; a follow-up call (回访) records one the same way.
CREATE TABLE complaint_verdict (
    id           UUID PRIMARY KEY,
    complaint_id UUID        NOT NULL REFERENCES complaint (id),
    round        INTEGER     NOT NULL,
    solved       BOOLEAN     NOT NULL,
    rating       INTEGER CHECK (rating BETWEEN 1 AND 5),
    comment      TEXT CHECK (length(comment) <= 1000),
    channel      TEXT        NOT NULL CHECK (channel IN ('CITIZEN', 'FOLLOW_UP')),
    given_at     TIMESTAMPTZ NOT NULL,
    recorded_by  TEXT,
    department   TEXT        NOT NULL REFERENCES identity_department (code),
    UNIQUE (complaint_id, round)
);
CREATE INDEX complaint_verdict_month ON complaint_verdict (given_at);

-- Follow-up calls (回访) for agents when a reply has waited for a verdict.
CREATE TABLE complaint_follow_up (
    id           UUID PRIMARY KEY,
    complaint_id UUID        NOT NULL REFERENCES complaint (id),
    round        INTEGER     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    done_at      TIMESTAMPTZ,
    done_by      TEXT,
    result       TEXT CHECK (result IN ('VERDICT', 'UNREACHABLE', 'CANCELLED')),
    UNIQUE (complaint_id, round)
);
CREATE INDEX complaint_follow_up_open ON complaint_follow_up (created_at) WHERE done_at IS NULL;

-- Photos (vault documents of the reporter, or the department's evidence).
CREATE TABLE complaint_document (
    complaint_id UUID        NOT NULL REFERENCES complaint (id),
    document_id  UUID        NOT NULL,
    owner        TEXT        NOT NULL,
    purpose      TEXT        NOT NULL CHECK (purpose IN ('REPORT', 'EVIDENCE')),
    added_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (complaint_id, document_id)
);

-- Every move, in order. public = shown to the citizen (without staff names: the department only).
CREATE TABLE complaint_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id UUID        NOT NULL REFERENCES complaint (id),
    at           TIMESTAMPTZ NOT NULL,
    kind         TEXT        NOT NULL,
    actor        TEXT,
    department   TEXT,
    public       BOOLEAN     NOT NULL,
    detail       TEXT CHECK (length(detail) <= 4000)
);
CREATE INDEX complaint_event_of ON complaint_event (complaint_id, id);

-- Third-party apps that may post Open311 requests: the SHA-256 of the key, never the key.
CREATE TABLE complaint_open311_client (
    id         TEXT PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name       TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key_sha256 TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    created_by TEXT        NOT NULL,
    revoked_at TIMESTAMPTZ
);
