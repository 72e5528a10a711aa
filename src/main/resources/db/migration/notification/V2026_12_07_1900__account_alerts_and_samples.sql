-- Issue 16, review: an alert that the password or phone changed, or that every session was signed out, matters most
-- when it was not the citizen's doing, and then it cannot wait for 08:00: texted at once, like a code.
UPDATE notification_kind SET quiet_hours_exempt = TRUE WHERE topic = 'ACCOUNT';

-- Sample values for the kinds seeded with the hall's and reminders' messages, so that previews and the SMS length
-- check measure realistic texts rather than the placeholders' names.
UPDATE notification_kind SET samples_zh = '{A023,东城区政务服务中心}', samples_en = '{A023,"Dongcheng Government Service Centre"}'
    WHERE template = 'queue.notice.three-away';
UPDATE notification_kind SET samples_zh = '{A023,3号窗口,东城区政务服务中心}',
    samples_en = '{A023,"Counter 3","Dongcheng Government Service Centre"}'
    WHERE template = 'queue.notice.your-turn';
UPDATE notification_kind SET samples_zh = '{12月8日,09:30,东城区政务服务中心,K7Q2M9}',
    samples_en = '{"8 December",09:30,"Dongcheng Government Service Centre",K7Q2M9}'
    WHERE template = 'appointment.reminder.day-before';
UPDATE notification_kind SET samples_zh = '{09:30,东城区政务服务中心,K7Q2M9}',
    samples_en = '{09:30,"Dongcheng Government Service Centre",K7Q2M9}'
    WHERE template = 'appointment.reminder.same-day';
UPDATE notification_kind SET samples_zh = '{"12月8日 14:30",138****5678}', samples_en = '{"8 Dec 14:30",138****5678}'
    WHERE template IN ('assistant.callback.confirmed', 'assistant.callback.reminder');
UPDATE notification_kind SET samples_zh = '{382915,10}', samples_en = '{382915,10}'
    WHERE template LIKE 'identity.code.%' OR template = 'notification.email.verify-code';
-- rating.invitation keeps none: its link is OneStop's own address, which differs per city.
