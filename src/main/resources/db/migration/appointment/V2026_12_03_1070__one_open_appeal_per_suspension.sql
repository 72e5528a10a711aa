-- An appeal answers one suspension, and a suspension has at most one undecided appeal: the unique index makes the
-- conditional insert in Appeals refuse a second one on any node, with no check-then-act. Appeals made before this
-- column existed keep it empty and are not matched by the index.
ALTER TABLE appointment_appeal ADD COLUMN suspension_id bigint REFERENCES appointment_suspension (id);
CREATE UNIQUE INDEX appointment_appeal_one_open ON appointment_appeal (suspension_id) WHERE decided_at IS NULL;
-- The administrators' list pages through open appeals oldest first.
CREATE INDEX appointment_appeal_open_by_age ON appointment_appeal (created_at) WHERE decided_at IS NULL;
