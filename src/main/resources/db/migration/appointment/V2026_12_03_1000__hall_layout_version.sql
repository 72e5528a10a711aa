-- Every change to the halls' layout (hall rows, groups and their matters, counters and their groups, opening hours)
-- raises one number, whoever makes it: the administration pages, the demo data, an operator's SQL. Each node keeps
-- the layouts in memory for a few seconds and reads them again when this number has moved (HallLayoutCache).
-- A sequence rather than "version + 1": a number taken by a transaction that rolls back is never handed out again.
-- The trigger's row lock also orders concurrent layout changes, so committed versions only grow.
CREATE SEQUENCE appointment_layout_version_seq;

CREATE TABLE appointment_layout_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint  NOT NULL
);

INSERT INTO appointment_layout_version (version) VALUES (nextval('appointment_layout_version_seq'));

CREATE FUNCTION appointment_layout_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE appointment_layout_version SET version = nextval('appointment_layout_version_seq');
    RETURN NULL;
END
$$;

CREATE TRIGGER appointment_service_hall_layout AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appointment_service_hall
    FOR EACH STATEMENT EXECUTE FUNCTION appointment_layout_changed();
CREATE TRIGGER appointment_group_layout AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appointment_group
    FOR EACH STATEMENT EXECUTE FUNCTION appointment_layout_changed();
CREATE TRIGGER appointment_group_matter_layout AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appointment_group_matter
    FOR EACH STATEMENT EXECUTE FUNCTION appointment_layout_changed();
CREATE TRIGGER appointment_counter_layout AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appointment_counter
    FOR EACH STATEMENT EXECUTE FUNCTION appointment_layout_changed();
CREATE TRIGGER appointment_counter_group_layout AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appointment_counter_group
    FOR EACH STATEMENT EXECUTE FUNCTION appointment_layout_changed();
CREATE TRIGGER appointment_hall_hours_layout AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appointment_hall_hours
    FOR EACH STATEMENT EXECUTE FUNCTION appointment_layout_changed();
