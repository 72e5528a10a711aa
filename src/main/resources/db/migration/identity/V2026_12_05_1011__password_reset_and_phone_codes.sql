-- Account basics (issue 14): codes to reset a forgotten password (subject = what the person typed: a username or a
-- phone number) and to verify a new phone (subject = the username; the code goes to the new phone).
ALTER TABLE identity_one_time_code DROP CONSTRAINT identity_one_time_code_purpose_check;
ALTER TABLE identity_one_time_code ADD CONSTRAINT identity_one_time_code_purpose_check
    CHECK (purpose IN ('REGISTRATION', 'UNLOCK', 'PASSWORD_RESET', 'PHONE_CHANGE'));
