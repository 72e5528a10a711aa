-- Issue 17: the applications' figures are computed per city month from the base rows. A month is a range of
-- submitted_at (burden), created_at (completion rate) or decided_at (digital take-up), and the months to
-- recompute are found from updated_at and the trips' at, so that a refresh never scans every application.
CREATE INDEX application_submitted ON application (submitted_at) WHERE submitted_at IS NOT NULL;
CREATE INDEX application_created ON application (created_at);
CREATE INDEX application_decided ON application (decided_at) WHERE decided_at IS NOT NULL;
CREATE INDEX application_updated ON application (updated_at);
CREATE INDEX application_trip_at ON application_trip (at);
-- application_burden counts each application's trips, and asks whether an earlier application named the same
-- counter scan (document_ids ? id): without these both are scans of the whole table per row.
CREATE INDEX application_trip_by_application ON application_trip (application_id);
CREATE INDEX application_document_ids ON application USING gin (document_ids);
