-- Form definitions: one or more revisions per matter version, kept as data and edited by administrators.
CREATE TABLE application_form (
    service_code   text        NOT NULL,
    matter_version int         NOT NULL,
    revision       int         NOT NULL,
    definition     jsonb       NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    PRIMARY KEY (service_code, matter_version, revision)
);

-- A citizen's application, from draft to decision. Statuses: DRAFT, SUBMITTED, IN_REVIEW, AWAITING_CITIZEN,
-- FIELD_VISIT, SUPERVISOR_REVIEW, APPROVED, REJECTED, WITHDRAWN.
CREATE TABLE application (
    id                  uuid PRIMARY KEY,
    applicant           text        NOT NULL,
    applicant_id_number text        NOT NULL,
    applicant_name      text        NOT NULL,
    service_code        text        NOT NULL,
    matter_version      int         NOT NULL,
    form_revision       int         NOT NULL,
    department          text        NOT NULL,
    status              text        NOT NULL,
    fields              jsonb       NOT NULL DEFAULT '{}',
    sources             jsonb       NOT NULL DEFAULT '{}',
    disputes            jsonb       NOT NULL DEFAULT '{}',
    document_ids        jsonb       NOT NULL DEFAULT '[]',
    explanation         text,
    precheck            jsonb       NOT NULL DEFAULT '[]',
    idempotency_key     text,
    request_hash        text,
    bundle_id           uuid,
    process_instance_id text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    submitted_at        timestamptz,
    due_date            date,
    clock_stopped_on    date,
    supplement_rounds   int         NOT NULL DEFAULT 0,
    decided_at          timestamptz,
    decision            jsonb,
    certificate_code    text,
    CONSTRAINT application_status_known CHECK (status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'AWAITING_CITIZEN',
        'FIELD_VISIT', 'SUPERVISOR_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN'))
);
-- The same Idempotency-Key from the same citizen is the same application, however many nodes receive it.
CREATE UNIQUE INDEX application_idempotency ON application (applicant, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- One open draft per citizen and matter: the form resumes it from any device.
CREATE UNIQUE INDEX application_one_draft ON application (applicant, service_code) WHERE status = 'DRAFT';
CREATE INDEX application_by_applicant ON application (applicant, created_at DESC);
CREATE INDEX application_by_department ON application (department, status);
CREATE INDEX application_rejections ON application (applicant_id_number, service_code, decided_at) WHERE status = 'REJECTED';

-- What happened to an application, in order: the citizen's timeline and the staff's history.
CREATE TABLE application_event (
    id             bigserial PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id),
    at             timestamptz NOT NULL,
    kind           text        NOT NULL,
    actor          text        NOT NULL,
    detail         jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX application_event_by_application ON application_event (application_id, id);

-- What the government asks of the citizen: a supplement (every missing item at once), a consultation.
CREATE TABLE application_request (
    id             uuid PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id),
    kind           text        NOT NULL CHECK (kind IN ('SUPPLEMENT', 'CONSULTATION')),
    items          jsonb       NOT NULL DEFAULT '[]',
    reason         text,
    requested_by   text        NOT NULL,
    requested_at   timestamptz NOT NULL,
    answered_at    timestamptz,
    answer         jsonb
);
CREATE INDEX application_request_open ON application_request (application_id) WHERE answered_at IS NULL;

-- A citizen says a registry holds a wrong value: the registry's owner gets a correction request.
CREATE TABLE correction_request (
    id              uuid PRIMARY KEY,
    application_id  uuid        NOT NULL REFERENCES application (id),
    resident        text        NOT NULL,
    field           text        NOT NULL,
    item            text        NOT NULL,
    department      text        NOT NULL,
    registry_value  text,
    citizen_value   text        NOT NULL,
    comment         text,
    status          text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CORRECTED', 'DECLINED')),
    created_at      timestamptz NOT NULL,
    resolved_at     timestamptz,
    resolved_by     text,
    resolution_note text,
    UNIQUE (application_id, field)
);
CREATE INDEX correction_request_open ON correction_request (department, created_at) WHERE status = 'OPEN';

-- Decisions taken with discretion (no mechanical rejection): readable by auditors, never changed.
CREATE TABLE discretion_log (
    id             bigserial PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id),
    at             timestamptz NOT NULL,
    actor          text        NOT NULL,
    department     text        NOT NULL,
    outcome        text        NOT NULL,
    adjusted_rule  text,
    justification  text        NOT NULL
);

-- In-person visits (counter check-ins) made for an application.
CREATE TABLE application_trip (
    id             bigserial PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id),
    at             timestamptz NOT NULL,
    hall           text,
    purpose        text        NOT NULL,
    recorded_by    text        NOT NULL
);

-- Life-event bundles: one form, one application per matter.
CREATE TABLE application_bundle (
    id          uuid PRIMARY KEY,
    applicant   text        NOT NULL,
    life_event  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    idempotency_key text    NOT NULL,
    UNIQUE (applicant, idempotency_key)
);

CREATE OR REPLACE FUNCTION discretion_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never changed or removed', TG_TABLE_NAME;
END $$;
CREATE TRIGGER discretion_log_append_only BEFORE UPDATE OR DELETE ON discretion_log
    FOR EACH ROW EXECUTE FUNCTION discretion_log_refuse_change();
