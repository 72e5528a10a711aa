-- The newest checkpoint written to the checkpoint file, kept here too (one row), signed exactly as in the file.
-- Sealers on every node read it to write a checkpoint at most every onestop.audit.checkpoint-interval (the
-- file grew by a line a second), and to carry it over into a new file when the old one was moved away
-- (rotated), so that the sealer never gives a position a checkpoint names to another entry. Someone with the
-- database can delete or replay the row, but cannot forge one without the chain's key: the file stays the
-- evidence, and this row only ever adds to it.
CREATE TABLE audit_newest_checkpoint (
    only_row     BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    v            INTEGER     NOT NULL,
    seq          BIGINT      NOT NULL,
    head         TEXT        NOT NULL,
    legacy_until BIGINT      NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    node         TEXT        NOT NULL,
    key_id       TEXT        NOT NULL,
    sig          TEXT        NOT NULL
);
