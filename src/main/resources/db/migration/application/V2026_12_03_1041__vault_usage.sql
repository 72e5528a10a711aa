-- What each citizen's vault holds, so that the quota (onestop.application.vault.*) is one conditional upsert on the
-- citizen's row: two uploads at once take turns on it, and the second sees what the first added.
CREATE TABLE application_vault_usage (
    owner     text   PRIMARY KEY,
    documents int    NOT NULL,
    bytes     bigint NOT NULL
);

INSERT INTO application_vault_usage (owner, documents, bytes)
SELECT owner, count(*), coalesce(sum(size_bytes), 0) FROM application_document GROUP BY owner;
