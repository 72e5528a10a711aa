-- Insight (issue 17, fix): a source's changed months are found from changed-at columns, which miss rows written with
-- past timestamps (the demo history, a trip recorded late by a retried event, an import). Each source is therefore
-- also recomputed whole now and then: this is when it last was (null: never, so the next refresh does).
ALTER TABLE insight_source ADD COLUMN full_refreshed_at TIMESTAMPTZ;
