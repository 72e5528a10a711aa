-- Grows growth_bench (issue 18, target 6): 1,000,000 applications, 100,000 of them with an open staff task in
-- Flowable's runtime tables, and 1,000,000 past appointments. Every row is a copy of what OneStop itself wrote
-- for one real submission (the template process, cloned with fresh ids), spread over two years, 200,000
-- citizens, every published matter (so every department) and every hall. Idempotent: each step checks its own
-- rows first. The audit chain is appended by AuditChain.java (a hash chain is sequential).
\timing on
\set ON_ERROR_STOP on
-- Foreign keys and triggers are triggers: off for this session (the rows are made consistent by construction).
-- With them, Flowable's 400,000 execution rows alone took over half an hour on a loaded 2-core machine.
SET session_replication_role = replica;

SELECT process_instance_id AS tpl FROM application
WHERE status = 'IN_REVIEW' AND process_instance_id IS NOT NULL AND reference NOT LIKE 'GB-%'
ORDER BY created_at LIMIT 1 \gset

CREATE TEMP TABLE matters AS
SELECT row_number() OVER (ORDER BY code) - 1 AS n, code, department FROM catalog_matter;
SELECT count(*) AS matter_count FROM matters \gset

-- Applications: 1..100,000 are in review (one open task each); the rest were decided.
SELECT count(*) = 0 AS todo FROM application WHERE reference LIKE 'GB-%' \gset
\if :todo
INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
    form_revision, department, status, fields, created_at, updated_at, submitted_at, due_date, decided_at,
    process_instance_id, reference, channel)
SELECT md5('gb-app-' || i)::uuid,
       'citizen-' || (i * 7919 % 200000),
       '1101' || lpad((i * 7919 % 200000)::text, 14, '0'),
       '居民' || (i * 7919 % 200000),
       m.code, 1, 1, m.department,
       CASE WHEN i <= 100000 THEN 'IN_REVIEW' WHEN i % 10 = 0 THEN 'REJECTED' ELSE 'APPROVED' END,
       '{}'::jsonb,
       at, at, at, (at + interval '20 days')::date,
       CASE WHEN i > 100000 THEN at + interval '6 days' END,
       CASE WHEN i <= 100000 THEN 'gb-' || i || '-' || :'tpl' END,
       'GB-' || lpad(i::text, 7, '0'),
       'WEB'
FROM generate_series(1::bigint, 1000000) i
JOIN matters m ON m.n = i % :matter_count
-- Open tasks are the newest (the last 60 days); decided applications spread over two years.
CROSS JOIN LATERAL (SELECT CASE WHEN i <= 100000 THEN now() - (i % 86400 * 60) * interval '1 second'
                               ELSE now() - interval '60 days' - (i % 630) * interval '1 day' - (i % 86400) * interval '1 second'
                          END AS at) t;
\endif

-- Flowable runtime rows for the open tasks: the template process's executions, task, candidate link and
-- variables, copied with ids prefixed 'gb-<i>-', the case id, department and candidate group of application i.
SELECT count(*) = 0 AS todo FROM act_ru_task WHERE id_ LIKE 'gb-%' \gset
\if :todo
CREATE TEMP TABLE open_case AS
SELECT i, a.id::text AS case_id, a.department, a.created_at
FROM generate_series(1::bigint, 100000) i JOIN application a ON a.id = md5('gb-app-' || i)::uuid;

-- The template rows are copied aside first: joined in place, each of the 100,000 cases rescanned the table the
-- statement was growing (quadratic).
CREATE TEMP TABLE tpl_execution AS SELECT * FROM act_ru_execution WHERE proc_inst_id_ = :'tpl';
CREATE TEMP TABLE tpl_task AS SELECT * FROM act_ru_task WHERE proc_inst_id_ = :'tpl';
CREATE TEMP TABLE tpl_link AS SELECT l.* FROM act_ru_identitylink l JOIN act_ru_task t ON t.id_ = l.task_id_ WHERE t.proc_inst_id_ = :'tpl';
CREATE TEMP TABLE tpl_variable AS SELECT * FROM act_ru_variable WHERE proc_inst_id_ = :'tpl';

CREATE FUNCTION pg_temp.gb(i bigint, old text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN old IS NULL THEN NULL ELSE 'gb-' || i || '-' || old END $$;

-- Each copy lists the table's own columns (read from the catalog, so a Flowable upgrade's new columns come
-- along), with the ids and the case's own values put in place.
CREATE FUNCTION pg_temp.copy_sql(target text, template text, replaced jsonb) RETURNS text LANGUAGE sql AS $$
    SELECT format('INSERT INTO %I (%s) SELECT %s FROM %I t, open_case c', target,
                  string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
                  string_agg(coalesce(replaced ->> column_name, 't.' || quote_ident(column_name)), ', '
                             ORDER BY ordinal_position),
                  template)
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name = target
$$;

SELECT pg_temp.copy_sql('act_ru_execution', 'tpl_execution', jsonb_build_object(
    'id_', 'pg_temp.gb(c.i, t.id_)', 'proc_inst_id_', 'pg_temp.gb(c.i, t.proc_inst_id_)',
    'parent_id_', 'pg_temp.gb(c.i, t.parent_id_)', 'root_proc_inst_id_', 'pg_temp.gb(c.i, t.root_proc_inst_id_)',
    'super_exec_', 'pg_temp.gb(c.i, t.super_exec_)',
    'business_key_', 'CASE WHEN t.business_key_ IS NOT NULL THEN c.case_id END', 'start_time_', 'c.created_at'))
\gexec
SELECT pg_temp.copy_sql('act_ru_task', 'tpl_task', jsonb_build_object(
    'id_', 'pg_temp.gb(c.i, t.id_)', 'proc_inst_id_', 'pg_temp.gb(c.i, t.proc_inst_id_)',
    'execution_id_', 'pg_temp.gb(c.i, t.execution_id_)', 'create_time_', 'c.created_at'))
\gexec
SELECT pg_temp.copy_sql('act_ru_identitylink', 'tpl_link', jsonb_build_object(
    'id_', 'pg_temp.gb(c.i, t.id_)', 'task_id_', 'pg_temp.gb(c.i, t.task_id_)',
    'proc_inst_id_', 'pg_temp.gb(c.i, t.proc_inst_id_)',
    'group_id_', 'CASE WHEN t.group_id_ IS NOT NULL THEN c.department || '':REVIEWER'' END'))
\gexec
SELECT pg_temp.copy_sql('act_ru_variable', 'tpl_variable', jsonb_build_object(
    'id_', 'pg_temp.gb(c.i, t.id_)', 'execution_id_', 'pg_temp.gb(c.i, t.execution_id_)',
    'proc_inst_id_', 'pg_temp.gb(c.i, t.proc_inst_id_)', 'task_id_', 'pg_temp.gb(c.i, t.task_id_)',
    'text_', 'CASE t.name_ WHEN ''caseId'' THEN c.case_id WHEN ''department'' THEN c.department ELSE t.text_ END'))
\gexec
\endif

-- Appointments: two years of past visits, one slot a day per hall and matter group, 1,000,000 bookings.
SELECT count(*) = 0 AS todo FROM appointment WHERE booking_code LIKE 'GB%' \gset
\if :todo
INSERT INTO appointment_slot (hall, group_code, day, starts_at, ends_at, capacity, online_capacity, booked)
SELECT g.hall, g.code, d::date, d + interval '1 hour', d + interval '9 hours', 5000, 5000, 0
FROM appointment_group g, generate_series(current_date - 730, current_date - 2, interval '1 day') d
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE past_slot AS
SELECT row_number() OVER (ORDER BY s.id) - 1 AS n, s.id, s.hall, s.group_code, s.day, s.starts_at,
       (SELECT min(service_code) FROM appointment_group_matter m WHERE m.hall = s.hall AND m.group_code = s.group_code) AS service_code
FROM appointment_slot s WHERE s.day < current_date - 1;
DELETE FROM past_slot WHERE service_code IS NULL;
CREATE TEMP TABLE past_slot_n AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, hall, group_code, day, starts_at, service_code FROM past_slot;
CREATE INDEX ON past_slot_n (n);
SELECT count(*) AS slot_count FROM past_slot_n \gset

INSERT INTO appointment (id, booking_code, citizen, id_number, slot_id, hall, group_code, service_code, day,
    status, booked_at, changed_at, channel)
SELECT md5('gb-appt-' || i)::uuid, 'GB' || lpad(i::text, 8, '0'),
       'citizen-' || (i * 7919 % 200000), '1101' || lpad((i * 7919 % 200000)::text, 14, '0'),
       s.id, s.hall, s.group_code, s.service_code, s.day,
       CASE WHEN i % 10 = 0 THEN 'NO_SHOW' WHEN i % 10 = 1 THEN 'CANCELLED' ELSE 'COMPLETED' END,
       s.starts_at - interval '3 days', s.starts_at, 'WEB'
FROM generate_series(1::bigint, 1000000) i JOIN past_slot_n s ON s.n = i % :slot_count;

UPDATE appointment_slot s SET booked = b.n FROM (
    SELECT slot_id, count(*) AS n FROM appointment WHERE booking_code LIKE 'GB%' AND status <> 'CANCELLED' GROUP BY slot_id
) b WHERE s.id = b.slot_id;
\endif

-- VACUUM too, as autovacuum would have by then: the inbox counts from an index alone, which
-- it can only do once the visibility map says the rows are visible (a fresh bulk load has none).
VACUUM ANALYZE application; VACUUM ANALYZE appointment; VACUUM ANALYZE appointment_slot;
VACUUM ANALYZE act_ru_task; VACUUM ANALYZE act_ru_identitylink; VACUUM ANALYZE act_ru_variable; VACUUM ANALYZE act_ru_execution;
SELECT (SELECT count(*) FROM application) AS applications, (SELECT count(*) FROM act_ru_task) AS open_tasks,
       (SELECT count(*) FROM appointment) AS appointments;
