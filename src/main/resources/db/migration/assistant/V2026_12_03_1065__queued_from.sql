-- The client address an anonymous conversation joined the queue from: how many conversations one address (and one
-- device, by owner_key) may keep waiting for a person at once is counted from these rows, so that every node agrees.
ALTER TABLE assistant_conversation ADD COLUMN queued_from text;
CREATE INDEX assistant_conversation_queued_from ON assistant_conversation (queued_from) WHERE handoff = 'QUEUED';
