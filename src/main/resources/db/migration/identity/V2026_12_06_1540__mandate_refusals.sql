-- Review finding 4 (issue 15): a refused mandate grant tells "name does not match" from "no such ID number", so the
-- registry could be probed through it. Each grant the registry refuses leaves a row; a citizen with too many in the
-- last 24 hours is refused (429) before the registry is asked. Rows older than the window go.
CREATE TABLE identity_mandate_refusal (
    grantor    text        NOT NULL,
    refused_at timestamptz NOT NULL
);

CREATE INDEX identity_mandate_refusal_grantor ON identity_mandate_refusal (grantor, refused_at);
