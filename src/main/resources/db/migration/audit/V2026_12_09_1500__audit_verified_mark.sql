-- How far the chain was last verified whole (issue 18): "every entry up to seq was walked and held, and
-- seq's seal was hash". GET /api/v1/audit/verify walks on from here instead of from entry 1, so a call
-- costs what was written since, not the whole log (ten million entries took minutes). The row is signed
-- with the chain's key (sig), which the database never holds: someone with only the database can delete
-- it (the next call then walks everything) but cannot move it past a change. One row, shared by every node.
CREATE TABLE audit_verified_mark (
    only_row     BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    seq          BIGINT      NOT NULL,
    hash         TEXT        NOT NULL,
    legacy_until BIGINT      NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    key_id       TEXT        NOT NULL,
    sig          TEXT        NOT NULL
);
