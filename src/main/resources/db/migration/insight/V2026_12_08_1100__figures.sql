-- Insight (issue 17): the figures behind /figures and the open data, computed from the base rows by each module's
-- FigureSource and stored here per city month, so that the page reads a few hundred rows whatever the size of the
-- history. Never a hand-kept counter: a month is recomputed whole from the rows when they change.
CREATE TABLE insight_figure (
    month   DATE   NOT NULL CHECK (extract(day FROM month) = 1),
    -- "<source>.<name>", such as applications.decision-days.median.
    measure TEXT   NOT NULL,
    scope   TEXT   NOT NULL CHECK (scope IN ('CITY', 'DEPARTMENT', 'MATTER', 'HALL')),
    -- The department, matter or hall code; '' for the city.
    subject TEXT   NOT NULL,
    channel TEXT   NOT NULL CHECK (channel IN ('ALL', 'ONLINE', 'OFFLINE')),
    -- Null when the figure is not defined (no cases to take a median of).
    value   DOUBLE PRECISION,
    -- How many records the value rests on: cells of fewer than 5 are suppressed in public.
    cases   BIGINT NOT NULL CHECK (cases >= 0),
    source  TEXT   NOT NULL,
    PRIMARY KEY (month, scope, subject, measure, channel)
);
CREATE INDEX insight_figure_by_source ON insight_figure (source, month);

-- One row per source: how far its figures are up to date, and the lease that lets one node at a time refresh it.
CREATE TABLE insight_source (
    source            TEXT PRIMARY KEY,
    refreshed_through TIMESTAMPTZ,
    lease_owner       TEXT,
    lease_until       TIMESTAMPTZ,
    -- Bumped on every stored refresh: the pages' cache key.
    revision          BIGINT NOT NULL DEFAULT 0
);
