-- Texts the provider accepted wait for its receipt; when none comes (receipts off, lost), a sweep asks the provider
-- after an hour and settles what it says, and gives up after 72 hours. receipt_asked_at is when a node last asked:
-- a node stamps it as it takes a row to ask about, so that two nodes never ask about the same row at once.
ALTER TABLE notification_outbox ADD COLUMN receipt_asked_at TIMESTAMPTZ;

-- Only the accepted texts still waiting: a handful when receipts work.
CREATE INDEX notification_outbox_awaiting_receipt ON notification_outbox (sent_at)
    WHERE channel = 'SMS' AND status = 'SENDING' AND claimed_by IS NULL AND sent_at IS NOT NULL;
