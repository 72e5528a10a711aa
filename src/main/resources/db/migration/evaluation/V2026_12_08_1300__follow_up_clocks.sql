-- Follow-ups (issue 17, part followup): when the department is warned that the reply is nearly due. Kept on the
-- row, computed once on the working-day calendar when the follow-up opens, so that the sweep on any node claims
-- the warning with one conditional UPDATE and never needs the calendar in SQL.
ALTER TABLE follow_up ADD COLUMN warn_at TIMESTAMPTZ;
UPDATE follow_up SET warn_at = reply_due WHERE warn_at IS NULL;
ALTER TABLE follow_up ALTER COLUMN warn_at SET NOT NULL;

-- The sweep looks for unwarned and unescalated follow-ups that still wait for a reply.
CREATE INDEX follow_up_to_warn ON follow_up (warn_at) WHERE status IN ('OPEN', 'CONTACTED') AND warned_at IS NULL;
CREATE INDEX follow_up_to_escalate ON follow_up (reply_due)
    WHERE status IN ('OPEN', 'CONTACTED') AND escalated_at IS NULL;

-- The public list of exclusions and the supervisor's queue read flags by decision.
CREATE INDEX rating_flag_by_decision ON rating_flag (decision, decided_at DESC);

-- Inbox kinds the follow-ups send (their lines come from the message bundle).
INSERT INTO notification_kind (template, fields, topic, samples_zh, samples_en) VALUES
    ('evaluation.follow-up.notice.opened', '{}', 'STAFF_WORK', '{}', '{}'),
    ('evaluation.follow-up.notice.due-soon', '{}', 'STAFF_WORK', '{}', '{}'),
    ('evaluation.follow-up.notice.overdue', '{}', 'STAFF_WORK', '{}', '{}'),
    ('evaluation.follow-up.notice.replied', '{}', 'RATINGS', '{}', '{}'),
    ('evaluation.flag.notice.decided', '{}', 'STAFF_WORK', '{}', '{}')
ON CONFLICT (template) DO NOTHING;

-- The citizen hears of the reply by text and e-mail too, where they accept them.
INSERT INTO notification_template (template, channel, language, body) VALUES
    ('evaluation.follow-up.notice.replied', 'SMS', 'zh', '您对政务服务的评价已有整改答复，请登录查看并告诉我们是否已解决。'),
    ('evaluation.follow-up.notice.replied', 'SMS', 'en', 'The department has replied to your rating of our service. Please sign in to read it and tell us whether it was put right.')
ON CONFLICT (template, channel, language) DO NOTHING;
INSERT INTO notification_template (template, channel, language, subject, body) VALUES
    ('evaluation.follow-up.notice.replied', 'EMAIL', 'zh', '您的评价已有整改答复', '您对政务服务的评价已有整改答复。请登录一网通办查看答复，并告诉我们问题是否已解决。'),
    ('evaluation.follow-up.notice.replied', 'EMAIL', 'en', 'Your rating has a reply', 'The department has replied to your rating of our service. Please sign in to OneStop to read the reply and tell us whether it was put right.')
ON CONFLICT (template, channel, language) DO NOTHING;
