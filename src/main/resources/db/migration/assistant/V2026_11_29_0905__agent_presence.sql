-- An agent who closed the console without going off duty must not keep citizens waiting for nobody: "on duty"
-- counts only while the agent has been seen lately (any desk action, or an open live queue on any node).
ALTER TABLE assistant_agent ADD COLUMN seen_at timestamptz;
UPDATE assistant_agent SET seen_at = changed_at;
ALTER TABLE assistant_agent ALTER COLUMN seen_at SET NOT NULL;
