-- 好差评 (issue 17): every finished service rated on the national five levels, bad ratings followed up by the
-- department that delivered the service, and traced to their causes.

-- Reasons a citizen may tick, as data (names in the message bundles under evaluation.reason.<code>).
CREATE TABLE rating_reason (
    code     TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    position INTEGER NOT NULL,
    -- Which levels offer it: praise reasons for 4-5, complaints for 1-3.
    praise   BOOLEAN NOT NULL DEFAULT FALSE,
    active   BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO rating_reason (code, position, praise) VALUES
    ('DOCUMENTS_ALREADY_HELD', 10, FALSE),
    ('MORE_THAN_ONE_TRIP', 20, FALSE),
    ('WAITED_TOO_LONG', 30, FALSE),
    ('REJECTED_WITHOUT_EXPLANATION', 40, FALSE),
    ('STAFF_ATTITUDE', 50, FALSE),
    ('SLOW_DECISION', 60, FALSE),
    ('HARD_TO_UNDERSTAND', 70, FALSE),
    ('SYSTEM_PROBLEM', 80, FALSE),
    ('OTHER', 90, FALSE),
    ('QUICK', 110, TRUE),
    ('NO_DOCUMENTS_NEEDED', 120, TRUE),
    ('HELPFUL_STAFF', 130, TRUE),
    ('CLEAR_GUIDANCE', 140, TRUE);

-- A finished service the citizen is invited to rate: written once by the listener that sees it finish, the only
-- proof that the citizen may rate it (a subject with no invitation for them answers 404).
CREATE TABLE rating_invitation (
    subject_type TEXT        NOT NULL CHECK (subject_type IN ('APPLICATION', 'TICKET', 'APPOINTMENT', 'CONVERSATION',
                                                              'COMPLAINT')),
    subject_id   TEXT        NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 64),
    -- The account the service was for; null for a service to nobody signed in (a walk-in ticket, an anonymous
    -- conversation): rated on the hall's pad or by link, counted, never followed up.
    citizen      TEXT,
    department   TEXT        NOT NULL,
    service_code TEXT,
    hall         TEXT,
    channel      TEXT        NOT NULL CHECK (channel IN ('WEB', 'MOBILE_WEB', 'COUNTER', 'HOTLINE', 'KIOSK',
                                                         'OPEN311', 'DELEGATED')),
    finished_at  TIMESTAMPTZ NOT NULL,
    invited_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject_type, subject_id)
);
CREATE INDEX rating_invitation_by_citizen ON rating_invitation (citizen, invited_at DESC) WHERE citizen IS NOT NULL;

-- One rating per service event and citizen; changed in place within 7 days (changed_at, version).
CREATE TABLE rating (
    id           UUID PRIMARY KEY,
    subject_type TEXT        NOT NULL,
    subject_id   TEXT        NOT NULL,
    citizen      TEXT,
    -- Copied from the invitation so that figures and follow-ups need no join.
    department   TEXT        NOT NULL,
    service_code TEXT,
    hall         TEXT,
    channel      TEXT        NOT NULL,
    -- 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意.
    level        SMALLINT    NOT NULL CHECK (level BETWEEN 1 AND 5),
    reasons      TEXT[]      NOT NULL DEFAULT '{}',
    comment      TEXT CHECK (length(comment) <= 1000),
    -- Verified: given by a signed-in citizen the service was for. Anonymous ratings count but open no follow-up.
    verified     BOOLEAN     NOT NULL,
    -- Where it was given: WEB, MOBILE_WEB, PAD (the hall's rating pad), API.
    given_through TEXT       NOT NULL CHECK (given_through IN ('WEB', 'MOBILE_WEB', 'PAD', 'API')),
    created_at   TIMESTAMPTZ NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL,
    version      INTEGER     NOT NULL DEFAULT 0,
    -- Set only by a supervisor of the services administration on a department's flag (rating_flag).
    excluded     BOOLEAN     NOT NULL DEFAULT FALSE,
    FOREIGN KEY (subject_type, subject_id) REFERENCES rating_invitation (subject_type, subject_id)
);
-- One rating per service event: a second POST finds this and answers 409.
CREATE UNIQUE INDEX rating_one_per_subject ON rating (subject_type, subject_id);
CREATE INDEX rating_by_citizen ON rating (citizen, created_at DESC) WHERE citizen IS NOT NULL;
CREATE INDEX rating_by_department ON rating (department, created_at DESC);
CREATE INDEX rating_by_changed ON rating (changed_at);

-- What OneStop knew of the rated service when it was rated (traced to its cause): one row per cause.
-- kind: RULE (a DMN rule that fired in the pre-check; key = "<table>:<rule id>"), MATTER (key = service code,
-- detail.version), SUPPLEMENT (key = the item asked for), REJECTION (key = reason code or "text"), TRIPS
-- (key = "over-max" or "count"), WAIT (key = hall, detail.minutes), HANDOFF, REASON (key = the ticked reason code).
CREATE TABLE rating_cause (
    rating_id UUID  NOT NULL REFERENCES rating (id) ON DELETE CASCADE,
    kind      TEXT  NOT NULL CHECK (kind IN ('RULE', 'MATTER', 'SUPPLEMENT', 'REJECTION', 'TRIPS', 'WAIT', 'HANDOFF',
                                             'REASON')),
    key       TEXT  NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    detail    JSONB NOT NULL DEFAULT '{}',
    PRIMARY KEY (rating_id, kind, key)
);
CREATE INDEX rating_cause_by_key ON rating_cause (kind, key);

-- Per department: working days to rectify and reply (cities set 5 to 15). No row: 5.
CREATE TABLE evaluation_department (
    department TEXT PRIMARY KEY,
    reply_working_days INTEGER NOT NULL CHECK (reply_working_days BETWEEN 1 AND 30),
    changed_by TEXT NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

-- A bad, verified rating's follow-up (整改): verify (contact the citizen) within 1 working day, rectify and reply
-- within the department's working days; a fix that needs longer goes on the ledger with a promised date.
CREATE TABLE follow_up (
    id              UUID PRIMARY KEY,
    rating_id       UUID        NOT NULL UNIQUE REFERENCES rating (id),
    department      TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('OPEN', 'CONTACTED', 'REPLIED', 'LEDGER', 'CLOSED',
                                                           'WITHDRAWN')),
    opened_at       TIMESTAMPTZ NOT NULL,
    contact_due     TIMESTAMPTZ NOT NULL,
    reply_due       TIMESTAMPTZ NOT NULL,
    contacted_at    TIMESTAMPTZ,
    contacted_by    TEXT,
    contact_note    TEXT CHECK (length(contact_note) <= 2000),
    replied_at      TIMESTAMPTZ,
    replied_by      TEXT,
    reply           TEXT CHECK (length(reply) <= 4000),
    rectified       BOOLEAN,
    -- The reply explains that there is no legal basis for what was asked.
    no_legal_basis  BOOLEAN     NOT NULL DEFAULT FALSE,
    promised_date   DATE,
    -- The citizen's answer to the reply: was it put right?
    citizen_verdict TEXT CHECK (citizen_verdict IN ('PUT_RIGHT', 'NOT_PUT_RIGHT')),
    verdict_at      TIMESTAMPTZ,
    warned_at       TIMESTAMPTZ,
    escalated_at    TIMESTAMPTZ,
    version         INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX follow_up_by_department ON follow_up (department, status, reply_due);
CREATE INDEX follow_up_open_due ON follow_up (reply_due) WHERE status IN ('OPEN', 'CONTACTED');

-- What happened to a follow-up, in order (the clock's history and the staff's notes).
CREATE TABLE follow_up_event (
    id           BIGSERIAL PRIMARY KEY,
    follow_up_id UUID        NOT NULL REFERENCES follow_up (id),
    at           TIMESTAMPTZ NOT NULL,
    kind         TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    detail       JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX follow_up_event_by_follow_up ON follow_up_event (follow_up_id, id);

-- A department says a rating is malicious; only a supervisor of the services administration decides.
CREATE TABLE rating_flag (
    id          UUID PRIMARY KEY,
    rating_id   UUID        NOT NULL REFERENCES rating (id),
    department  TEXT        NOT NULL,
    flagged_by  TEXT        NOT NULL,
    reason      TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    flagged_at  TIMESTAMPTZ NOT NULL,
    decision    TEXT CHECK (decision IN ('EXCLUDED', 'KEPT')),
    decided_by  TEXT,
    decided_at  TIMESTAMPTZ,
    decision_note TEXT CHECK (length(decision_note) <= 2000)
);
-- One undecided flag per rating at a time.
CREATE UNIQUE INDEX rating_flag_one_open ON rating_flag (rating_id) WHERE decision IS NULL;
