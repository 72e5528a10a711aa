-- Matters and their versions. A version is written once and never changed: applications refer to it.
CREATE TABLE catalog_matter (
    code              TEXT PRIMARY KEY,
    department        TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    published_version INT,
    latest_version    INT         NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'PUBLISHED') = (published_version IS NOT NULL))
);

CREATE TABLE catalog_matter_version (
    code       TEXT        NOT NULL REFERENCES catalog_matter (code),
    version    INT         NOT NULL,
    definition JSONB       NOT NULL,
    saved_at   TIMESTAMPTZ NOT NULL,
    saved_by   TEXT        NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE FUNCTION catalog_matter_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a matter version never changes once saved: save a new version instead';
END;
$$;

CREATE TRIGGER catalog_matter_version_frozen BEFORE UPDATE OR DELETE ON catalog_matter_version
    FOR EACH ROW EXECUTE FUNCTION catalog_matter_version_frozen();

CREATE TABLE catalog_life_event (
    code       TEXT PRIMARY KEY,
    position   INT         NOT NULL,
    definition JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Every node keeps a search index in memory and follows this log. The revision row is locked by each
-- publishing transaction, so revisions commit in order and a node that has seen revision N has seen
-- every change up to N.
CREATE TABLE catalog_revision (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    revision  BIGINT  NOT NULL
);

INSERT INTO catalog_revision (revision) VALUES (0);

CREATE TABLE catalog_change (
    revision BIGINT NOT NULL,
    kind     TEXT   NOT NULL CHECK (kind IN ('MATTER', 'LIFE_EVENT', 'SYNONYMS')),
    code     TEXT   NOT NULL,
    PRIMARY KEY (revision, kind, code)
);

-- Synonym groups that administrators add to the built-in list (src/main/resources/catalog/synonyms.txt).
CREATE TABLE catalog_synonym (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    line     TEXT        NOT NULL UNIQUE,
    added_by TEXT        NOT NULL,
    added_at TIMESTAMPTZ NOT NULL
);
