-- AI HQ schema version 6 (PostgreSQL): erasure of a customer and retention purges of personal data.

-- A journal entry whose payload was erased (its customer was erased) or purged for retention keeps its
-- key, type, run and times, so that a redelivered event is still answered as a duplicate; its payload
-- becomes '{}' and this column says when.
ALTER TABLE ${prefix}event_journal ADD COLUMN payload_erased_at TIMESTAMPTZ NULL;

-- A run whose result, agent trace and stages were purged for retention (its id, outcome, reason and
-- times stay).
ALTER TABLE ${prefix}runs ADD COLUMN purged_at TIMESTAMPTZ NULL;

-- Retention purges of a shop's journal entries received before a cutoff.
CREATE INDEX ${prefix}event_journal_received ON ${prefix}event_journal (shop_id, received_at);

-- The retention job lists shops in character-code order, whatever the database's collation.
CREATE INDEX ${prefix}shops_id_c ON ${prefix}shops (shop_id COLLATE "C");
