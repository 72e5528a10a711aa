-- Content editors maintain the catalog and public notices without administering accounts.
ALTER TABLE identity_staff_role DROP CONSTRAINT identity_staff_role_role_check;
ALTER TABLE identity_staff_role ADD CONSTRAINT identity_staff_role_role_check
    CHECK (role IN ('CLERK', 'REVIEWER', 'SUPERVISOR', 'FIELD_OFFICER', 'AGENT', 'DISPATCHER', 'DEPARTMENT_HEAD',
                    'ADMIN', 'AUDITOR', 'CONTENT_EDITOR'));
