-- How each service hall works: booking settings, opening hours, matter groups, counters, staff, capacity.
ALTER TABLE appointment_service_hall
    ADD COLUMN walk_in_share      numeric(3, 2) NOT NULL DEFAULT 0.30 CHECK (walk_in_share BETWEEN 0 AND 1),
    ADD COLUMN booking_days_ahead int           NOT NULL DEFAULT 7 CHECK (booking_days_ahead BETWEEN 1 AND 60),
    ADD COLUMN booking_opens_at   time          NOT NULL DEFAULT '08:00',
    ADD COLUMN slot_minutes       int           NOT NULL DEFAULT 15 CHECK (slot_minutes BETWEEN 5 AND 120),
    ADD COLUMN daily_limit        int           NOT NULL DEFAULT 3 CHECK (daily_limit BETWEEN 1 AND 20),
    ADD COLUMN max_skips          int           NOT NULL DEFAULT 3 CHECK (max_skips BETWEEN 0 AND 50);

-- Opening hours per ISO weekday (1 = Monday). A public holiday closes the hall whatever the weekday.
CREATE TABLE appointment_hall_hours (
    hall    text NOT NULL REFERENCES appointment_service_hall (code),
    weekday int  NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens   time NOT NULL,
    closes  time NOT NULL CHECK (closes > opens),
    PRIMARY KEY (hall, weekday)
);

-- Matter groups (A = household and ID, …): the unit of queues, numbers and capacity.
CREATE TABLE appointment_group (
    hall            text NOT NULL REFERENCES appointment_service_hall (code),
    code            text NOT NULL CHECK (code ~ '^[A-Z]$'),
    name_zh         text NOT NULL,
    name_en         text NOT NULL,
    service_minutes int  NOT NULL CHECK (service_minutes BETWEEN 1 AND 240),
    PRIMARY KEY (hall, code)
);

CREATE TABLE appointment_group_matter (
    hall         text NOT NULL,
    group_code   text NOT NULL,
    service_code text NOT NULL,
    PRIMARY KEY (hall, service_code),
    FOREIGN KEY (hall, group_code) REFERENCES appointment_group (hall, code)
);

CREATE TABLE appointment_counter (
    hall    text NOT NULL REFERENCES appointment_service_hall (code),
    id      text NOT NULL,
    name_zh text NOT NULL,
    name_en text NOT NULL,
    PRIMARY KEY (hall, id)
);

CREATE TABLE appointment_counter_group (
    hall       text NOT NULL,
    counter    text NOT NULL,
    group_code text NOT NULL,
    PRIMARY KEY (hall, counter, group_code),
    FOREIGN KEY (hall, counter) REFERENCES appointment_counter (hall, id),
    FOREIGN KEY (hall, group_code) REFERENCES appointment_group (hall, code)
);

-- Staff who may work the counters of a hall.
CREATE TABLE appointment_hall_staff (
    hall     text NOT NULL REFERENCES appointment_service_hall (code),
    username text NOT NULL,
    PRIMARY KEY (hall, username)
);

-- A day's change of counters for a group (more staff on a busy day, fewer on a training day).
CREATE TABLE appointment_capacity_change (
    hall           text        NOT NULL,
    group_code     text        NOT NULL,
    day            date        NOT NULL,
    counters_delta int         NOT NULL CHECK (counters_delta BETWEEN -100 AND 1000),
    reason         text        NOT NULL,
    changed_by     text        NOT NULL,
    changed_at     timestamptz NOT NULL,
    PRIMARY KEY (hall, group_code, day),
    FOREIGN KEY (hall, group_code) REFERENCES appointment_group (hall, code)
);

-- Bookable time slots, made when first needed. booked never passes online_capacity: the conditional UPDATE
-- that books a place is the only writer that raises it, and this check is the last line of defence.
CREATE TABLE appointment_slot (
    id              bigserial PRIMARY KEY,
    hall            text        NOT NULL,
    group_code      text        NOT NULL,
    day             date        NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    capacity        int         NOT NULL CHECK (capacity >= 0),
    online_capacity int         NOT NULL CHECK (online_capacity >= 0 AND online_capacity <= capacity),
    booked          int         NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= online_capacity),
    UNIQUE (hall, group_code, starts_at),
    FOREIGN KEY (hall, group_code) REFERENCES appointment_group (hall, code)
);
CREATE INDEX appointment_slot_by_day ON appointment_slot (hall, group_code, day);

CREATE TABLE appointment (
    id             uuid PRIMARY KEY,
    booking_code   text        NOT NULL UNIQUE,
    citizen        text        NOT NULL,
    id_number      text        NOT NULL,
    slot_id        bigint      NOT NULL REFERENCES appointment_slot (id),
    hall           text        NOT NULL,
    group_code     text        NOT NULL,
    service_code   text        NOT NULL,
    day            date        NOT NULL,
    application_id uuid,
    status         text        NOT NULL CHECK (status IN ('BOOKED', 'CANCELLED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')),
    booked_at      timestamptz NOT NULL,
    changed_at     timestamptz NOT NULL
);
-- One active appointment per citizen and matter: the unique index decides between parallel bookings.
CREATE UNIQUE INDEX appointment_one_active ON appointment (citizen, service_code) WHERE status = 'BOOKED';
CREATE INDEX appointment_by_citizen ON appointment (citizen, day);
CREATE INDEX appointment_by_hall_day ON appointment (hall, day, status);
CREATE INDEX appointment_by_id_number ON appointment (id_number, day) WHERE status = 'BOOKED';

-- Bookings per citizen and day, raised by a conditional UPDATE like a slot: the daily limit holds under races.
CREATE TABLE appointment_citizen_day (
    citizen text NOT NULL,
    day     date NOT NULL,
    booked  int  NOT NULL DEFAULT 0 CHECK (booked >= 0),
    PRIMARY KEY (citizen, day)
);

-- Online booking suspended after repeated no-shows; walk-in tickets are never affected.
CREATE TABLE appointment_suspension (
    id        bigserial PRIMARY KEY,
    citizen   text        NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at   timestamptz NOT NULL,
    reason    text        NOT NULL,
    lifted_at timestamptz,
    lifted_by text,
    lift_note text
);
CREATE INDEX appointment_suspension_active ON appointment_suspension (citizen, ends_at) WHERE lifted_at IS NULL;

-- A citizen asks a person to look at their suspension.
CREATE TABLE appointment_appeal (
    id          uuid PRIMARY KEY,
    citizen     text        NOT NULL,
    reason      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    decided_at  timestamptz,
    decided_by  text,
    outcome     text CHECK (outcome IN ('LIFTED', 'UPHELD')),
    note        text
);
