-- Demo history (issue 17): twelve months of plausible activity for the demo city, so that /figures shows something
-- real on first start, and the same rows at a large scale for the figures benchmark (src/bench/figures).
--
-- Set-based and deterministic: every value comes from md5 of the row's number (never random()), so the same
-- settings give the same rows. The caller creates history_settings (one row: applications, tickets, conversations,
-- ratings, today, zone) in the same transaction and checks history_present first; the matters, halls and groups are
-- read from the catalog and the halls at run time.
--
-- Recognisable and apart from live rows: ids are UUIDs whose first group is 17a0…17af (one per table) and whose last
-- group is the row number; applicants are pseudonymous residents history.NNNNNN with no account (nobody's own pages
-- fill with them); actors are "history"; tickets' numbers start with H. Every row lies before "today": nothing is
-- left open for staff to work on. Run by psql (generate.sh) and by Spring's ScriptUtils (HistoryDemoData).

-- The planner's estimates for generate_series are far off; compiling these statements would cost more than running
-- them.
SET LOCAL jit = off;

CREATE TEMP TABLE history_workday ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY d))::int AS i, d::date AS day
FROM history_settings s
CROSS JOIN generate_series(s.today - 430, s.today + 90, interval '1 day') d
LEFT JOIN platform_calendar_day c ON c.day = d::date
WHERE CASE c.kind WHEN 'WORKDAY' THEN TRUE WHEN 'HOLIDAY' THEN FALSE ELSE extract(isodow FROM d) < 6 END;

CREATE UNIQUE INDEX ON history_workday (i);

-- Each calendar day's next working day (itself when it is one): where a clock that starts on that day starts.
CREATE TEMP TABLE history_next_workday ON COMMIT DROP AS
SELECT d::date AS day, (SELECT min(w.i) FROM history_workday w WHERE w.day >= d::date) AS i
FROM history_settings s
CROSS JOIN generate_series(s.today - 430, s.today + 60, interval '1 day') d;

CREATE UNIQUE INDEX ON history_next_workday (day);

-- The published matters, what they promise and what they ask for.
CREATE TEMP TABLE history_matter ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY m.code))::int AS k,
       m.code,
       m.department,
       m.published_version AS version,
       coalesce((SELECT max(f.revision) FROM application_form f
                 WHERE f.service_code = m.code AND f.matter_version = m.published_version), 1) AS form_revision,
       greatest(coalesce((v.definition ->> 'promisedDays')::int, 10), 1) AS promised_days,
       coalesce((v.definition ->> 'maxTrips')::int, 1) AS max_trips,
       coalesce(v.definition ->> 'channel', 'HYBRID') AS matter_channel,
       coalesce((SELECT jsonb_object_agg(d ->> 'key', 'history') FROM jsonb_array_elements(v.definition -> 'dataItems') d
                 WHERE d ->> 'key' IS NOT NULL), '{}'::jsonb) AS fields,
       coalesce((SELECT jsonb_object_agg(d ->> 'key', d ->> 'source') FROM jsonb_array_elements(v.definition -> 'dataItems') d
                 WHERE d ->> 'key' IS NOT NULL AND d ->> 'source' IS NOT NULL AND d ->> 'source' <> 'CITIZEN'),
                '{}'::jsonb) AS prefilled,
       coalesce((SELECT d ->> 'key' FROM jsonb_array_elements(v.definition -> 'documents') d
                 WHERE d ->> 'provision' <> 'GOVERNMENT_HOLDS' LIMIT 1), 'supporting-document') AS asked_item,
       (SELECT count(*) FROM appointment_group_matter g WHERE g.service_code = m.code)::int AS halls
FROM catalog_matter m
JOIN catalog_matter_version v ON v.code = m.code AND v.version = m.published_version
WHERE m.status = 'PUBLISHED';

-- The twelve months as working-day numbers, and how many matters there are to choose from.
CREATE TEMP TABLE history_span ON COMMIT DROP AS
SELECT min(w.i) FILTER (WHERE w.day >= s.today - 365) AS first,
       max(w.i) FILTER (WHERE w.day < s.today) AS last,
       count(*) FILTER (WHERE w.day >= s.today - 365 AND w.day < s.today) AS days,
       (SELECT count(*) FROM history_matter) AS matters,
       (SELECT count(*) FROM history_matter WHERE halls > 0) AS hall_matters
FROM history_workday w, history_settings s
GROUP BY s.today;

CREATE TEMP TABLE history_matter_hall ON COMMIT DROP AS
SELECT service_code, (row_number() OVER (PARTITION BY service_code ORDER BY hall))::int AS j, hall, group_code
FROM appointment_group_matter;

-- One row per generated application: every choice made once, read by the statements below.
CREATE TEMP TABLE history_app ON COMMIT DROP AS
WITH u AS MATERIALIZED (
    SELECT n,
           ('x' || substr(a, 1, 8))::bit(32)::bigint / 4294967296.0::float8 AS u1,
           ('x' || substr(a, 9, 8))::bit(32)::bigint / 4294967296.0::float8 AS u2,
           ('x' || substr(a, 17, 8))::bit(32)::bigint / 4294967296.0::float8 AS u3,
           ('x' || substr(a, 25, 8))::bit(32)::bigint / 4294967296.0::float8 AS u4,
           ('x' || substr(b, 1, 8))::bit(32)::bigint / 4294967296.0::float8 AS u5,
           ('x' || substr(b, 9, 8))::bit(32)::bigint / 4294967296.0::float8 AS u6,
           ('x' || substr(b, 17, 8))::bit(32)::bigint / 4294967296.0::float8 AS u7,
           ('x' || substr(b, 25, 8))::bit(32)::bigint / 4294967296.0::float8 AS u8,
           ('x' || substr(c, 1, 8))::bit(32)::bigint / 4294967296.0::float8 AS u9,
           ('x' || substr(c, 9, 8))::bit(32)::bigint / 4294967296.0::float8 AS u10,
           ('x' || substr(c, 17, 8))::bit(32)::bigint / 4294967296.0::float8 AS u11,
           ('x' || substr(c, 25, 8))::bit(32)::bigint / 4294967296.0::float8 AS u12
    FROM (SELECT n, md5('history:a:' || n) AS a, md5('history:b:' || n) AS b, md5('history:c:' || n) AS c
          FROM history_settings s, generate_series(1, s.applications) n) r
), chosen AS (
    SELECT u.*, m.*, span.first, span.last,
           -- More applications in recent months (the city's take-up grows).
           span.first + floor(power(u.u1, 0.8) * (span.last - span.first + 1))::int AS si
    FROM u
    CROSS JOIN history_span span
    JOIN history_matter m ON m.k = 1 + floor(power(u.u2, 1.4) * span.matters)::int
), shaped AS (
    SELECT c.*,
           (c.si - c.first)::numeric / greatest(c.last - c.first, 1) AS progress,
           CASE WHEN c.u5 < 0.12 - 0.07 * (c.si - c.first)::numeric / greatest(c.last - c.first, 1)
                THEN c.promised_days + 1 + floor(c.u4 * 6)::int
                ELSE greatest(1, round(c.promised_days * (0.2 + 0.75 * c.u4)))::int END AS wd,
           CASE WHEN c.u6 < 0.03 THEN 2 WHEN c.u6 < 0.15 - 0.06 * (c.si - c.first)::numeric / greatest(c.last - c.first, 1)
                THEN 1 ELSE 0 END AS rounds
    FROM chosen c
), channelled AS (
    SELECT s.*,
           CASE WHEN s.matter_channel = 'OFFLINE' THEN FALSE
                WHEN s.halls = 0 THEN TRUE
                ELSE s.u3 < (CASE s.matter_channel WHEN 'ONLINE' THEN 0.70 ELSE 0.45 END) + 0.25 * s.progress END AS online
    FROM shaped s
), placed AS MATERIALIZED (
    SELECT c.*,
           -- Decided before today: an application that would still be open starts earlier instead.
           c.si - greatest(0, c.si + c.wd + 3 * c.rounds - c.last) AS start_i,
           CASE WHEN c.online THEN CASE WHEN c.u9 < 0.55 THEN 'WEB' WHEN c.u9 < 0.94 THEN 'MOBILE_WEB' ELSE 'DELEGATED' END
                ELSE CASE WHEN c.u9 < 0.72 THEN 'COUNTER' WHEN c.u9 < 0.88 THEN 'HOTLINE' ELSE 'KIOSK' END END AS channel,
           CASE WHEN c.halls = 0 THEN 0
                WHEN c.online THEN CASE WHEN c.rounds > 0 AND c.u10 < 0.35 THEN 1 ELSE 0 END
                WHEN c.u9 < 0.88 AND c.u9 >= 0.72 THEN c.rounds
                ELSE 1 + c.rounds END AS trips
    FROM channelled c
)
SELECT p.n,
       ('17a00000-0000-4000-8000-' || lpad(to_hex(p.n), 12, '0'))::uuid AS id,
       'history.' || lpad((1 + (p.n::bigint * 7919) % greatest(s.applications / 3, 10))::text, 6, '0') AS applicant,
       p.code, p.department, p.version, p.form_revision, p.promised_days, p.max_trips, p.asked_item,
       p.fields,
       CASE WHEN p.u11 < 0.55 + 0.3 * p.progress THEN p.prefilled
            WHEN p.u11 < 0.85 THEN (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
                                    FROM jsonb_each(p.prefilled) e WHERE e.key IN ('name', 'idNumber'))
            ELSE '{}'::jsonb END AS sources,
       p.channel, p.online, p.wd, p.rounds, p.trips,
       p.u7 < 0.08 AS rejected,
       p.u7 < 0.02 AS held,
       p.u7 < 0.008 AS reversed,
       p.u12 < 0.45 + 0.3 * p.progress AS document_reused,
       p.u8 AS u_hall, p.u10 AS u_wait, p.u11 AS u_minutes, p.u12 AS u_time, p.u4 AS u_rating,
       ws.day AS submitted_day,
       (ws.day + time '08:30' + p.u12 * interval '9 hours') AT TIME ZONE s.zone AS submitted_at,
       wdue.day AS due_date,
       wd.day AS decided_day,
       (wd.day + time '09:00' + p.u11 * interval '8 hours') AT TIME ZONE s.zone AS decided_at,
       p.start_i
FROM placed p
CROSS JOIN history_settings s
JOIN history_workday ws ON ws.i = p.start_i
JOIN history_workday wd ON wd.i = p.start_i + p.wd + 3 * p.rounds
JOIN history_workday wdue ON wdue.i = p.start_i + p.promised_days;

CREATE UNIQUE INDEX ON history_app (n);

ANALYZE history_workday;

ANALYZE history_matter;

ANALYZE history_app;

INSERT INTO application_document (id, owner, title, content_type, size_bytes, sha256, origin, added_at, added_by)
SELECT ('17a10000-0000-4000-8000-' || lpad(to_hex(a.n), 12, '0'))::uuid, a.applicant, a.asked_item,
       'application/pdf', 40000 + (a.n % 900) * 1000, md5('history:doc:' || a.n) || md5('history:doc2:' || a.n),
       CASE WHEN a.document_reused THEN 'ISSUED' ELSE 'UPLOADED' END,
       CASE WHEN a.document_reused THEN a.submitted_at - interval '90 days' ELSE a.submitted_at - interval '3 minutes' END,
       CASE WHEN a.channel = 'COUNTER' THEN 'history' END
FROM history_app a
ON CONFLICT DO NOTHING;

INSERT INTO application_vault_usage (owner, documents, bytes)
SELECT a.applicant, count(*), sum(40000 + (a.n % 900) * 1000) FROM history_app a GROUP BY a.applicant
ON CONFLICT (owner) DO UPDATE SET documents = application_vault_usage.documents + excluded.documents,
                                  bytes = application_vault_usage.bytes + excluded.bytes;

INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
                         form_revision, department, status, fields, sources, document_ids, idempotency_key,
                         created_at, updated_at, submitted_at, due_date, supplement_rounds, decided_at, decision,
                         working_days_to_decision, channel, hall, filed_by, filed_by_name)
SELECT a.id, a.applicant, 'H' || lpad(substr(a.applicant, 9), 17, '0'), '样本居民 ' || substr(a.applicant, 9),
       a.code, a.version, a.form_revision, a.department,
       CASE WHEN a.rejected AND NOT a.reversed THEN 'REJECTED' ELSE 'APPROVED' END,
       a.fields, a.sources, jsonb_build_array(('17a10000-0000-4000-8000-' || lpad(to_hex(a.n), 12, '0'))),
       'history:' || a.n,
       a.submitted_at - interval '12 minutes', a.decided_at, a.submitted_at, a.due_date, a.rounds, a.decided_at,
       jsonb_build_object('outcome', CASE WHEN a.rejected AND NOT a.reversed THEN 'REJECTED' ELSE 'APPROVED' END,
                          'by', 'history', 'at', to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                          'reason', CASE WHEN a.rejected AND NOT a.reversed THEN 'NOT_ELIGIBLE' END),
       a.wd, a.channel,
       CASE WHEN a.channel IN ('COUNTER', 'KIOSK') THEN h.hall END,
       CASE WHEN a.channel IN ('COUNTER', 'HOTLINE') THEN 'history' END,
       CASE WHEN a.channel IN ('COUNTER', 'HOTLINE') THEN '历史数据' END
FROM history_app a
LEFT JOIN history_matter m ON m.code = a.code
LEFT JOIN history_matter_hall h ON h.service_code = a.code AND h.j = 1 + floor(a.u_hall * greatest(m.halls, 1))::int
ON CONFLICT DO NOTHING;

-- The timeline the figures read: submission, supplements, rejections (held for a supervisor, confirmed or reversed),
-- the decision.
INSERT INTO application_event (application_id, at, kind, actor, detail)
SELECT a.id, e.at, e.kind, 'history', e.detail
FROM history_app a
CROSS JOIN LATERAL (VALUES
    (1, a.submitted_at, 'SUBMITTED', '{}'::jsonb),
    (2, a.submitted_at + interval '1 day', 'SUPPLEMENT_REQUESTED', jsonb_build_object('items', jsonb_build_array(a.asked_item))),
    (3, a.submitted_at + interval '4 days', 'SUPPLEMENT_REQUESTED', jsonb_build_object('items', jsonb_build_array(a.asked_item))),
    (4, a.decided_at - interval '2 days', 'REJECTION_HELD', jsonb_build_object('reason', 'NOT_ELIGIBLE')),
    (5, a.decided_at, 'SUPERVISOR_APPROVE_WITH_ADJUSTMENT', '{}'::jsonb),
    (6, a.decided_at, 'REJECTED', jsonb_build_object('reason', 'NOT_ELIGIBLE')),
    (7, a.decided_at, 'APPROVED', '{}'::jsonb)
) AS e(step, at, kind, detail)
WHERE e.step = 1
   OR (e.step = 2 AND a.rounds >= 1)
   OR (e.step = 3 AND a.rounds >= 2)
   OR (e.step = 4 AND a.held)
   OR (e.step = 5 AND a.reversed)
   OR (e.step = 6 AND a.rejected AND NOT a.reversed)
   OR (e.step = 7 AND NOT (a.rejected AND NOT a.reversed))
ORDER BY a.n, e.step;

INSERT INTO application_request (id, application_id, kind, items, reason, requested_by, requested_at, answered_at, answer)
SELECT ('17a20000-0000-4' || lpad(r::text, 3, '0') || '-8000-' || lpad(to_hex(a.n), 12, '0'))::uuid, a.id,
       'SUPPLEMENT', jsonb_build_array(a.asked_item), NULL, 'history',
       a.submitted_at + (1 + 3 * (r - 1)) * interval '1 day', a.submitted_at + (3 + 3 * (r - 1)) * interval '1 day',
       '{}'::jsonb
FROM history_app a
CROSS JOIN LATERAL generate_series(1, a.rounds) r
ON CONFLICT DO NOTHING;

-- Hall visits. Every trip of an application is a completed ticket (trips are counted from tickets, not from what the
-- catalog claims), and further visits that filed nothing (asking, collecting) come on top, up to the tickets setting.
CREATE TEMP TABLE history_visit ON COMMIT DROP AS
WITH trip AS (
    SELECT a.n AS app_n, t, a.id AS application_id, a.code, a.applicant,
           -- At the counter the first visit files the application; online, a visit brings what was asked for.
           a.submitted_at - interval '40 minutes' + (t - 1 + a.online::int) * interval '3 days' AS arrived_base, a.u_hall, a.u_wait, a.u_minutes
    FROM history_app a
    CROSS JOIN LATERAL generate_series(1, a.trips) t
), numbered AS (
    SELECT (row_number() OVER (ORDER BY app_n, t))::bigint AS v, trip.* FROM trip
), extra AS (
    SELECT s.tickets - (SELECT count(*) FROM numbered) AS missing, s.applications FROM history_settings s
), walk_in AS (
    SELECT (SELECT count(*) FROM numbered) + x AS v, NULL::bigint AS app_n, 1 AS t, NULL::uuid AS application_id,
           m.code,
           CASE WHEN ('x' || substr(md5('history:v:' || x), 1, 8))::bit(32)::bigint % 3 = 0 THEN NULL
                ELSE 'history.' || lpad((1 + (x::bigint * 104729) % greatest(e.applications / 3, 10))::text, 6, '0') END AS applicant,
           (w.day + time '08:45' + ('x' || substr(md5('history:v:' || x), 9, 8))::bit(32)::bigint / 4294967296.0::float8
                * interval '8 hours') AT TIME ZONE s.zone AS arrived_base,
           ('x' || substr(md5('history:v:' || x), 17, 8))::bit(32)::bigint / 4294967296.0::float8 AS u_hall,
           ('x' || substr(md5('history:v:' || x), 25, 8))::bit(32)::bigint / 4294967296.0::float8 AS u_wait,
           ('x' || substr(md5('history:w:' || x), 1, 8))::bit(32)::bigint / 4294967296.0::float8 AS u_minutes
    FROM extra e
    CROSS JOIN history_settings s
    CROSS JOIN history_span sp
    CROSS JOIN LATERAL generate_series(1, greatest(e.missing, 0)) x
    JOIN (SELECT code, (row_number() OVER (ORDER BY code))::int AS hk FROM history_matter WHERE halls > 0) m
      ON m.hk = 1 + ((x * 31) % sp.hall_matters)::int
    JOIN history_workday w ON w.i = sp.first + ((x * 7) % sp.days)::int
), visits AS (
    SELECT v, app_n, application_id, code, applicant, arrived_base, u_hall, u_wait, u_minutes FROM numbered
    UNION ALL
    SELECT v, app_n, application_id, code, applicant, arrived_base, u_hall, u_wait, u_minutes FROM walk_in
)
SELECT v.v,
       ('17a30000-0000-4000-8000-' || lpad(to_hex(v.v), 12, '0'))::uuid AS ticket_id,
       ('17a40000-0000-4000-8000-' || lpad(to_hex(v.v), 12, '0'))::uuid AS appointment_id,
       v.app_n, v.application_id, v.code, v.applicant, h.hall, h.group_code,
       -- A third of the visits were booked (more as booking spreads); walk-ins without an account cannot book.
       v.applicant IS NOT NULL AND v.u_minutes < 0.35 AS booked,
       v.arrived_base AS arrived_at,
       -- Minutes from arrival to the first call: short when booked, a long tail for walk-ins; PS matters at the
       -- east hall queue longest (a cause the heads' page should find).
       round((CASE WHEN v.applicant IS NOT NULL AND v.u_minutes < 0.35 THEN 2 + 14 * power(v.u_wait, 2)
                   ELSE 3 + 60 * power(v.u_wait, 2) END)
             * CASE WHEN h.hall = 'HALL-EAST' AND v.code LIKE 'PS-%' THEN 1.8 ELSE 1 END)::int AS wait_minutes,
       5 + floor(v.u_hall * 1000)::int % 20 AS service_minutes
FROM visits v
JOIN history_matter m ON m.code = v.code
JOIN history_matter_hall h ON h.service_code = v.code AND h.j = 1 + floor(v.u_hall * greatest(m.halls, 1))::int;

CREATE UNIQUE INDEX ON history_visit (v);

ANALYZE history_visit;

INSERT INTO appointment_slot (hall, group_code, day, starts_at, ends_at, capacity, online_capacity, booked)
SELECT hall, group_code, (date_trunc('hour', arrived_at) AT TIME ZONE s.zone)::date, date_trunc('hour', arrived_at),
       date_trunc('hour', arrived_at) + interval '1 hour', count(*), count(*), count(*)
FROM history_visit, history_settings s
WHERE booked
GROUP BY hall, group_code, (date_trunc('hour', arrived_at) AT TIME ZONE s.zone)::date, date_trunc('hour', arrived_at)
ON CONFLICT DO NOTHING;

INSERT INTO appointment (id, booking_code, citizen, id_number, slot_id, hall, group_code, service_code, day,
                         application_id, status, booked_at, changed_at, channel)
SELECT v.appointment_id, 'H' || lpad(v.v::text, 9, '0'), v.applicant, 'H' || lpad(substr(v.applicant, 9), 17, '0'),
       sl.id, v.hall, v.group_code, v.code, sl.day, v.application_id, 'COMPLETED',
       v.arrived_at - interval '3 days', v.arrived_at + (v.wait_minutes + v.service_minutes) * interval '1 minute',
       CASE WHEN v.v % 5 = 0 THEN 'MOBILE_WEB' ELSE 'WEB' END
FROM history_visit v
JOIN appointment_slot sl ON sl.hall = v.hall AND sl.group_code = v.group_code AND sl.starts_at = date_trunc('hour', v.arrived_at)
WHERE v.booked
ON CONFLICT DO NOTHING;

INSERT INTO queue_ticket (id, hall, day, group_code, number, service_code, kind, appointment_id, application_id, citizen,
                          window_start, window_end, status, arrived_at, counter, served_by, first_called_at, called_at,
                          calls, completed_at, issued_by, updated_at, channel)
SELECT v.ticket_id, v.hall, (v.arrived_at AT TIME ZONE s.zone)::date, v.group_code, v.group_code || 'H' || v.v,
       v.code, CASE WHEN v.booked THEN 'APPOINTMENT' ELSE 'WALK_IN' END,
       CASE WHEN v.booked THEN v.appointment_id END, v.application_id, v.applicant,
       CASE WHEN v.booked THEN date_trunc('hour', v.arrived_at) - interval '15 minutes' END,
       CASE WHEN v.booked THEN date_trunc('hour', v.arrived_at) + interval '1 hour' END,
       'COMPLETED', v.arrived_at, v.group_code || '1', 'history',
       v.arrived_at + v.wait_minutes * interval '1 minute', v.arrived_at + v.wait_minutes * interval '1 minute', 1,
       v.arrived_at + (v.wait_minutes + v.service_minutes) * interval '1 minute', 'history',
       v.arrived_at + (v.wait_minutes + v.service_minutes) * interval '1 minute',
       CASE WHEN v.booked AND v.v % 4 = 0 THEN 'MOBILE_WEB' WHEN v.booked THEN 'WEB'
            WHEN v.v % 3 = 0 THEN 'KIOSK' ELSE 'COUNTER' END
FROM history_visit v, history_settings s
ON CONFLICT DO NOTHING;

INSERT INTO application_trip (application_id, at, hall, purpose, recorded_by, ticket)
SELECT v.application_id, v.arrived_at + (v.wait_minutes + v.service_minutes) * interval '1 minute', v.hall,
       CASE WHEN v.v = min(v.v) OVER (PARTITION BY v.application_id) THEN 'filing' ELSE 'supplement' END,
       'history', v.ticket_id
FROM history_visit v
WHERE v.application_id IS NOT NULL
ON CONFLICT DO NOTHING;

-- Assistant conversations: most answered by the assistant, some handed to a person after a wait.
INSERT INTO assistant_conversation (id, channel, contact_channel, citizen, owner_key, pool, locale, handoff, topic,
                                    started_at, last_seen_at, person_requested_at, messages_to_queue, queued_at,
                                    agent, connected_at, ended_at, outcome, helpful, version)
SELECT ('17a50000-0000-4000-8000-' || lpad(to_hex(x), 12, '0'))::uuid,
       CASE WHEN q.u1 < 0.3 THEN 'PHONE' ELSE 'WEB' END,
       CASE WHEN q.u1 < 0.3 THEN 'HOTLINE' WHEN q.u1 < 0.7 THEN 'MOBILE_WEB' ELSE 'WEB' END,
       CASE WHEN q.u2 < 0.6 THEN 'history.' || lpad((1 + (x::bigint * 7907) % greatest(s.applications / 3, 10))::text, 6, '0') END,
       CASE WHEN q.u2 >= 0.6 THEN 'history:' || x END,
       'GS', CASE WHEN q.u3 < 0.1 THEN 'en' ELSE 'zh' END,
       CASE WHEN q.handed THEN 'ENDED' ELSE 'NONE' END,
       m.code, t.started, t.started + interval '6 minutes',
       CASE WHEN q.handed THEN t.started + interval '2 minutes' END,
       CASE WHEN q.handed THEN 1 END,
       CASE WHEN q.handed THEN t.started + interval '2 minutes' END,
       CASE WHEN q.handed THEN 'history' END,
       CASE WHEN q.handed THEN t.started + interval '2 minutes' + q.person_seconds * interval '1 second' END,
       t.started + interval '2 minutes' + (CASE WHEN q.handed THEN q.person_seconds + 300 ELSE 120 END) * interval '1 second',
       CASE WHEN q.handed THEN CASE WHEN q.u3 < 0.7 THEN 'RESOLVED' WHEN q.u3 < 0.9 THEN 'INFORMATION_GIVEN' ELSE 'REFERRED' END END,
       CASE WHEN q.u4 < 0.8 THEN TRUE WHEN q.u4 < 0.9 THEN FALSE END,
       1
FROM history_settings s
CROSS JOIN history_span sp
CROSS JOIN LATERAL generate_series(1, s.conversations) x
CROSS JOIN LATERAL (
    SELECT ('x' || substr(h, 1, 8))::bit(32)::bigint / 4294967296.0::float8 AS u1,
           ('x' || substr(h, 9, 8))::bit(32)::bigint / 4294967296.0::float8 AS u2,
           ('x' || substr(h, 17, 8))::bit(32)::bigint / 4294967296.0::float8 AS u3,
           ('x' || substr(h, 25, 8))::bit(32)::bigint / 4294967296.0::float8 AS u4,
           ('x' || substr(h, 1, 8))::bit(32)::bigint % 100 < 22 AS handed,
           -- Time to a person: mostly under a minute, a tail of several minutes.
           (15 + 600 * power(('x' || substr(h, 9, 8))::bit(32)::bigint % 1000 / 1000.0::float8, 3))::int AS person_seconds,
           1 + (x % sp.matters)::int AS k,
           sp.first + (x * 13 % sp.days)::int AS i
    FROM (SELECT md5('history:q:' || x) AS h) hh
) q
JOIN history_matter m ON m.k = q.k
JOIN history_workday w ON w.i = q.i
CROSS JOIN LATERAL (SELECT (w.day + time '08:00' + (x % 600) * interval '1 minute') AT TIME ZONE s.zone AS started) t
ON CONFLICT DO NOTHING;

-- Rating invitations for every finished service (decided applications, completed tickets and appointments, ended
-- conversations), then a deterministic share of them rated, enough for the ratings setting.
INSERT INTO rating_invitation (subject_type, subject_id, citizen, department, service_code, hall, channel, finished_at,
                               invited_at)
SELECT 'APPLICATION', a.id::text, a.applicant, a.department, a.code, NULL, a.channel, a.decided_at, a.decided_at
FROM history_app a
UNION ALL
SELECT 'TICKET', v.ticket_id::text, v.applicant, m.department, v.code, v.hall,
       CASE WHEN v.booked AND v.v % 4 = 0 THEN 'MOBILE_WEB' WHEN v.booked THEN 'WEB' WHEN v.v % 3 = 0 THEN 'KIOSK' ELSE 'COUNTER' END,
       v.arrived_at + (v.wait_minutes + v.service_minutes) * interval '1 minute',
       v.arrived_at + (v.wait_minutes + v.service_minutes) * interval '1 minute'
FROM history_visit v JOIN history_matter m ON m.code = v.code
UNION ALL
SELECT 'APPOINTMENT', v.appointment_id::text, v.applicant, m.department, v.code, v.hall,
       CASE WHEN v.v % 5 = 0 THEN 'MOBILE_WEB' ELSE 'WEB' END,
       v.arrived_at + (v.wait_minutes + v.service_minutes) * interval '1 minute',
       v.arrived_at + (v.wait_minutes + v.service_minutes) * interval '1 minute'
FROM history_visit v JOIN history_matter m ON m.code = v.code
WHERE v.booked
UNION ALL
SELECT 'CONVERSATION', c.id::text, c.citizen, 'GS', c.topic, NULL, c.contact_channel, c.ended_at, c.ended_at
FROM assistant_conversation c
WHERE c.id::text LIKE '17a50000-0000-4000-8000-%'
ON CONFLICT DO NOTHING;

-- What each rated service put its citizen through: the facts the level and the reasons follow from.
CREATE TEMP TABLE history_rated ON COMMIT DROP AS
WITH subjects AS (
    SELECT (row_number() OVER (ORDER BY i.subject_type, i.subject_id))::bigint AS r, i.subject_type, i.subject_id,
           i.citizen, i.department, i.service_code, i.hall, i.channel, i.finished_at
    FROM rating_invitation i
    CROSS JOIN history_settings st
    WHERE i.subject_id LIKE '17a_0000-0000-4000-8000-%'
      -- The last days' services are invited and not rated yet: no follow-up of history is left open.
      AND i.finished_at < (st.today - 12) AT TIME ZONE st.zone
), total AS (
    SELECT count(*) AS subjects FROM subjects
), facts AS (
    SELECT s.*,
           ('x' || substr(md5('history:r:' || s.r), 1, 8))::bit(32)::bigint / 4294967296.0::float8 AS u1,
           ('x' || substr(md5('history:r:' || s.r), 9, 8))::bit(32)::bigint / 4294967296.0::float8 AS u2,
           ('x' || substr(md5('history:r:' || s.r), 17, 8))::bit(32)::bigint / 4294967296.0::float8 AS u3,
           coalesce(a.rejected AND NOT a.reversed, FALSE) AS rejected, coalesce(a.rounds, 0) AS rounds, a.version,
           coalesce(a.trips > a.max_trips, FALSE) AS over_trips,
           coalesce(v1.wait_minutes, v2.wait_minutes, 0) AS wait_minutes,
           coalesce(a.wd > a.promised_days, FALSE) AS late,
           coalesce(c.handoff = 'ENDED', FALSE) AS handed
    FROM subjects s
    LEFT JOIN history_app a ON s.subject_type = 'APPLICATION' AND a.id::text = s.subject_id
    LEFT JOIN history_visit v1 ON s.subject_type = 'TICKET' AND v1.ticket_id::text = s.subject_id
    LEFT JOIN history_visit v2 ON s.subject_type = 'APPOINTMENT' AND v2.appointment_id::text = s.subject_id
    LEFT JOIN assistant_conversation c ON s.subject_type = 'CONVERSATION' AND c.id::text = s.subject_id
), scored AS (
    SELECT f.*,
           -- Lower is worse: a burden the citizen met pulls the rating down.
           f.u2 - 0.14 * f.rejected::int - 0.07 * f.rounds - 0.10 * f.over_trips::int
               - 0.004 * greatest(f.wait_minutes - 20, 0) - 0.06 * f.late::int - 0.02 * f.handed::int
               AS score
    FROM facts f
)
SELECT s.*,
       ('17a60000-0000-4000-8000-' || lpad(to_hex(s.r), 12, '0'))::uuid AS rating_id,
       CASE WHEN s.score < 0.02 THEN 1 WHEN s.score < 0.06 THEN 2 WHEN s.score < 0.13 THEN 3 WHEN s.score < 0.38 THEN 4
            ELSE 5 END AS level
FROM scored s, total t, history_settings st
WHERE s.u1 < st.ratings::numeric / greatest(t.subjects, 1);

INSERT INTO rating (id, subject_type, subject_id, citizen, department, service_code, hall, channel, level, reasons,
                    comment, verified, given_through, created_at, changed_at, version, excluded)
SELECT r.rating_id, r.subject_type, r.subject_id, r.citizen, r.department, r.service_code, r.hall, r.channel, r.level,
       CASE WHEN r.level <= 3 THEN array_remove(ARRAY[
                CASE WHEN r.rounds > 0 THEN 'DOCUMENTS_ALREADY_HELD' END,
                CASE WHEN r.over_trips THEN 'MORE_THAN_ONE_TRIP' END,
                CASE WHEN r.wait_minutes > 30 THEN 'WAITED_TOO_LONG' END,
                CASE WHEN r.rejected THEN 'REJECTED_WITHOUT_EXPLANATION' END,
                CASE WHEN r.late THEN 'SLOW_DECISION' END,
                CASE WHEN NOT (r.rounds > 0 OR r.over_trips OR r.wait_minutes > 30 OR r.rejected OR r.late)
                     THEN (ARRAY['STAFF_ATTITUDE', 'HARD_TO_UNDERSTAND', 'SYSTEM_PROBLEM', 'OTHER'])[1 + floor(r.u3 * 4)::int] END
            ], NULL)
            WHEN r.u3 < 0.5 THEN ARRAY[(ARRAY['QUICK', 'NO_DOCUMENTS_NEEDED', 'HELPFUL_STAFF', 'CLEAR_GUIDANCE'])[1 + floor(r.u3 * 8)::int]]
            ELSE '{}' END,
       NULL,
       r.citizen IS NOT NULL,
       CASE WHEN r.subject_type = 'TICKET' AND r.citizen IS NULL THEN 'PAD'
            WHEN r.subject_type = 'TICKET' AND r.u3 < 0.5 THEN 'PAD'
            WHEN r.channel = 'MOBILE_WEB' THEN 'MOBILE_WEB' ELSE 'WEB' END,
       r.finished_at + (10 + floor(r.u3 * 2000)) * interval '1 minute',
       r.finished_at + (10 + floor(r.u3 * 2000)) * interval '1 minute', 0, FALSE
FROM history_rated r
ON CONFLICT DO NOTHING;

-- Traced to its cause: for every rating of 基本满意 or worse, what OneStop knew of the service.
INSERT INTO rating_cause (rating_id, kind, key, detail)
SELECT r.rating_id, c.kind, c.key, c.detail
FROM history_rated r
CROSS JOIN LATERAL (VALUES
    ('MATTER', r.service_code, jsonb_build_object('version', r.version), r.service_code IS NOT NULL),
    ('RULE', 'precheck-' || r.service_code || ':rule-1', '{}'::jsonb, r.rejected OR (r.rounds > 0 AND r.u3 < 0.5)),
    ('REJECTION', 'NOT_ELIGIBLE', '{}'::jsonb, r.rejected),
    ('SUPPLEMENT', coalesce((SELECT m.asked_item FROM history_matter m WHERE m.code = r.service_code), 'document'),
        jsonb_build_object('rounds', r.rounds), r.rounds > 0),
    ('TRIPS', 'over-max', '{}'::jsonb, r.over_trips),
    ('WAIT', coalesce(r.hall, 'hall'), jsonb_build_object('minutes', r.wait_minutes), r.wait_minutes > 30 AND r.hall IS NOT NULL),
    ('HANDOFF', 'assistant-to-agent', '{}'::jsonb, coalesce(r.handed, FALSE))
) AS c(kind, key, detail, applies)
WHERE r.level <= 3 AND c.applies AND c.key IS NOT NULL
UNION ALL
SELECT r.rating_id, 'REASON', reason, '{}'::jsonb
FROM history_rated r
CROSS JOIN LATERAL unnest(CASE WHEN r.level <= 3 THEN array_remove(ARRAY[
                CASE WHEN r.rounds > 0 THEN 'DOCUMENTS_ALREADY_HELD' END,
                CASE WHEN r.over_trips THEN 'MORE_THAN_ONE_TRIP' END,
                CASE WHEN r.wait_minutes > 30 THEN 'WAITED_TOO_LONG' END,
                CASE WHEN r.rejected THEN 'REJECTED_WITHOUT_EXPLANATION' END,
                CASE WHEN r.late THEN 'SLOW_DECISION' END], NULL) ELSE '{}' END) reason
ON CONFLICT DO NOTHING;

-- Follow-ups of the bad verified ratings: contacted within a working day and replied within the department's
-- working days, mostly; a few late, a few on the ledger with a promised date.
INSERT INTO follow_up (id, rating_id, department, status, opened_at, contact_due, reply_due, warn_at, contacted_at, contacted_by,
                       contact_note, replied_at, replied_by, reply, rectified, promised_date, citizen_verdict,
                       verdict_at, version)
SELECT ('17a70000-0000-4000-8000-' || lpad(to_hex(f.r), 12, '0'))::uuid, f.rating_id, f.department,
       CASE WHEN f.ledger THEN 'LEDGER' ELSE 'CLOSED' END,
       f.opened, f.contact_due, f.reply_due,
       f.reply_due - interval '1 day',
       f.opened + (CASE WHEN f.u < 0.92 THEN 3 ELSE 30 END) * interval '1 hour', 'history', '已电话联系市民核实情况。',
       CASE WHEN f.u < 0.87 THEN f.reply_due - interval '1 day' ELSE f.reply_due + interval '2 days' END, 'history',
       CASE WHEN f.ledger THEN '需要调整系统，已列入整改台账，将在承诺日期前完成。' ELSE '已核实并整改，感谢您的评价。' END,
       NOT f.ledger, CASE WHEN f.ledger THEN (f.reply_due AT TIME ZONE st.zone)::date + 60 END,
       CASE WHEN f.u < 0.75 THEN 'PUT_RIGHT' WHEN f.u < 0.85 THEN 'NOT_PUT_RIGHT' END,
       CASE WHEN f.u < 0.85 THEN f.reply_due + interval '2 days' END, 2
FROM (
    SELECT r.*, rt.created_at AS opened,
           ('x' || substr(md5('history:f:' || r.r), 1, 8))::bit(32)::bigint / 4294967296.0::float8 AS u,
           ('x' || substr(md5('history:f:' || r.r), 9, 8))::bit(32)::bigint % 100 < 6 AS ledger,
           (wc.day + (rt.created_at AT TIME ZONE st.zone)::time) AT TIME ZONE st.zone AS contact_due,
           (wr.day + (rt.created_at AT TIME ZONE st.zone)::time) AT TIME ZONE st.zone AS reply_due
    FROM history_rated r
    CROSS JOIN history_settings st
    JOIN rating rt ON rt.id = r.rating_id
    JOIN history_next_workday wo ON wo.day = (rt.created_at AT TIME ZONE st.zone)::date
    JOIN history_workday wc ON wc.i = wo.i + 1
    JOIN history_workday wr ON wr.i = wo.i + coalesce((SELECT d.reply_working_days FROM evaluation_department d
                                                       WHERE d.department = r.department), 5)
    WHERE r.level <= 2 AND r.citizen IS NOT NULL
) f
CROSS JOIN history_settings st
ON CONFLICT DO NOTHING;
