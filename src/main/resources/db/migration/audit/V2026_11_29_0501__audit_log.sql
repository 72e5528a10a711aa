-- The append-only audit log. Writers insert entries with no chain position; one sealer at a time
-- (a transaction-scoped advisory lock across all nodes) gives them consecutive positions and the
-- SHA-256 hash chain shortly after, so no writer ever waits for another.
CREATE TABLE audit_entry (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    summary     TEXT        NOT NULL,
    seq         BIGINT UNIQUE,
    prev_hash   TEXT,
    hash        TEXT,
    CHECK ((seq IS NULL) = (hash IS NULL))
);

CREATE INDEX audit_entry_unsealed ON audit_entry (id) WHERE seq IS NULL;
CREATE INDEX audit_entry_subject ON audit_entry (subject, occurred_at);

-- Entries are never changed or removed: the only update allowed is sealing an unsealed entry.
CREATE FUNCTION audit_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
       AND NEW.id = OLD.id AND NEW.occurred_at = OLD.occurred_at AND NEW.actor = OLD.actor
       AND NEW.action = OLD.action AND NEW.subject = OLD.subject AND NEW.summary = OLD.summary THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_guard();

CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_guard();
