-- Tickets each kiosk device gave out in its current one-minute window (KioskAllowance): one row per kiosk, raised by
-- a conditional upsert in the ticket's transaction, so the limit holds across nodes.
CREATE TABLE queue_kiosk_use (
    kiosk        uuid        PRIMARY KEY REFERENCES queue_kiosk (id),
    window_start timestamptz NOT NULL,
    tickets      int         NOT NULL CHECK (tickets >= 0)
);
