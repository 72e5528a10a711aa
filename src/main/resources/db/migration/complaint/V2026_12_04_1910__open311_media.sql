-- The media_url an Open311 client posted with a request (GeoReport v2 has no upload: the client hosts the photo
-- and sends its address). One per request; only http(s) addresses, as the endpoint checks.
CREATE TABLE complaint_open311_media (
    complaint_id UUID PRIMARY KEY REFERENCES complaint (id),
    url          TEXT NOT NULL CHECK (length(url) BETWEEN 8 AND 500 AND url ~ '^https?://')
);
