-- A counter visit is recorded from the TicketCompleted event, which the event publication registry may deliver
-- more than once (two nodes restarting together each resubmit what was outstanding). The ticket makes the
-- second delivery a no-op. Trips recorded by hand (the staff API) have no ticket.
ALTER TABLE application_trip ADD COLUMN ticket uuid;
CREATE UNIQUE INDEX application_trip_ticket ON application_trip (ticket) WHERE ticket IS NOT NULL;
