-- For a document OneStop issued (an e-certificate): the application it was issued for, so that the citizen's
-- "my documents" page names it in the reader's language and links to it.
ALTER TABLE application_document ADD COLUMN source_application UUID;
