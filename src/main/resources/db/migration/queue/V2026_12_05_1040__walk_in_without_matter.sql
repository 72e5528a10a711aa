-- A walk-in ticket taken at a kiosk names a group, not a matter: the citizen chose none, and the counter asks.
ALTER TABLE queue_ticket ALTER COLUMN service_code DROP NOT NULL;

-- Kiosk tickets so far carried their group's first matter, which nobody had chosen.
UPDATE queue_ticket SET service_code = NULL WHERE kind = 'WALK_IN' AND issued_by LIKE 'kiosk:%';
