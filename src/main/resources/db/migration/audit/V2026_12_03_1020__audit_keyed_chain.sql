-- From now on the sealer seals each entry with HMAC-SHA256 under a key that is not in the database
-- (ONESTOP_AUDIT_KEY), so that nobody with only database access can recompute the chain; key_id names
-- that key (keys rotate). Entries sealed before keep key_id NULL and their plain SHA-256 chain, which
-- still verifies. Each checkpoint (written outside the database) records where that unkeyed prefix ends,
-- so keyed entries cannot later be passed off as unkeyed ones.
-- No row is updated: adding a nullable column leaves every sealed entry, and the append-only trigger, as they are.
ALTER TABLE audit_entry ADD COLUMN key_id TEXT;

CREATE INDEX audit_entry_unkeyed ON audit_entry (seq) WHERE key_id IS NULL AND seq IS NOT NULL;
