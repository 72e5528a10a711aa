-- Issue 17 (causes): the ratings' figures read one city month at a time (ratings by the month they were given,
-- follow-ups by the month they were opened, fell due or were judged by the citizen), and ask which months changed
-- since the last refresh; with 5 million ratings each of these must be a range scan, not a sweep of the table.
CREATE INDEX rating_created_for_figures ON rating (created_at);
CREATE INDEX follow_up_opened_for_figures ON follow_up (opened_at);
CREATE INDEX follow_up_due_for_figures ON follow_up (reply_due);
CREATE INDEX follow_up_verdict_for_figures ON follow_up (verdict_at) WHERE verdict_at IS NOT NULL;
CREATE INDEX follow_up_replied_for_figures ON follow_up (replied_at) WHERE replied_at IS NOT NULL;
CREATE INDEX rating_flag_decided_for_figures ON rating_flag (decided_at) WHERE decided_at IS NOT NULL;
