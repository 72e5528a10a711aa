-- The public figures count by month: complaints by first-contact deadline and by no-feedback closing, returns
-- by the time they were asked for (one query per page; these keep it from scanning every complaint).
CREATE INDEX complaint_contact_due ON complaint (first_contact_due) WHERE merged_into IS NULL;
CREATE INDEX complaint_no_feedback ON complaint (closed_at) WHERE closure = 'NO_FEEDBACK';
CREATE INDEX complaint_return_requested ON complaint_return (requested_at);
