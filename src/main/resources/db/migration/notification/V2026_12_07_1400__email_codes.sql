-- Proving an e-mail address (issue 16): a 6-digit code is e-mailed to the address a citizen gave; only its BCrypt hash
-- is kept, with the address it went to. One live code per person (a new one replaces it), valid 10 minutes and for
-- 5 tries. The codes issued are counted per person and city day in the same row, by one upsert, so that two nodes
-- together still issue no more than the day's limit.
CREATE TABLE notification_email_code (
    username    TEXT        PRIMARY KEY,
    email       TEXT        NOT NULL CHECK (length(email) <= 254),
    code_hash   TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    tries_left  INTEGER     NOT NULL CHECK (tries_left >= 0),
    day         DATE        NOT NULL,
    issued      INTEGER     NOT NULL
);

-- The code's message: e-mail only (the address is what is being proved), never withheld by preferences.
INSERT INTO notification_kind (template, fields, topic, quiet_hours_exempt)
VALUES ('notification.email.verify-code', ARRAY ['code', 'minutes'], 'CODES', TRUE)
ON CONFLICT (template) DO NOTHING;

INSERT INTO notification_template (template, channel, language, subject, body, html_body)
VALUES ('notification.email.verify-code', 'EMAIL', 'zh', 'OneStop 邮箱验证码',
        '您的 OneStop 邮箱验证码是 ((code))，((minutes)) 分钟内有效。请在“消息通知设置”页面输入它以确认这个邮箱地址。'
            || E'\n\n' || '如果这不是您本人的操作，请忽略本邮件，此地址不会收到 OneStop 的其他消息。',
        '<p>您的 OneStop 邮箱验证码是 <strong>((code))</strong>，((minutes)) 分钟内有效。请在“消息通知设置”页面输入它以确认这个邮箱地址。</p>'
            || '<p>如果这不是您本人的操作，请忽略本邮件，此地址不会收到 OneStop 的其他消息。</p>'),
       ('notification.email.verify-code', 'EMAIL', 'en', 'Your OneStop e-mail code',
        'Your OneStop code is ((code)). It is valid for ((minutes)) minutes. Enter it on the notification settings page'
            || ' to confirm this e-mail address.' || E'\n\n'
            || 'If you did not ask for it, ignore this e-mail: this address will receive nothing else from OneStop.',
        '<p>Your OneStop code is <strong>((code))</strong>. It is valid for ((minutes)) minutes. Enter it on the'
            || ' notification settings page to confirm this e-mail address.</p>'
            || '<p>If you did not ask for it, ignore this e-mail: this address will receive nothing else from OneStop.</p>')
ON CONFLICT (template, channel, language) DO NOTHING;
