-- AI HQ schema version 8 (PostgreSQL): how many times a journaled run was started.
-- 1 when the event is journaled, one more each time a worker claims the run after its lease expired. A run
-- that keeps taking its worker down with it is given up after a number of attempts instead of being resumed
-- forever. Entries journaled before this version count as started once.
ALTER TABLE ${prefix}event_journal ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
