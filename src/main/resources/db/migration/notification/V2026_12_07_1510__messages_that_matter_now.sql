-- Messages that matter now (issue 16): the hall's calls, appointment and callback reminders, one-time codes and rating
-- invitations. Their inbox line comes from the message bundle (no INBOX template); texts and e-mails from here. Fields
-- are named in the order of the sender's Message.arguments. The hall's calls and the same-day reminder may be texted in
-- quiet hours: they are useless the next morning. ON CONFLICT keeps a kind another part seeded first as it is.
INSERT INTO notification_kind (template, fields, topic, quiet_hours_exempt) VALUES
    ('queue.notice.three-away',          ARRAY['number', 'hall'],                   'HALL_QUEUE',   TRUE),
    ('queue.notice.your-turn',           ARRAY['number', 'counter', 'hall'],        'HALL_QUEUE',   TRUE),
    ('appointment.reminder.day-before',  ARRAY['date', 'time', 'hall', 'code'],     'APPOINTMENTS', FALSE),
    ('appointment.reminder.same-day',    ARRAY['time', 'hall', 'code'],             'APPOINTMENTS', TRUE),
    ('assistant.callback.confirmed',     ARRAY['when', 'phone'],                    'CALLBACKS',    FALSE),
    ('assistant.callback.reminder',      ARRAY['when', 'phone'],                    'CALLBACKS',    FALSE),
    ('identity.code.registration',       ARRAY['code', 'minutes'],                  'CODES',        TRUE),
    ('identity.code.password-reset',     ARRAY['code', 'minutes'],                  'CODES',        TRUE),
    ('identity.code.unlock',             ARRAY['code', 'minutes'],                  'CODES',        TRUE),
    ('identity.code.phone-change',       ARRAY['code', 'minutes'],                  'CODES',        TRUE),
    ('rating.invitation',                ARRAY['service', 'link'],                  'RATINGS',      FALSE)
ON CONFLICT (template) DO NOTHING;

-- Texts: the renderer puts the signature 【…】 in front.
INSERT INTO notification_template (template, channel, language, body) VALUES
    ('queue.notice.three-away', 'SMS', 'zh', '您的号码((number))前面还有不到三位，请到((hall))等候叫号。'),
    ('queue.notice.three-away', 'SMS', 'en', 'Your number ((number)) is less than three places from the front. Please wait near the counters at ((hall)).'),
    ('queue.notice.your-turn', 'SMS', 'zh', '请((number))号到((counter))办理（((hall))）。'),
    ('queue.notice.your-turn', 'SMS', 'en', 'It is your turn: number ((number)), please go to ((counter)) (((hall))).'),
    ('appointment.reminder.day-before', 'SMS', 'zh', '提醒：您预约了明天（((date))）((time))在((hall))办事，预约号((code))。不能来请在网上取消。'),
    ('appointment.reminder.day-before', 'SMS', 'en', 'Reminder: your appointment is tomorrow (((date))) at ((time)), at ((hall)). Booking code ((code)). If you cannot come, please cancel online.'),
    ('appointment.reminder.same-day', 'SMS', 'zh', '提醒：您今天((time))在((hall))有预约，预约号((code))，请按时到场取号。'),
    ('appointment.reminder.same-day', 'SMS', 'en', 'Reminder: your appointment is today at ((time)), at ((hall)). Booking code ((code)); please arrive on time and take your number.'),
    ('assistant.callback.confirmed', 'SMS', 'zh', '已为您预约回拨：我们将在((when))致电((phone))。'),
    ('assistant.callback.confirmed', 'SMS', 'en', 'Your call back is booked: we will call ((phone)) at ((when)).'),
    ('assistant.callback.reminder', 'SMS', 'zh', '提醒：我们将在((when))左右致电((phone))回拨，请保持电话畅通。'),
    ('assistant.callback.reminder', 'SMS', 'en', 'Reminder: we will call ((phone)) back at about ((when)). Please keep your phone at hand.'),
    ('identity.code.registration', 'SMS', 'zh', '您的注册验证码是((code))，((minutes))分钟内有效。请勿告诉他人。'),
    ('identity.code.registration', 'SMS', 'en', 'Your registration code is ((code)), valid for ((minutes)) minutes. Do not share it with anyone.'),
    ('identity.code.password-reset', 'SMS', 'zh', '您正在重设密码，验证码是((code))，((minutes))分钟内有效。不是本人操作请忽略。'),
    ('identity.code.password-reset', 'SMS', 'en', 'Your code to reset your password is ((code)), valid for ((minutes)) minutes. If you did not ask for it, ignore this message.'),
    ('identity.code.unlock', 'SMS', 'zh', '您正在解除登录锁定，验证码是((code))，((minutes))分钟内有效。请勿告诉他人。'),
    ('identity.code.unlock', 'SMS', 'en', 'Your code to unlock your sign-in is ((code)), valid for ((minutes)) minutes. Do not share it with anyone.'),
    ('identity.code.phone-change', 'SMS', 'zh', '您正在更换手机号码，验证码是((code))，((minutes))分钟内有效。请勿告诉他人。'),
    ('identity.code.phone-change', 'SMS', 'en', 'Your code to change your phone number is ((code)), valid for ((minutes)) minutes. Do not share it with anyone.'),
    ('rating.invitation', 'SMS', 'zh', '您办理的“((service))”已完成，请为我们的服务评价：((link))'),
    ('rating.invitation', 'SMS', 'en', 'Your matter "((service))" is done. Please rate our service: ((link))')
ON CONFLICT (template, channel, language) DO NOTHING;

-- E-mails (plain text): for those who gave and proved an address. Codes are texted, never mailed.
INSERT INTO notification_template (template, channel, language, subject, body) VALUES
    ('queue.notice.three-away', 'EMAIL', 'zh', '即将叫到您的号码 ((number))', '您的号码((number))前面还有不到三位，请到((hall))等候叫号。'),
    ('queue.notice.three-away', 'EMAIL', 'en', 'Your number ((number)) is nearly up', 'Your number ((number)) is less than three places from the front. Please wait near the counters at ((hall)).'),
    ('queue.notice.your-turn', 'EMAIL', 'zh', '请 ((number)) 号到 ((counter)) 办理', '请((number))号到((counter))办理（((hall))）。'),
    ('queue.notice.your-turn', 'EMAIL', 'en', 'Number ((number)), it is your turn', 'It is your turn: number ((number)), please go to ((counter)) (((hall))).'),
    ('appointment.reminder.day-before', 'EMAIL', 'zh', '明天的预约提醒', '您预约了明天（((date))）((time))在((hall))办事，预约号((code))。如果不能来，请在网上取消，把位置留给别人。'),
    ('appointment.reminder.day-before', 'EMAIL', 'en', 'Your appointment tomorrow', 'Your appointment is tomorrow (((date))) at ((time)), at ((hall)). Booking code ((code)). If you cannot come, please cancel online so that someone else can have the place.'),
    ('appointment.reminder.same-day', 'EMAIL', 'zh', '今天的预约提醒', '您今天((time))在((hall))有预约，预约号((code))，请按时到场取号。'),
    ('appointment.reminder.same-day', 'EMAIL', 'en', 'Your appointment today', 'Your appointment is today at ((time)), at ((hall)). Booking code ((code)); please arrive on time and take your number.'),
    ('assistant.callback.confirmed', 'EMAIL', 'zh', '回拨已预约', '已为您预约回拨：我们将在((when))致电((phone))。'),
    ('assistant.callback.confirmed', 'EMAIL', 'en', 'Your call back is booked', 'We will call ((phone)) at ((when)).'),
    ('assistant.callback.reminder', 'EMAIL', 'zh', '回拨提醒', '我们将在((when))左右致电((phone))回拨，请保持电话畅通。'),
    ('assistant.callback.reminder', 'EMAIL', 'en', 'We will call you back soon', 'We will call ((phone)) back at about ((when)). Please keep your phone at hand.'),
    ('rating.invitation', 'EMAIL', 'zh', '请为我们的服务评价', '您办理的“((service))”已完成。请花一分钟为我们的服务评价：((link))'),
    ('rating.invitation', 'EMAIL', 'en', 'Please rate our service', 'Your matter "((service))" is done. Please take a minute to rate our service: ((link))')
ON CONFLICT (template, channel, language) DO NOTHING;
