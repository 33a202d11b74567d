-- AI HQ schema version 11 (H2): the distinct products of every purchase, one row per (order, SKU), so that
-- "frequently bought together" is one indexed query instead of reading every order's items JSON.
-- Purchases are never deleted (an erasure only clears customer_phone), and this table holds no customer.
-- H2 cannot take a JSON array apart in SQL: SchemaMigrator fills the lines of the purchases saved before
-- this version in Java, in the same transaction (see UPGRADING.md for Flyway and Liquibase users).

CREATE TABLE ${prefix}purchase_lines (
    shop_id          VARCHAR(64)   NOT NULL,
    order_id         VARCHAR(128)  NOT NULL,
    -- H2 compares strings by character code, as Java does: ties of equal counts come in that order.
    sku              VARCHAR(64)   NOT NULL,
    -- The purchase's occurred_at, repeated so that the since-filter needs no join.
    occurred_at      TIMESTAMP(6) WITH TIME ZONE   NOT NULL,
    PRIMARY KEY (shop_id, order_id, sku)
);
-- The orders that contain a SKU, since a time; the primary key then gives each order's other SKUs.
CREATE INDEX ${prefix}purchase_lines_sku ON ${prefix}purchase_lines (shop_id, sku, occurred_at);
