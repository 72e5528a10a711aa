-- How to get to a hall (public transport, parking, entrance), in both languages, for the public hall pages.
ALTER TABLE appointment_service_hall
    ADD COLUMN directions_zh TEXT NOT NULL DEFAULT '',
    ADD COLUMN directions_en TEXT NOT NULL DEFAULT '';
