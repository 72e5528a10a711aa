-- Electronic certificates (电子证照) issued for approved applications. What a verifier may see is only what the
-- certificate itself prints, so the holder's ID number is kept masked and never whole.
CREATE TABLE certificate (
    code               TEXT        PRIMARY KEY,
    application_id     UUID        NOT NULL UNIQUE,
    service_code       TEXT        NOT NULL,
    matter_name_zh     TEXT        NOT NULL,
    matter_name_en     TEXT,
    department_code    TEXT        NOT NULL,
    department_name_zh TEXT        NOT NULL,
    department_name_en TEXT,
    holder_name        TEXT        NOT NULL,
    holder_id_masked   TEXT        NOT NULL CHECK (holder_id_masked ~ '^[0-9]{6}\*{8}[0-9]{3}[0-9X]$'),
    issued_on          DATE        NOT NULL,
    issued_at          TIMESTAMPTZ NOT NULL,
    status             TEXT        NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID', 'REVOKED'))
);
