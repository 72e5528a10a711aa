-- A one-time code is not kept in clear once it reached its reader: the dispatcher blanks the row's body and
-- parameters and stamps when, so that the viewer can say the text was removed rather than show an empty one.
ALTER TABLE notification_outbox ADD COLUMN redacted_at TIMESTAMPTZ;
