-- Issue 17: a conversation has no single "changed at" column (every step sets its own moment), so the months of
-- the assistant's figures to recompute are found through the latest of those moments; greatest() ignores nulls.
CREATE INDEX assistant_conversation_changed ON assistant_conversation
    (greatest(started_at, last_seen_at, person_requested_at, queued_at, abandoned_at, connected_at, ended_at,
              rated_at));
