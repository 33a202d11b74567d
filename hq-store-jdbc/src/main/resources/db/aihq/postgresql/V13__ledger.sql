-- AI HQ schema version 13 (PostgreSQL): the shops' money movements for the accountant (sales, returns,
-- cancellations, actual costs), one row per (shop, key), never changed once written. The calculator's totals
-- are one GROUP BY over a shop's period: the database adds up, not the application. Entries hold no customer,
-- so an erasure leaves them alone.
-- Amounts and quantities are NUMERIC(19,4): exact to four decimal places (no currency has more than three
-- minor digits), up to 10^15.

CREATE TABLE ${prefix}ledger_entries (
    shop_id          VARCHAR(64)   NOT NULL,
    -- Collation "C": entries of one time are listed in character-code order, as in Java and on H2.
    entry_key        VARCHAR(200)  COLLATE "C" NOT NULL,
    -- A LedgerEntryKind name: SALE, RETURN, CANCELLATION, COMMISSION, ...
    kind             VARCHAR(32)   NOT NULL,
    occurred_at      TIMESTAMPTZ   NOT NULL,
    -- NULL for a shop-wide entry. Collation "C": totals come in character-code order of SKUs.
    sku              VARCHAR(64)   COLLATE "C",
    order_id         VARCHAR(128),
    quantity         NUMERIC(19,4) NOT NULL,
    amount           NUMERIC(19,4) NOT NULL,
    currency         CHAR(3)       NOT NULL,
    source           VARCHAR(100)  NOT NULL,
    PRIMARY KEY (shop_id, entry_key)
);
-- A shop's entries of a period: the totals' GROUP BY and the listing by time then key.
CREATE INDEX ${prefix}ledger_entries_time ON ${prefix}ledger_entries (shop_id, occurred_at, entry_key);

-- The purchases saved before this version become sales: one entry per order and SKU, lines of one SKU summed,
-- amount = price x quantity, at the purchase's time. A SKU whose lines are in two currencies (no purchase
-- event has them) is left out rather than mixed.
INSERT INTO ${prefix}ledger_entries (shop_id, entry_key, kind, occurred_at, sku, order_id, quantity, amount,
    currency, source)
SELECT p.shop_id, 'sale:' || p.order_id || ':' || (line ->> 'sku'), 'SALE', p.occurred_at, line ->> 'sku',
    p.order_id, SUM((line ->> 'quantity')::numeric),
    SUM((line -> 'price' ->> 'amount')::numeric * (line ->> 'quantity')::numeric),
    MIN(line -> 'price' ->> 'currency'), 'purchases-backfill'
FROM ${prefix}purchases p CROSS JOIN LATERAL jsonb_array_elements(p.items) AS line
WHERE line ->> 'sku' IS NOT NULL
GROUP BY p.shop_id, p.order_id, p.occurred_at, line ->> 'sku'
HAVING COUNT(DISTINCT line -> 'price' ->> 'currency') = 1;
