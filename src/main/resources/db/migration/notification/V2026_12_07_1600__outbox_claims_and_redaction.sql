-- The dispatcher's claim reads two small partial indexes, one per arm, so that texts the provider accepted (SENDING
-- with a provider_ref, waiting for a receipt, possibly for days) are in neither and no poll filters them.
DROP INDEX notification_outbox_due;
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at)
    WHERE status IN ('CREATED', 'TEMPORARY_FAILURE');
-- Claims whose node may have gone away before it heard from the provider.
CREATE INDEX notification_outbox_takeover ON notification_outbox (claimed_until)
    WHERE status = 'SENDING' AND provider_ref IS NULL AND claimed_until IS NOT NULL;

-- One-time codes not yet blanked: the redaction sweep's whole work list, empty most of the time.
CREATE INDEX notification_outbox_unredacted ON notification_outbox (created_at)
    WHERE sensitive AND redacted_at IS NULL;

-- The administrators' outbox viewer lists everything newest first.
CREATE INDEX notification_outbox_by_created ON notification_outbox (created_at DESC, id);

-- A waiting row without a time would never be claimed.
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_waiting_has_time
    CHECK (status NOT IN ('CREATED', 'TEMPORARY_FAILURE') OR next_attempt_at IS NOT NULL);
