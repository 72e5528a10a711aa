-- After a rolled-back upload, VaultFiles asks whether any committed document still uses the file before removing it.
CREATE INDEX application_document_sha256 ON application_document (sha256);
