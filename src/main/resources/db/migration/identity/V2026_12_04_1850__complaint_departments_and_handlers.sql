-- Complaints (issue 13) reach departments that handle no applications: urban management, ecology and
-- environment, water, and the 12345 citizen service hotline centre, whose dispatchers and head run dispatch.
INSERT INTO identity_department (code, name_zh, name_en) VALUES
    ('UM', '城市管理委员会', 'Urban Management Commission'),
    ('EE', '生态环境局', 'Ecology and Environment Bureau'),
    ('WA', '水务局', 'Water Authority'),
    ('DC', '12345市民服务热线中心', '12345 Citizen Service Hotline Centre')
ON CONFLICT (code) DO NOTHING;

ALTER TABLE identity_staff_role DROP CONSTRAINT identity_staff_role_role_check;
ALTER TABLE identity_staff_role ADD CONSTRAINT identity_staff_role_role_check
    CHECK (role IN ('CLERK', 'REVIEWER', 'SUPERVISOR', 'FIELD_OFFICER', 'AGENT', 'DISPATCHER', 'DEPARTMENT_HEAD',
                    'ADMIN', 'AUDITOR', 'CONTENT_EDITOR', 'COMPLAINT_HANDLER'));

-- The demo city's dispatcher moves to the dispatch centre (a no-op where there is no such account).
UPDATE identity_staff SET department_code = 'DC'
 WHERE account_id IN (SELECT id FROM identity_account WHERE username = 'dispatcher');
