-- AI HQ schema version 6 (H2): erasure of a customer and retention purges of personal data.

-- A journal entry whose payload was erased (its customer was erased) or purged for retention keeps its
-- key, type, run and times, so that a redelivered event is still answered as a duplicate; its payload
-- becomes '{}' and this column says when.
ALTER TABLE ${prefix}event_journal ADD COLUMN payload_erased_at TIMESTAMP(6) WITH TIME ZONE NULL;

-- A run whose result, agent trace and stages were purged for retention (its id, outcome, reason and
-- times stay).
ALTER TABLE ${prefix}runs ADD COLUMN purged_at TIMESTAMP(6) WITH TIME ZONE NULL;

-- Retention purges of a shop's journal entries received before a cutoff. (H2 compares strings by
-- character code, so the primary key of the shops table already lists them in that order.)
CREATE INDEX ${prefix}event_journal_received ON ${prefix}event_journal (shop_id, received_at);
