-- AI HQ schema version 15 (H2): the local order index. Wildberries has no lookup by the references a buyer or a
-- chat gives (the unique order id rid/srid, the basket's orderUid, the sticker or gNumber, the assembly task), so
-- the connectors keep every order they see here, one row per (shop, marketplace, order id), and the inbox finds
-- an order by any of those references. Rows hold no personal data (no names, phones or addresses), so an
-- erasure leaves them alone; orders not seen for a while are purged by seen_at. Additive: no existing table
-- changes and nothing is back-filled.

CREATE TABLE ${prefix}order_index (
    shop_id           VARCHAR(64)   NOT NULL,
    -- A Marketplace code: kaspi, wildberries, ozon, ...
    marketplace       VARCHAR(32)   NOT NULL,
    -- The marketplace's own id of the order, assembly task or posting. H2 compares strings by character code,
    -- as Java does: the order of lookups' orders of one time.
    order_id          VARCHAR(100)  NOT NULL,
    -- The unique order id (Wildberries' rid, equal to srid in statistics, claims, finance and chats).
    rid               VARCHAR(200),
    -- The basket or transaction several orders share (Wildberries' orderUid).
    order_uid         VARCHAR(200),
    -- The number shown to the buyer: sticker or gNumber, posting number.
    sticker           VARCHAR(200),
    seller_sku        VARCHAR(200),
    -- The marketplace's product id (nmId, SKU).
    product_id        VARCHAR(200),
    product_name      VARCHAR(500),
    -- The fulfilment scheme in lower case: fbs, dbs, fbo, rfbs, ...
    scheme            VARCHAR(32),
    status            VARCHAR(100),
    created_at        TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    seen_at           TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    -- The primary key serves the lookup by order id.
    PRIMARY KEY (shop_id, marketplace, order_id)
);
-- Lookups by the other references.
CREATE INDEX ${prefix}order_index_rid ON ${prefix}order_index (shop_id, marketplace, rid);
CREATE INDEX ${prefix}order_index_order_uid ON ${prefix}order_index (shop_id, marketplace, order_uid);
CREATE INDEX ${prefix}order_index_sticker ON ${prefix}order_index (shop_id, marketplace, sticker);
-- The purge of a shop's orders not seen since a time.
CREATE INDEX ${prefix}order_index_seen ON ${prefix}order_index (shop_id, seen_at);
