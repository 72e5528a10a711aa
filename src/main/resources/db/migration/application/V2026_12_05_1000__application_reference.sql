-- A reference people can quote on the phone, such as CA-2026-000123: the department's letters that begin the
-- matter code, the year the application was made in the city's time, and a number from one sequence, so that two
-- nodes never hand out the same one (the number alone identifies the application; past 999999 it grows a digit).
-- The row gets it when it is made (a draft, or a submission without one), whichever statement makes it: the
-- trigger below is the one place a reference is formed.
CREATE SEQUENCE application_reference_number;

CREATE FUNCTION application_reference(service_code text, made_at timestamptz) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    n bigint := nextval('application_reference_number');
BEGIN
    RETURN split_part(service_code, '-', 1) || '-' || to_char(made_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-'
        || lpad(n::text, greatest(6, length(n::text)), '0');
END $$;

ALTER TABLE application ADD COLUMN reference text;

-- Existing applications, oldest first.
WITH numbered AS (
    SELECT id, application_reference(service_code, created_at) AS reference
    FROM (SELECT id, service_code, created_at FROM application ORDER BY created_at, id) ordered
)
UPDATE application a SET reference = numbered.reference FROM numbered WHERE a.id = numbered.id;

ALTER TABLE application ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX application_by_reference ON application (reference);

CREATE FUNCTION application_give_reference() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.reference IS NULL THEN
        NEW.reference := application_reference(NEW.service_code, NEW.created_at);
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER application_reference BEFORE INSERT ON application
    FOR EACH ROW EXECUTE FUNCTION application_give_reference();
