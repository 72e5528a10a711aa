-- Issue 15 (elder-friendly pages): a "call me back" button on every form page books a callback; the agent sees which
-- page the citizen was on (its path and the title they saw), so that nobody has to explain again.
ALTER TABLE assistant_callback ADD COLUMN from_page text;
ALTER TABLE assistant_callback ADD COLUMN from_title text;
