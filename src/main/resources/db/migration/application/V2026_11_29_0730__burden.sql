-- Working days from submission to decision, counted with the working-day calendar when the decision is taken.
ALTER TABLE application ADD COLUMN working_days_to_decision int;

-- The burden an application put on its citizen (promise P8), one row per submitted application, for the
-- insight module to publish: what was prefilled versus typed, disputed, uploaded versus reused, supplement
-- rounds, rejections (including those held for a supervisor), trips, and working days to the decision.
CREATE VIEW application_burden AS
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
            WHERE v.origin = 'UPLOADED' AND v.added_at >= a.created_at)::int AS documents_uploaded,
       (SELECT count(*) FROM jsonb_array_elements_text(a.document_ids) d
            JOIN application_document v ON v.id = d::uuid
            WHERE v.origin = 'ISSUED' OR v.added_at < a.created_at)::int AS documents_reused,
       a.supplement_rounds,
       -- A rejection held for a supervisor and later confirmed is one rejection, not two.
       greatest((SELECT count(*) FROM application_event e WHERE e.application_id = a.id AND e.kind = 'REJECTED'),
                (SELECT count(*) FROM application_event e WHERE e.application_id = a.id AND e.kind = 'REJECTION_HELD'))::int
           AS rejections,
       (SELECT count(*) FROM application_trip t WHERE t.application_id = a.id)::int AS trips,
       a.working_days_to_decision
FROM application a
WHERE a.status <> 'DRAFT';
