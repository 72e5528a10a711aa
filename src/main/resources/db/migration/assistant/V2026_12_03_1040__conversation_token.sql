-- A capability for API clients that keep no cookie (a kiosk on the hall's LAN over plain HTTP): the create response
-- carries a random token once; only its SHA-256 is kept, so a copy of the database opens no conversation.
ALTER TABLE assistant_conversation ADD COLUMN token_hash bytea;
CREATE UNIQUE INDEX assistant_conversation_token ON assistant_conversation (token_hash) WHERE token_hash IS NOT NULL;
