-- The hall queue: tickets (walk-in or checked-in appointment), their numbers, kiosks, and the hall's version.

-- Ticket numbers per hall, group and day (A001, A002, ...), raised by INSERT ... ON CONFLICT DO UPDATE.
CREATE TABLE queue_number (
    hall       text NOT NULL,
    group_code text NOT NULL,
    day        date NOT NULL,
    n          int  NOT NULL CHECK (n > 0),
    PRIMARY KEY (hall, group_code, day)
);

-- One ticket. arrived_at is kept when a ticket is transferred to another group, so it keeps its place in time.
-- window_start .. window_end is set for appointment tickets: the slot, opened 15 minutes early.
-- skips counts how often a higher-priority ticket was called ahead of this plain one (the starvation bound).
CREATE TABLE queue_ticket (
    id              uuid PRIMARY KEY,
    hall            text        NOT NULL,
    day             date        NOT NULL,
    group_code      text        NOT NULL,
    number          text        NOT NULL,
    service_code    text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('APPOINTMENT', 'WALK_IN')),
    priority        text,
    appointment_id  uuid,
    application_id  uuid,
    citizen         text,
    window_start    timestamptz,
    window_end      timestamptz,
    status          text        NOT NULL CHECK (status IN ('WAITING', 'CALLED', 'COMPLETED', 'NO_SHOW')),
    arrived_at      timestamptz NOT NULL,
    skips           int         NOT NULL DEFAULT 0 CHECK (skips >= 0),
    counter         text,
    served_by       text,
    first_called_at timestamptz,
    called_at       timestamptz,
    calls           int         NOT NULL DEFAULT 0,
    completed_at    timestamptz,
    notified_at     timestamptz,
    issued_by       text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (hall, day, number)
);
CREATE INDEX queue_ticket_waiting ON queue_ticket (hall, day, group_code, arrived_at) WHERE status = 'WAITING';
CREATE INDEX queue_ticket_called ON queue_ticket (hall, day, called_at) WHERE called_at IS NOT NULL;
CREATE INDEX queue_ticket_served ON queue_ticket (hall, group_code, completed_at) WHERE status = 'COMPLETED';
CREATE INDEX queue_ticket_history ON queue_ticket (hall, day);

-- Further priority groups of a hall (beyond age 70+ and a disability certificate), chosen by a clerk.
CREATE TABLE queue_priority_group (
    hall    text NOT NULL,
    code    text NOT NULL CHECK (code ~ '^[A-Z][A-Z_]{1,29}$'),
    name_zh text NOT NULL,
    name_en text NOT NULL,
    PRIMARY KEY (hall, code)
);

-- Kiosk devices registered to a hall. Only the SHA-256 of the device token is kept.
CREATE TABLE queue_kiosk (
    id           uuid PRIMARY KEY,
    hall         text        NOT NULL,
    name         text        NOT NULL,
    token_sha256 bytea       NOT NULL UNIQUE,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);

-- A counter is open while a clerk calls there; the estimate divides by the counters open in the last 30 minutes.
CREATE TABLE queue_counter_open (
    hall      text        NOT NULL,
    counter   text        NOT NULL,
    clerk     text        NOT NULL,
    last_seen timestamptz NOT NULL,
    PRIMARY KEY (hall, counter)
);

-- Bumped by every change to a hall's queue; each node polls it to push board updates to its own listeners.
CREATE TABLE queue_hall_version (
    hall    text   PRIMARY KEY,
    version bigint NOT NULL
);
