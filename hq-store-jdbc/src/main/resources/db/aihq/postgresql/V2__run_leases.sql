-- AI HQ schema version 2 (PostgreSQL 12+): run leases, so that no journaled run is lost.
-- A new journal entry is unfinished (finished_at NULL) and held by the instance running it until
-- lease_until. An unfinished entry whose lease has expired belongs to a run whose process died; another
-- instance claims it (FOR UPDATE SKIP LOCKED), moves the lease to itself and runs it again under the same
-- run id. Entries journaled before this version count as finished: an upgrade resumes nothing old.

ALTER TABLE ${prefix}event_journal ADD COLUMN finished_at TIMESTAMPTZ NULL;
ALTER TABLE ${prefix}event_journal ADD COLUMN lease_worker VARCHAR(200) NULL;
ALTER TABLE ${prefix}event_journal ADD COLUMN lease_until TIMESTAMPTZ NULL;

UPDATE ${prefix}event_journal SET finished_at = received_at WHERE finished_at IS NULL;

-- Unfinished entries, oldest first, for the claims; finished entries (nearly all) are not indexed.
CREATE INDEX ${prefix}event_journal_unfinished ON ${prefix}event_journal
    (received_at, shop_id, idempotency_key) WHERE finished_at IS NULL;
