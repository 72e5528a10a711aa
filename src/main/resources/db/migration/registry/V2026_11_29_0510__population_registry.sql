-- The population registry (人口库), owned by the Public Security department.
CREATE TABLE registry_resident (
    id_number          CHAR(18) PRIMARY KEY,
    name               TEXT     NOT NULL,
    sex                CHAR(1)  NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date         DATE     NOT NULL,
    ethnicity          TEXT     NOT NULL,
    registered_address TEXT     NOT NULL,
    household_number   TEXT     NOT NULL,
    marital_status     TEXT     NOT NULL CHECK (marital_status IN ('UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED')),
    phone              TEXT
);

CREATE INDEX registry_resident_household ON registry_resident (household_number);
