-- The working-day calendar: public holidays and make-up working days (调休) as data. Days not listed follow
-- the normal week. Each year is loaded when the State Council publishes its notice.
CREATE TABLE platform_calendar_day (
    day  DATE PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name TEXT NOT NULL
);

CREATE TABLE platform_calendar_year (
    year   INT PRIMARY KEY,
    source TEXT NOT NULL
);
