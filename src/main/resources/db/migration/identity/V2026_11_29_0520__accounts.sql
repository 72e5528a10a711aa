-- Departments: the city's organisation, needed in every deployment (staff belong to one).
CREATE TABLE identity_department (
    code    TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);

INSERT INTO identity_department (code, name_zh, name_en) VALUES
    ('PS', '公安局', 'Public Security Bureau'),
    ('CA', '民政局', 'Civil Affairs Bureau'),
    ('HR', '人力资源和社会保障局', 'Human Resources and Social Security Bureau'),
    ('MI', '医疗保障局', 'Medical Insurance Bureau'),
    ('MR', '市场监督管理局', 'Market Regulation Administration'),
    ('HU', '住房和城乡建设局', 'Housing and Urban-Rural Development Bureau'),
    ('TR', '交通运输局', 'Transport Bureau'),
    ('HE', '卫生健康委员会', 'Health Commission'),
    ('GS', '政务服务管理局', 'Government Services Administration');

CREATE TABLE identity_account (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      TEXT        NOT NULL UNIQUE CHECK (username = lower(username)),
    password_hash TEXT        NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('CITIZEN', 'STAFF')),
    display_name  TEXT        NOT NULL,
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE identity_citizen (
    account_id BIGINT   PRIMARY KEY REFERENCES identity_account (id),
    id_number  CHAR(18) NOT NULL UNIQUE,
    phone      TEXT     NOT NULL
);

CREATE TABLE identity_staff (
    account_id      BIGINT PRIMARY KEY REFERENCES identity_account (id),
    department_code TEXT   NOT NULL REFERENCES identity_department (code)
);

CREATE TABLE identity_staff_role (
    account_id BIGINT NOT NULL REFERENCES identity_staff (account_id) ON DELETE CASCADE,
    role       TEXT   NOT NULL CHECK (role IN ('CLERK', 'REVIEWER', 'SUPERVISOR', 'FIELD_OFFICER', 'AGENT',
                                               'DISPATCHER', 'DEPARTMENT_HEAD', 'ADMIN', 'AUDITOR')),
    PRIMARY KEY (account_id, role)
);

-- API tokens are stored only as their SHA-256, looked up by primary key on every call.
CREATE TABLE identity_api_token (
    token_hash CHAR(64)    PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES identity_account (id),
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX identity_api_token_expiry ON identity_api_token (expires_at);

-- Failed sign-ins per typed username, whether or not such an account exists, so that a lock
-- says nothing about who has an account.
CREATE TABLE identity_sign_in_failure (
    username     TEXT        PRIMARY KEY,
    failures     INT         NOT NULL,
    locked_until TIMESTAMPTZ
);
