-- Issue 15: an application a hotline agent prepares from a call. It is not submitted until the citizen confirms it
-- (online, from the inbox link, or at a counter with the citizen present); then it becomes an application filed
-- through the HOTLINE channel by the agent. A PENDING row past expires_at counts as EXPIRED, and is marked so by
-- the next request that touches it: no timer on any node.
CREATE TABLE application_prepared (
    id                  uuid PRIMARY KEY,
    applicant           text        NOT NULL,
    applicant_id_number text        NOT NULL,
    applicant_name      text        NOT NULL,
    service_code        text        NOT NULL,
    -- What the agent typed; the registry values are read again when the citizen confirms.
    fields              jsonb       NOT NULL DEFAULT '{}',
    -- What the registries held when the agent prepared it, shown to the citizen beside the typed values.
    prefilled           jsonb       NOT NULL DEFAULT '{}',
    prepared_by         text        NOT NULL,
    prepared_by_name    text        NOT NULL,
    call_id             uuid,
    call_topic          text,
    call_at             timestamptz,
    idempotency_key     text        NOT NULL,
    status              text        NOT NULL DEFAULT 'PENDING'
        CONSTRAINT application_prepared_status_known CHECK (status IN ('PENDING', 'CONFIRMED', 'DECLINED', 'EXPIRED')),
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    closed_at           timestamptz,
    confirmed_at_counter boolean,
    confirmed_by        text,
    identity_checked    boolean,
    consent             boolean,
    application_id      uuid REFERENCES application (id),
    CONSTRAINT application_prepared_confirmed CHECK (status <> 'CONFIRMED' OR application_id IS NOT NULL)
);
-- The same Idempotency-Key from the same agent is the same prepared application, however many nodes receive it.
CREATE UNIQUE INDEX application_prepared_idempotency ON application_prepared (prepared_by, idempotency_key);
-- The citizen's list and the counter's list for the resident present.
CREATE INDEX application_prepared_by_resident ON application_prepared (applicant_id_number, created_at DESC);
