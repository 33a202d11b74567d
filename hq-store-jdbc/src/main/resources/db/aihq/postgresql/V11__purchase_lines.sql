-- AI HQ schema version 11 (PostgreSQL): the distinct products of every purchase, one row per (order, SKU),
-- so that "frequently bought together" is one indexed query instead of reading every order's items JSON.
-- Purchases are never deleted (an erasure only clears customer_phone), and this table holds no customer.

CREATE TABLE ${prefix}purchase_lines (
    shop_id          VARCHAR(64)   NOT NULL,
    order_id         VARCHAR(128)  NOT NULL,
    -- Collation "C": ties of equal counts come in character-code order, as in Java and on H2.
    sku              VARCHAR(64)   COLLATE "C" NOT NULL,
    -- The purchase's occurred_at, repeated so that the since-filter needs no join.
    occurred_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (shop_id, order_id, sku)
);
-- The orders that contain a SKU, since a time; the primary key then gives each order's other SKUs.
CREATE INDEX ${prefix}purchase_lines_sku ON ${prefix}purchase_lines (shop_id, sku, occurred_at);

-- The lines of the purchases saved before this version, from their items JSON.
INSERT INTO ${prefix}purchase_lines (shop_id, order_id, sku, occurred_at)
SELECT DISTINCT p.shop_id, p.order_id, line ->> 'sku', p.occurred_at
FROM ${prefix}purchases p CROSS JOIN LATERAL jsonb_array_elements(p.items) AS line
WHERE line ->> 'sku' IS NOT NULL;
