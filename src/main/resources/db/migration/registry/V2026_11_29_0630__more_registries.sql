-- More base registries, each owned by a department (see the Registry classes), and the access log that
-- citizens read as "who used my data".
CREATE TABLE registry_marriage (
    certificate_number TEXT PRIMARY KEY,
    husband_id_number  CHAR(18) NOT NULL,
    wife_id_number     CHAR(18) NOT NULL,
    registered_on      DATE     NOT NULL,
    status             TEXT     NOT NULL CHECK (status IN ('MARRIED', 'DIVORCED'))
);
CREATE INDEX registry_marriage_husband ON registry_marriage (husband_id_number);
CREATE INDEX registry_marriage_wife ON registry_marriage (wife_id_number);

CREATE TABLE registry_social_security (
    id_number            CHAR(18) PRIMARY KEY,
    status               TEXT     NOT NULL CHECK (status IN ('CONTRIBUTING', 'SUSPENDED', 'RETIRED')),
    employer             TEXT,
    contribution_months  INT      NOT NULL CHECK (contribution_months >= 0),
    card_number          TEXT     NOT NULL,
    pension_monthly_yuan NUMERIC(10, 2)
);

CREATE TABLE registry_medical_insurance (
    id_number     CHAR(18) PRIMARY KEY,
    scheme        TEXT     NOT NULL CHECK (scheme IN ('EMPLOYEE', 'RESIDENT')),
    insured_since DATE     NOT NULL,
    status        TEXT     NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED'))
);

CREATE TABLE registry_business (
    credit_code        TEXT PRIMARY KEY,
    name               TEXT     NOT NULL,
    kind               TEXT     NOT NULL CHECK (kind IN ('INDIVIDUAL', 'COMPANY')),
    industry           TEXT     NOT NULL,
    operator_id_number CHAR(18) NOT NULL,
    address            TEXT     NOT NULL,
    registered_on      DATE     NOT NULL,
    status             TEXT     NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED'))
);
CREATE INDEX registry_business_operator ON registry_business (operator_id_number);

CREATE TABLE registry_property (
    certificate_number TEXT PRIMARY KEY,
    owner_id_number    CHAR(18) NOT NULL,
    address            TEXT     NOT NULL,
    area_m2            NUMERIC(8, 2) NOT NULL,
    use                TEXT     NOT NULL,
    registered_on      DATE     NOT NULL
);
CREATE INDEX registry_property_owner ON registry_property (owner_id_number);

CREATE TABLE registry_vehicle (
    plate           TEXT PRIMARY KEY,
    owner_id_number CHAR(18) NOT NULL,
    kind            TEXT     NOT NULL,
    brand           TEXT     NOT NULL,
    registered_on   DATE     NOT NULL
);
CREATE INDEX registry_vehicle_owner ON registry_vehicle (owner_id_number);

CREATE TABLE registry_access (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accessed_at   TIMESTAMPTZ NOT NULL,
    id_number     CHAR(18)    NOT NULL,
    registry      TEXT        NOT NULL,
    items         TEXT[]      NOT NULL,
    accessor      TEXT        NOT NULL,
    accessor_kind TEXT        NOT NULL CHECK (accessor_kind IN ('CITIZEN', 'OFFICIAL', 'SYSTEM')),
    department    TEXT,
    purpose       TEXT        NOT NULL
);
CREATE INDEX registry_access_citizen ON registry_access (id_number, accessed_at DESC);
