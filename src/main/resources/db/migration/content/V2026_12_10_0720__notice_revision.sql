-- The notices' revision (issue 18): bumped by every statement that changes content_notice, in its transaction, so a
-- node that keeps the public list in memory learns with one one-row read whether it is still current. A trigger
-- rather than a line in the Java writers, so that no writer (an editor, a script, a migration) can forget it.
CREATE TABLE content_notice_revision (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    revision BIGINT  NOT NULL
);

INSERT INTO content_notice_revision (only_row, revision) VALUES (TRUE, 0);

CREATE FUNCTION content_notice_revise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE content_notice_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER content_notice_revised AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON content_notice
    FOR EACH STATEMENT EXECUTE FUNCTION content_notice_revise();
