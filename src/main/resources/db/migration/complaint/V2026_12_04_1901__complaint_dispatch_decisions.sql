-- Dispatchers' lead-department decisions (issue 13): what every node's lead-department
-- model is trained on besides the demo history. Append-only; the models notice a new row
-- by the count and the newest id. No foreign keys: the category is a code of the category
-- tree and the department a department code, both checked by the code that decides.
CREATE TABLE complaint_dispatch_decision (
    id bigserial PRIMARY KEY,
    category_code varchar(60) NOT NULL,
    text varchar(4000) NOT NULL,
    lead_department varchar(10) NOT NULL,
    decided_at timestamptz NOT NULL
);
