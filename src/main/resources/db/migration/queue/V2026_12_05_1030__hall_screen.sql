-- How a hall's board speaks its calls (HallScreenStore): always in Chinese, and also in English where the hall says so.
-- A hall without a row speaks Chinese only.
CREATE TABLE queue_hall_screen (
    hall             text        PRIMARY KEY,
    calls_in_english boolean     NOT NULL,
    updated_at       timestamptz NOT NULL
);
