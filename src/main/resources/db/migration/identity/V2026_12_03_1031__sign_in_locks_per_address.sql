-- Sign-in lockout that costs the attacker, not the victim (issue 11). Failures are now counted per typed username
-- AND client address: five in a row lock that address out for 15 minutes, so failures from an attacker's address
-- no longer lock the real user out. The old per-username counters are transient: dropped, not converted.
DROP TABLE identity_sign_in_failure;

CREATE TABLE identity_sign_in_failure (
    username     TEXT        NOT NULL,
    client       TEXT        NOT NULL,
    failures     INT         NOT NULL,
    locked_until TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, client)
);

-- Failures per username from every address: past a threshold each further check waits a growing short delay
-- (not_before), which slows a guessing attack spread over many addresses.
CREATE TABLE identity_sign_in_backoff (
    username        TEXT        PRIMARY KEY,
    failures        INT         NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    not_before      TIMESTAMPTZ
);

-- Addresses from which a username signed in (or unlocked with a phone code) lately: they skip the back-off above,
-- so an attack from elsewhere does not keep the real user out.
CREATE TABLE identity_sign_in_address (
    username        TEXT        NOT NULL,
    client          TEXT        NOT NULL,
    last_success_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, client)
);
