-- Issue 16: SMS and e-mail templates in both languages for every kind a citizen receives (staff work stays in the
-- inbox). The SMS signature is added when rendering; ((site)) is the configured public address (onestop.public-url),
-- the only one a template may link to. Administrators edit these on /admin/notifications/templates.
INSERT INTO notification_template (template, channel, language, subject, body, html_body, updated_by) VALUES
    ('application.notice.named.approved', 'SMS', 'zh', NULL, '您申请的((matter))已办结：准予办理，电子证照已放入材料库。', NULL, 'system'),
    ('application.notice.named.approved', 'SMS', 'en', NULL, 'Your ((matter)) application is approved; the e-certificate is in your vault.', NULL, 'system'),
    ('application.notice.named.approved', 'EMAIL', 'zh', '办件已办结：((matter))', '您申请的((matter))（编号 ((reference))）已办结：准予办理。电子证照已放入您的材料库。

登录 OneStop 查看: ((site))/applications', '<p>您申请的((matter))（编号 ((reference))）已办结：准予办理。电子证照已放入您的材料库。</p>
<p><a href="((site))/applications">登录 OneStop 查看</a></p>', 'system'),
    ('application.notice.named.approved', 'EMAIL', 'en', 'Decided: ((matter))', 'Your application for ((matter)) (reference ((reference))) is decided: approved. The e-certificate is in your document vault.

View it on OneStop: ((site))/applications', '<p>Your application for ((matter)) (reference ((reference))) is decided: approved. The e-certificate is in your document vault.</p>
<p><a href="((site))/applications">View it on OneStop</a></p>', 'system'),
    ('application.notice.named.rejected', 'SMS', 'zh', NULL, '您申请的((matter))未获准予，请登录查看理由和补救办法。', NULL, 'system'),
    ('application.notice.named.rejected', 'SMS', 'en', NULL, 'Your ((matter)) application was not approved. Sign in to see why.', NULL, 'system'),
    ('application.notice.named.rejected', 'EMAIL', 'zh', '办件未获准予：((matter))', '您申请的((matter))（编号 ((reference))）未获准予。请登录查看理由、依据和补救办法。

登录 OneStop 查看: ((site))/applications', '<p>您申请的((matter))（编号 ((reference))）未获准予。请登录查看理由、依据和补救办法。</p>
<p><a href="((site))/applications">登录 OneStop 查看</a></p>', 'system'),
    ('application.notice.named.rejected', 'EMAIL', 'en', 'Not approved: ((matter))', 'Your application for ((matter)) (reference ((reference))) was not approved. Sign in to see the reason, its legal basis and what you can do.

View it on OneStop: ((site))/applications', '<p>Your application for ((matter)) (reference ((reference))) was not approved. Sign in to see the reason, its legal basis and what you can do.</p>
<p><a href="((site))/applications">View it on OneStop</a></p>', 'system'),
    ('application.notice.named.consultation', 'SMS', 'zh', NULL, '关于您申请的((matter))，我们邀请您面谈沟通，请登录查看。', NULL, 'system'),
    ('application.notice.named.consultation', 'SMS', 'en', NULL, 'About your ((matter)) application: we invite you to talk it through.', NULL, 'system'),
    ('application.notice.named.consultation', 'EMAIL', 'zh', '面谈邀请：((matter))', '关于您申请的((matter))（编号 ((reference))），我们邀请您面谈沟通。请登录查看详情。

登录 OneStop 查看: ((site))/applications', '<p>关于您申请的((matter))（编号 ((reference))），我们邀请您面谈沟通。请登录查看详情。</p>
<p><a href="((site))/applications">登录 OneStop 查看</a></p>', 'system'),
    ('application.notice.named.consultation', 'EMAIL', 'en', 'Invitation to talk: ((matter))', 'About your application for ((matter)) (reference ((reference))): we invite you to talk it through with us. Sign in for details.

View it on OneStop: ((site))/applications', '<p>About your application for ((matter)) (reference ((reference))): we invite you to talk it through with us. Sign in for details.</p>
<p><a href="((site))/applications">View it on OneStop</a></p>', 'system'),
    ('application.notice.named.field-visit', 'SMS', 'zh', NULL, '您申请的((matter))需要实地核查，工作人员会与您联系约定时间。', NULL, 'system'),
    ('application.notice.named.field-visit', 'SMS', 'en', NULL, 'Your ((matter)) application needs a visit; an officer will call you.', NULL, 'system'),
    ('application.notice.named.field-visit', 'EMAIL', 'zh', '需要实地核查：((matter))', '您申请的((matter))（编号 ((reference))）需要实地核查，工作人员会与您联系约定时间。

登录 OneStop 查看: ((site))/applications', '<p>您申请的((matter))（编号 ((reference))）需要实地核查，工作人员会与您联系约定时间。</p>
<p><a href="((site))/applications">登录 OneStop 查看</a></p>', 'system'),
    ('application.notice.named.field-visit', 'EMAIL', 'en', 'A visit is needed: ((matter))', 'Your application for ((matter)) (reference ((reference))) needs a visit; an officer will contact you to agree a time.

View it on OneStop: ((site))/applications', '<p>Your application for ((matter)) (reference ((reference))) needs a visit; an officer will contact you to agree a time.</p>
<p><a href="((site))/applications">View it on OneStop</a></p>', 'system'),
    ('application.notice.named.supplement', 'SMS', 'zh', NULL, '您申请的((matter))需要补充材料，请登录一次性查看并补正。', NULL, 'system'),
    ('application.notice.named.supplement', 'SMS', 'en', NULL, 'Your ((matter)) application needs more information. Sign in to add it.', NULL, 'system'),
    ('application.notice.named.supplement', 'EMAIL', 'zh', '需要补充材料：((matter))', '您申请的((matter))（编号 ((reference))）需要补充材料。所缺内容已一次性列出，请登录查看并补正。

登录 OneStop 查看: ((site))/applications', '<p>您申请的((matter))（编号 ((reference))）需要补充材料。所缺内容已一次性列出，请登录查看并补正。</p>
<p><a href="((site))/applications">登录 OneStop 查看</a></p>', 'system'),
    ('application.notice.named.supplement', 'EMAIL', 'en', 'More information needed: ((matter))', 'Your application for ((matter)) (reference ((reference))) needs more information. Everything missing is listed at once: sign in to add it.

View it on OneStop: ((site))/applications', '<p>Your application for ((matter)) (reference ((reference))) needs more information. Everything missing is listed at once: sign in to add it.</p>
<p><a href="((site))/applications">View it on OneStop</a></p>', 'system'),
    ('application.notice.named.correction-corrected', 'SMS', 'zh', NULL, '您对“((item))”的数据异议已核实，记录已更正。', NULL, 'system'),
    ('application.notice.named.correction-corrected', 'SMS', 'en', NULL, 'Your dispute about "((item))" was checked; the record is corrected.', NULL, 'system'),
    ('application.notice.named.correction-corrected', 'EMAIL', 'zh', '数据异议已更正：((item))', '您在申请((matter))（编号 ((reference))）时对“((item))”提出的数据异议已核实，部门已更正记录。

登录 OneStop 查看: ((site))/applications', '<p>您在申请((matter))（编号 ((reference))）时对“((item))”提出的数据异议已核实，部门已更正记录。</p>
<p><a href="((site))/applications">登录 OneStop 查看</a></p>', 'system'),
    ('application.notice.named.correction-corrected', 'EMAIL', 'en', 'Record corrected: ((item))', 'Your dispute about "((item))" in your application for ((matter)) (reference ((reference))) was checked and the record has been corrected.

View it on OneStop: ((site))/applications', '<p>Your dispute about "((item))" in your application for ((matter)) (reference ((reference))) was checked and the record has been corrected.</p>
<p><a href="((site))/applications">View it on OneStop</a></p>', 'system'),
    ('application.notice.named.correction-declined', 'SMS', 'zh', NULL, '您对“((item))”的数据异议已核查，记录未更正，请登录查看说明。', NULL, 'system'),
    ('application.notice.named.correction-declined', 'SMS', 'en', NULL, 'Your dispute about "((item))" was checked; the record stays. See why.', NULL, 'system'),
    ('application.notice.named.correction-declined', 'EMAIL', 'zh', '数据异议未更正：((item))', '您在申请((matter))（编号 ((reference))）时对“((item))”提出的数据异议已核查，部门记录未更正，详见说明。

登录 OneStop 查看: ((site))/applications', '<p>您在申请((matter))（编号 ((reference))）时对“((item))”提出的数据异议已核查，部门记录未更正，详见说明。</p>
<p><a href="((site))/applications">登录 OneStop 查看</a></p>', 'system'),
    ('application.notice.named.correction-declined', 'EMAIL', 'en', 'Record not changed: ((item))', 'Your dispute about "((item))" in your application for ((matter)) (reference ((reference))) was checked and the record was not changed; see the explanation.

View it on OneStop: ((site))/applications', '<p>Your dispute about "((item))" in your application for ((matter)) (reference ((reference))) was checked and the record was not changed; see the explanation.</p>
<p><a href="((site))/applications">View it on OneStop</a></p>', 'system'),
    ('hotline.inbox.subject', 'SMS', 'zh', NULL, '12345热线为您准备了“((matter))”申请，请登录核对并确认。', NULL, 'system'),
    ('hotline.inbox.subject', 'SMS', 'en', NULL, 'The 12345 hotline prepared your ((matter)) application: please check it.', NULL, 'system'),
    ('hotline.inbox.subject', 'EMAIL', 'zh', '请核对热线代填的申请：((matter))', '12345热线 ((agent)) 为您准备了“((matter))”申请，请登录核对并确认后提交。

登录 OneStop 查看: ((site))/applications', '<p>12345热线 ((agent)) 为您准备了“((matter))”申请，请登录核对并确认后提交。</p>
<p><a href="((site))/applications">登录 OneStop 查看</a></p>', 'system'),
    ('hotline.inbox.subject', 'EMAIL', 'en', 'Please check your prepared application: ((matter))', '((agent)) at the 12345 hotline prepared your application for ((matter)): please sign in, check it and confirm.

View it on OneStop: ((site))/applications', '<p>((agent)) at the 12345 hotline prepared your application for ((matter)): please sign in, check it and confirm.</p>
<p><a href="((site))/applications">View it on OneStop</a></p>', 'system'),
    ('appointment.notice.suspended', 'SMS', 'zh', NULL, '您三次预约未到，网上预约暂停30天；现场取号不受影响。', NULL, 'system'),
    ('appointment.notice.suspended', 'SMS', 'en', NULL, 'You missed 3 appointments: online booking is paused for 30 days.', NULL, 'system'),
    ('appointment.notice.suspended', 'EMAIL', 'zh', '网上预约已暂停', '您一段时间内三次预约未到，网上预约暂停30天；现场取号不受影响。如有特殊情况，可以申请复核。

登录 OneStop 查看: ((site))/appointments', '<p>您一段时间内三次预约未到，网上预约暂停30天；现场取号不受影响。如有特殊情况，可以申请复核。</p>
<p><a href="((site))/appointments">登录 OneStop 查看</a></p>', 'system'),
    ('appointment.notice.suspended', 'EMAIL', 'en', 'Online booking is paused', 'You missed three appointments recently, so online booking is paused for 30 days. Walk-in tickets are not affected, and you can ask a person to review this.

View it on OneStop: ((site))/appointments', '<p>You missed three appointments recently, so online booking is paused for 30 days. Walk-in tickets are not affected, and you can ask a person to review this.</p>
<p><a href="((site))/appointments">View it on OneStop</a></p>', 'system'),
    ('identity.notice.password-reset', 'SMS', 'zh', NULL, '您的密码已重设，所有设备已退出登录。非本人操作请拨打12345。', NULL, 'system'),
    ('identity.notice.password-reset', 'SMS', 'en', NULL, 'Your password was reset. Not you? Call 12345 at once.', NULL, 'system'),
    ('identity.notice.password-reset', 'EMAIL', 'zh', '您的密码已重设', '您的密码已通过手机验证码重设，所有设备上的登录均已退出。如果不是您本人操作，请立即拨打 12345。

登录 OneStop 查看: ((site))/account', '<p>您的密码已通过手机验证码重设，所有设备上的登录均已退出。如果不是您本人操作，请立即拨打 12345。</p>
<p><a href="((site))/account">登录 OneStop 查看</a></p>', 'system'),
    ('identity.notice.password-reset', 'EMAIL', 'en', 'Your password was reset', 'Your password was reset with a code texted to your phone, and every device was signed out. If this was not you, call 12345 at once.

View it on OneStop: ((site))/account', '<p>Your password was reset with a code texted to your phone, and every device was signed out. If this was not you, call 12345 at once.</p>
<p><a href="((site))/account">View it on OneStop</a></p>', 'system'),
    ('identity.notice.password-changed', 'SMS', 'zh', NULL, '您的密码已修改。非本人操作请立即找回密码或拨打12345。', NULL, 'system'),
    ('identity.notice.password-changed', 'SMS', 'en', NULL, 'Your password was changed. Not you? Reset it or call 12345 at once.', NULL, 'system'),
    ('identity.notice.password-changed', 'EMAIL', 'zh', '您的密码已修改', '您的密码已修改，其他设备上的登录均已退出。如果不是您本人操作，请立即找回密码或拨打 12345。

登录 OneStop 查看: ((site))/account', '<p>您的密码已修改，其他设备上的登录均已退出。如果不是您本人操作，请立即找回密码或拨打 12345。</p>
<p><a href="((site))/account">登录 OneStop 查看</a></p>', 'system'),
    ('identity.notice.password-changed', 'EMAIL', 'en', 'Your password was changed', 'Your password was changed, and every other device was signed out. If this was not you, reset your password or call 12345 at once.

View it on OneStop: ((site))/account', '<p>Your password was changed, and every other device was signed out. If this was not you, reset your password or call 12345 at once.</p>
<p><a href="((site))/account">View it on OneStop</a></p>', 'system'),
    ('identity.notice.phone-changed', 'SMS', 'zh', NULL, '账户手机号已由((old_phone))换为((new_phone))。非本人操作请拨打12345。', NULL, 'system'),
    ('identity.notice.phone-changed', 'SMS', 'en', NULL, 'Your phone changed to ((new_phone)). Not you? Call 12345.', NULL, 'system'),
    ('identity.notice.phone-changed', 'EMAIL', 'zh', '账户手机号码已更换', '账户登记的手机号码已由 ((old_phone)) 更换为 ((new_phone))。如果不是您本人操作，请立即拨打 12345。

登录 OneStop 查看: ((site))/account', '<p>账户登记的手机号码已由 ((old_phone)) 更换为 ((new_phone))。如果不是您本人操作，请立即拨打 12345。</p>
<p><a href="((site))/account">登录 OneStop 查看</a></p>', 'system'),
    ('identity.notice.phone-changed', 'EMAIL', 'en', 'Your mobile number was changed', 'The mobile number of your account was changed from ((old_phone)) to ((new_phone)). If this was not you, call 12345 at once.

View it on OneStop: ((site))/account', '<p>The mobile number of your account was changed from ((old_phone)) to ((new_phone)). If this was not you, call 12345 at once.</p>
<p><a href="((site))/account">View it on OneStop</a></p>', 'system'),
    ('identity.notice.signed-out-everywhere', 'SMS', 'zh', NULL, '您的账户已在所有设备上退出登录。', NULL, 'system'),
    ('identity.notice.signed-out-everywhere', 'SMS', 'en', NULL, 'Your account was signed out on every device.', NULL, 'system'),
    ('identity.notice.signed-out-everywhere', 'EMAIL', 'zh', '已在所有设备上退出登录', '您的账户已在所有设备上退出登录。

登录 OneStop 查看: ((site))/account', '<p>您的账户已在所有设备上退出登录。</p>
<p><a href="((site))/account">登录 OneStop 查看</a></p>', 'system'),
    ('identity.notice.signed-out-everywhere', 'EMAIL', 'en', 'Signed out on every device', 'Your account was signed out on every device.

View it on OneStop: ((site))/account', '<p>Your account was signed out on every device.</p>
<p><a href="((site))/account">View it on OneStop</a></p>', 'system'),
    ('mandate.inbox.granted.grantor', 'SMS', 'zh', NULL, '您已授权((representative))为您代办，有效至((until))。', NULL, 'system'),
    ('mandate.inbox.granted.grantor', 'SMS', 'en', NULL, 'You let ((representative)) act for you until ((until)).', NULL, 'system'),
    ('mandate.inbox.granted.grantor', 'EMAIL', 'zh', '代办授权已生效', '您已授权 ((representative)) 为您代办，有效至 ((until))。

登录 OneStop 查看: ((site))/account/mandates', '<p>您已授权 ((representative)) 为您代办，有效至 ((until))。</p>
<p><a href="((site))/account/mandates">登录 OneStop 查看</a></p>', 'system'),
    ('mandate.inbox.granted.grantor', 'EMAIL', 'en', 'Your mandate is in force', 'You let ((representative)) act for you until ((until)).

View it on OneStop: ((site))/account/mandates', '<p>You let ((representative)) act for you until ((until)).</p>
<p><a href="((site))/account/mandates">View it on OneStop</a></p>', 'system'),
    ('mandate.inbox.granted.representative', 'SMS', 'zh', NULL, '((grantor))已授权您为其代办，有效至((until))。', NULL, 'system'),
    ('mandate.inbox.granted.representative', 'SMS', 'en', NULL, '((grantor)) lets you act for them until ((until)).', NULL, 'system'),
    ('mandate.inbox.granted.representative', 'EMAIL', 'zh', '您获得了代办授权', '((grantor)) 已授权您为其代办，有效至 ((until))。

登录 OneStop 查看: ((site))/account/mandates', '<p>((grantor)) 已授权您为其代办，有效至 ((until))。</p>
<p><a href="((site))/account/mandates">登录 OneStop 查看</a></p>', 'system'),
    ('mandate.inbox.granted.representative', 'EMAIL', 'en', 'You may act for someone', '((grantor)) lets you act for them until ((until)).

View it on OneStop: ((site))/account/mandates', '<p>((grantor)) lets you act for them until ((until)).</p>
<p><a href="((site))/account/mandates">View it on OneStop</a></p>', 'system'),
    ('mandate.inbox.revoked.grantor', 'SMS', 'zh', NULL, '您对((representative))的代办授权已撤销。', NULL, 'system'),
    ('mandate.inbox.revoked.grantor', 'SMS', 'en', NULL, 'Your mandate for ((representative)) is revoked.', NULL, 'system'),
    ('mandate.inbox.revoked.grantor', 'EMAIL', 'zh', '代办授权已撤销', '您对 ((representative)) 的代办授权已撤销。

登录 OneStop 查看: ((site))/account/mandates', '<p>您对 ((representative)) 的代办授权已撤销。</p>
<p><a href="((site))/account/mandates">登录 OneStop 查看</a></p>', 'system'),
    ('mandate.inbox.revoked.grantor', 'EMAIL', 'en', 'Mandate revoked', 'Your mandate for ((representative)) is revoked.

View it on OneStop: ((site))/account/mandates', '<p>Your mandate for ((representative)) is revoked.</p>
<p><a href="((site))/account/mandates">View it on OneStop</a></p>', 'system'),
    ('mandate.inbox.revoked.representative', 'SMS', 'zh', NULL, '((grantor))已撤销对您的代办授权。', NULL, 'system'),
    ('mandate.inbox.revoked.representative', 'SMS', 'en', NULL, '((grantor)) revoked your mandate to act for them.', NULL, 'system'),
    ('mandate.inbox.revoked.representative', 'EMAIL', 'zh', '代办授权已撤销', '((grantor)) 已撤销对您的代办授权。

登录 OneStop 查看: ((site))/account/mandates', '<p>((grantor)) 已撤销对您的代办授权。</p>
<p><a href="((site))/account/mandates">登录 OneStop 查看</a></p>', 'system'),
    ('mandate.inbox.revoked.representative', 'EMAIL', 'en', 'Mandate revoked', '((grantor)) revoked your mandate to act for them.

View it on OneStop: ((site))/account/mandates', '<p>((grantor)) revoked your mandate to act for them.</p>
<p><a href="((site))/account/mandates">View it on OneStop</a></p>', 'system'),
    ('complaint.notice.reporter.dispatched', 'SMS', 'zh', NULL, '您的诉求已派给承办部门办理。', NULL, 'system'),
    ('complaint.notice.reporter.dispatched', 'SMS', 'en', NULL, 'Your complaint has been sent to the department that will handle it.', NULL, 'system'),
    ('complaint.notice.reporter.dispatched', 'EMAIL', 'zh', '您的诉求已派单', '您的诉求已派给承办部门办理。

登录 OneStop 查看: ((site))/complaints', '<p>您的诉求已派给承办部门办理。</p>
<p><a href="((site))/complaints">登录 OneStop 查看</a></p>', 'system'),
    ('complaint.notice.reporter.dispatched', 'EMAIL', 'en', 'Your complaint was dispatched', 'Your complaint has been dispatched to the department that will handle it.

View it on OneStop: ((site))/complaints', '<p>Your complaint has been dispatched to the department that will handle it.</p>
<p><a href="((site))/complaints">View it on OneStop</a></p>', 'system'),
    ('complaint.notice.waiting', 'SMS', 'zh', NULL, '您的诉求暂时等待中：((reason))', NULL, 'system'),
    ('complaint.notice.waiting', 'SMS', 'en', NULL, 'Your complaint is on hold: ((reason))', NULL, 'system'),
    ('complaint.notice.waiting', 'EMAIL', 'zh', '您的诉求暂时等待中', '您的诉求暂时等待中：((reason))

登录 OneStop 查看: ((site))/complaints', '<p>您的诉求暂时等待中：((reason))</p>
<p><a href="((site))/complaints">登录 OneStop 查看</a></p>', 'system'),
    ('complaint.notice.waiting', 'EMAIL', 'en', 'Your complaint is on hold', 'Your complaint is on hold: ((reason))

View it on OneStop: ((site))/complaints', '<p>Your complaint is on hold: ((reason))</p>
<p><a href="((site))/complaints">View it on OneStop</a></p>', 'system'),
    ('complaint.notice.replied', 'SMS', 'zh', NULL, '您的诉求已有答复，请告诉我们问题是否解决。', NULL, 'system'),
    ('complaint.notice.replied', 'SMS', 'en', NULL, 'Your complaint has a reply. Please tell us if it was solved.', NULL, 'system'),
    ('complaint.notice.replied', 'EMAIL', 'zh', '您的诉求已有答复', '您的诉求已有答复，请告诉我们问题是否解决。

登录 OneStop 查看: ((site))/complaints', '<p>您的诉求已有答复，请告诉我们问题是否解决。</p>
<p><a href="((site))/complaints">登录 OneStop 查看</a></p>', 'system'),
    ('complaint.notice.replied', 'EMAIL', 'en', 'Your complaint has a reply', 'Your complaint has a reply. Please tell us whether the problem was solved.

View it on OneStop: ((site))/complaints', '<p>Your complaint has a reply. Please tell us whether the problem was solved.</p>
<p><a href="((site))/complaints">View it on OneStop</a></p>', 'system'),
    ('complaint.notice.closed', 'SMS', 'zh', NULL, '您的诉求已办结。', NULL, 'system'),
    ('complaint.notice.closed', 'SMS', 'en', NULL, 'Your complaint is closed.', NULL, 'system'),
    ('complaint.notice.closed', 'EMAIL', 'zh', '您的诉求已办结', '您的诉求已办结。

登录 OneStop 查看: ((site))/complaints', '<p>您的诉求已办结。</p>
<p><a href="((site))/complaints">登录 OneStop 查看</a></p>', 'system'),
    ('complaint.notice.closed', 'EMAIL', 'en', 'Your complaint is closed', 'Your complaint is closed.

View it on OneStop: ((site))/complaints', '<p>Your complaint is closed.</p>
<p><a href="((site))/complaints">View it on OneStop</a></p>', 'system')
ON CONFLICT (template, channel, language) DO NOTHING;
