-- Review fix (issue 15): a paper scanned at the counter (origin COUNTER) is scanned before the clerk files the
-- application, so "added before the application was created" made every counter scan count as reused. A counter
-- scan now counts as uploaded for the first submitted application that names it, and as reused for every later
-- one. Same columns in the same order.
CREATE OR REPLACE VIEW application_burden AS
SELECT a.id AS application_id,
       a.service_code,
       a.department,
       a.status,
       a.submitted_at,
       a.decided_at,
       (SELECT count(*) FROM jsonb_object_keys(a.sources))::int AS fields_prefilled,
       ((SELECT count(*) FROM jsonb_object_keys(a.fields)) - (SELECT count(*) FROM jsonb_object_keys(a.sources)))::int
           AS fields_typed,
       (SELECT count(*) FROM jsonb_object_keys(a.disputes))::int AS values_disputed,
       (SELECT count(*) FROM jsonb_array_elements_text(a.document_ids) d
            JOIN application_document v ON v.id = d::uuid
            WHERE (v.origin = 'UPLOADED' AND v.added_at >= a.created_at)
               OR (v.origin = 'COUNTER' AND NOT EXISTS (
                   SELECT 1 FROM application b
                   WHERE b.id <> a.id AND b.status <> 'DRAFT' AND b.document_ids ? d
                     AND (b.created_at, b.id) < (a.created_at, a.id))))::int AS documents_uploaded,
       (SELECT count(*) FROM jsonb_array_elements_text(a.document_ids) d
            JOIN application_document v ON v.id = d::uuid
            WHERE v.origin = 'ISSUED'
               OR (v.origin = 'UPLOADED' AND v.added_at < a.created_at)
               OR (v.origin = 'COUNTER' AND EXISTS (
                   SELECT 1 FROM application b
                   WHERE b.id <> a.id AND b.status <> 'DRAFT' AND b.document_ids ? d
                     AND (b.created_at, b.id) < (a.created_at, a.id))))::int AS documents_reused,
       a.supplement_rounds,
       -- A rejection held for a supervisor and later confirmed is one rejection, not two.
       greatest((SELECT count(*) FROM application_event e WHERE e.application_id = a.id AND e.kind = 'REJECTED'),
                (SELECT count(*) FROM application_event e WHERE e.application_id = a.id AND e.kind = 'REJECTION_HELD'))::int
           AS rejections,
       (SELECT count(*) FROM application_trip t WHERE t.application_id = a.id)::int AS trips,
       a.working_days_to_decision,
       a.channel,
       a.hall,
       a.counter
FROM application a
WHERE a.status <> 'DRAFT';
