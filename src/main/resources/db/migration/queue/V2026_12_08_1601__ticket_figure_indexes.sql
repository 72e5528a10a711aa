-- Issue 17: the halls' figures take a city month of tickets by arrived_at, and find the months to recompute
-- from updated_at (raised by every call, completion and no-show).
CREATE INDEX queue_ticket_arrived ON queue_ticket (arrived_at);
CREATE INDEX queue_ticket_updated ON queue_ticket (updated_at);
