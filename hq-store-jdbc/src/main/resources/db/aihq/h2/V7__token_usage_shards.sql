-- AI HQ schema version 7 (H2): a shop's token usage of a day is kept in up to 16 rows.
-- With one row, every run of a shop updated the same row and waited for the previous run's commit to
-- release it; each addition now goes to one of 16 shards, and the day's total is their sum. Existing rows
-- become shard 0.
ALTER TABLE ${prefix}token_usage ADD COLUMN shard SMALLINT DEFAULT 0 NOT NULL;
ALTER TABLE ${prefix}token_usage DROP PRIMARY KEY;
ALTER TABLE ${prefix}token_usage ADD PRIMARY KEY (shop_id, usage_day, shard);
