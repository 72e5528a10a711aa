-- Issue 15: the burden figures split by channel (P8: online against offline). The view gains the application's
-- channel, hall and counter at the end (CREATE OR REPLACE VIEW may only add columns there). A paper the citizen
-- brought and a clerk scanned at the counter (origin COUNTER) was a document the citizen had to provide: it counts
-- as uploaded, like one uploaded online.
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
            WHERE v.origin IN ('UPLOADED', 'COUNTER') AND v.added_at >= a.created_at)::int AS documents_uploaded,
       (SELECT count(*) FROM jsonb_array_elements_text(a.document_ids) d
            JOIN application_document v ON v.id = d::uuid
            WHERE v.origin = 'ISSUED' OR v.added_at < a.created_at)::int AS documents_reused,
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
