-- The outcome COMPLAINT_FILED points at the complaint filed in that conversation or call (issue 13); a callback
-- done with that outcome points at the complaint filed during the call back. No foreign key: the complaint belongs
-- to another module, which checks it when the outcome is recorded.
ALTER TABLE assistant_conversation ADD COLUMN complaint_id uuid;
ALTER TABLE assistant_conversation ADD CONSTRAINT assistant_conversation_complaint_outcome
    CHECK (complaint_id IS NULL OR outcome = 'COMPLAINT_FILED');
ALTER TABLE assistant_callback ADD COLUMN complaint_id uuid;
ALTER TABLE assistant_callback ADD CONSTRAINT assistant_callback_complaint_outcome
    CHECK (complaint_id IS NULL OR outcome = 'COMPLAINT_FILED');
