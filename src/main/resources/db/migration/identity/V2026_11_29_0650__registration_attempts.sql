-- Registration attempts per client address and hour: a registry lookup by name and ID number must not
-- be open to unlimited guessing.
CREATE TABLE identity_registration_attempt (
    client       TEXT        PRIMARY KEY,
    window_start TIMESTAMPTZ NOT NULL,
    attempts     INT         NOT NULL
);
