-- AI HQ schema version 13 (H2): the shops' money movements for the accountant (sales, returns,
-- cancellations, actual costs), one row per (shop, key), never changed once written. The calculator's totals
-- are one GROUP BY over a shop's period: the database adds up, not the application. Entries hold no customer,
-- so an erasure leaves them alone.
-- Amounts and quantities are NUMERIC(19,4): exact to four decimal places (no currency has more than three
-- minor digits), up to 10^15.
-- H2 cannot take a JSON array apart in SQL: SchemaMigrator turns the purchases saved before this version
-- into sales in Java, in the same transaction (see UPGRADING.md for Flyway and Liquibase users).

CREATE TABLE ${prefix}ledger_entries (
    shop_id          VARCHAR(64)   NOT NULL,
    -- H2 compares strings by character code, as Java does: the order of entries of one time.
    entry_key        VARCHAR(200)  NOT NULL,
    -- A LedgerEntryKind name: SALE, RETURN, CANCELLATION, COMMISSION, ...
    kind             VARCHAR(32)   NOT NULL,
    occurred_at      TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    -- NULL for a shop-wide entry.
    sku              VARCHAR(64),
    order_id         VARCHAR(128),
    quantity         NUMERIC(19,4) NOT NULL,
    amount           NUMERIC(19,4) NOT NULL,
    currency         CHAR(3)       NOT NULL,
    source           VARCHAR(100)  NOT NULL,
    PRIMARY KEY (shop_id, entry_key)
);
-- A shop's entries of a period: the totals' GROUP BY and the listing by time then key.
CREATE INDEX ${prefix}ledger_entries_time ON ${prefix}ledger_entries (shop_id, occurred_at, entry_key);
