-- Issue 17: the government services administration (政务服务管理局), whose supervisors (督查) decide whether a rating
-- a department flagged as malicious is excluded from the figures. Role SERVICES_SUPERVISOR.
INSERT INTO identity_department (code, name_zh, name_en) VALUES
    ('GS', '政务服务管理局', 'Government Services Administration')
ON CONFLICT (code) DO NOTHING;

ALTER TABLE identity_staff_role DROP CONSTRAINT identity_staff_role_role_check;
ALTER TABLE identity_staff_role ADD CONSTRAINT identity_staff_role_role_check
    CHECK (role IN ('CLERK', 'REVIEWER', 'SUPERVISOR', 'FIELD_OFFICER', 'AGENT', 'DISPATCHER', 'DEPARTMENT_HEAD',
                    'ADMIN', 'AUDITOR', 'CONTENT_EDITOR', 'COMPLAINT_HANDLER', 'SERVICES_SUPERVISOR'));
