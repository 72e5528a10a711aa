-- Issue 17 (review fixes, part fixe).

-- The first reply, kept when a follow-up on the ledger is answered again once the fix is done: whether the
-- department replied on time is decided by the first reply (a promise on the ledger by the due time is a reply on
-- time), and the citizen still reads what was promised beside the final answer.
ALTER TABLE follow_up ADD COLUMN first_replied_at TIMESTAMPTZ;
ALTER TABLE follow_up ADD COLUMN first_reply TEXT CHECK (length(first_reply) <= 4000);
UPDATE follow_up SET first_replied_at = replied_at, first_reply = reply WHERE replied_at IS NOT NULL;

-- The head is told once when nobody contacted the citizen by the contact (verify) deadline; the sweep on any node
-- claims it with one conditional UPDATE.
ALTER TABLE follow_up ADD COLUMN contact_escalated_at TIMESTAMPTZ;
CREATE INDEX follow_up_contact_to_escalate ON follow_up (contact_due)
    WHERE status = 'OPEN' AND contact_escalated_at IS NULL;

-- When the row last changed, set by every update of the follow-up store, so that the figures ask "which follow-ups
-- changed since the last refresh" with one index instead of an OR over five unindexed columns. Rows written by
-- the demo generators and tests without it take the database's time.
ALTER TABLE follow_up ADD COLUMN changed_at TIMESTAMPTZ;
UPDATE follow_up SET changed_at = greatest(opened_at, contacted_at, replied_at, verdict_at, warned_at, escalated_at);
ALTER TABLE follow_up ALTER COLUMN changed_at SET DEFAULT now();
ALTER TABLE follow_up ALTER COLUMN changed_at SET NOT NULL;
CREATE INDEX follow_up_changed ON follow_up (changed_at);

-- The head's inbox line for a missed contact deadline.
INSERT INTO notification_kind (template, fields, topic, samples_zh, samples_en) VALUES
    ('evaluation.follow-up.notice.contact-overdue', '{}', 'STAFF_WORK', '{}', '{}')
ON CONFLICT (template) DO NOTHING;

-- The causes page reads a department's bad ratings of up to a year for every view: a partial index holds only
-- those (about one rating in ten), in the order of the period.
CREATE INDEX rating_bad_by_department ON rating (department, created_at) WHERE level <= 2 AND NOT excluded;
