-- AI HQ schema version 10 (PostgreSQL): a shop's runs by outcome, newest first (ties by run id), e.g. the runs
-- held for a person's review (RunLog#withOutcome). Runs in progress have a NULL outcome and are never asked for.
CREATE INDEX ${prefix}runs_outcome ON ${prefix}runs (shop_id, outcome, started_at DESC, run_id DESC);
