-- AI HQ schema version 2 (H2 2.x, embedded): run leases, so that no journaled run is lost.
-- A new journal entry is unfinished (finished_at NULL) and held by the instance running it until
-- lease_until. An unfinished entry whose lease has expired belongs to a run whose process died; another
-- claim moves the lease to itself and runs it again under the same run id. Entries journaled before this
-- version count as finished: an upgrade resumes nothing old.

ALTER TABLE ${prefix}event_journal ADD COLUMN finished_at TIMESTAMP(6) WITH TIME ZONE NULL;
ALTER TABLE ${prefix}event_journal ADD COLUMN lease_worker VARCHAR(200) NULL;
ALTER TABLE ${prefix}event_journal ADD COLUMN lease_until TIMESTAMP(6) WITH TIME ZONE NULL;

UPDATE ${prefix}event_journal SET finished_at = received_at WHERE finished_at IS NULL;

-- Unfinished entries, oldest first, for the claims. H2 has no partial indexes: the unfinished entries are
-- the ones under NULL, which H2 orders first; a claim reads that range in the index's order.
CREATE INDEX ${prefix}event_journal_unfinished ON ${prefix}event_journal
    (finished_at, received_at, shop_id, idempotency_key);
